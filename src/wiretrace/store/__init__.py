"""The store stage: every database read and write goes through this package."""

from wiretrace.store.articles import (
    ArticleSummary,
    StoredArticle,
    add_location,
    count_articles,
    has_article,
    list_articles,
    load_article,
    save_article,
    search_articles,
)
from wiretrace.store.claims import (
    StoredClaim,
    articles_to_extract,
    claim_from_json,
    count_claims,
    extraction_status,
    list_claims,
    save_extraction,
)
from wiretrace.store.database import (
    RunSummary,
    connect,
    end_run,
    record_skip,
    run_summary,
    skipped_in_run,
    start_run,
    transaction,
)

__all__ = [
    "ArticleSummary",
    "RunSummary",
    "StoredArticle",
    "StoredClaim",
    "articles_to_extract",
    "claim_from_json",
    "count_claims",
    "extraction_status",
    "list_claims",
    "save_extraction",
    "add_location",
    "connect",
    "count_articles",
    "end_run",
    "has_article",
    "list_articles",
    "load_article",
    "record_skip",
    "run_summary",
    "save_article",
    "search_articles",
    "skipped_in_run",
    "start_run",
    "transaction",
]
