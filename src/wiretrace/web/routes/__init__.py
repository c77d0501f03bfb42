"""The app's routes, one module per page family or API resource; ``ROUTERS`` lists them in mount order.

Routes that only read the database through its indexes are ``async def``: they run on the event loop,
saving the hand-over to a worker thread and back (see ``web.state``). Routes that write, or wait on the
source index, stay plain ``def`` and run in FastAPI's thread pool.
"""

from wiretrace.web.routes import (
    api_articles,
    api_claims,
    api_reports,
    api_sources,
    api_stories,
    pages_articles,
    pages_search,
    pages_sources,
    pages_stories,
)

ROUTERS = (
    api_stories.router,
    api_claims.router,
    api_articles.router,
    api_sources.router,
    api_reports.router,
    pages_stories.router,
    pages_articles.router,
    pages_search.router,
    pages_sources.router,
)
