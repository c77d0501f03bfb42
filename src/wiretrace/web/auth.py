"""The write token: writes are enabled only when the app was given one, and each write request must
carry it as ``Authorization: Bearer <token>``.

The comparison is constant-time (``hmac.compare_digest``) so response timing does not leak how much of
a guessed token was right. No token configured → 403 (writes are off); no or malformed header → 401;
a wrong token → 403. The header is read through FastAPI's ``HTTPBearer``, so the OpenAPI schema
declares the scheme on the write routes (Swagger's "Authorize" button, schemathesis' auth).
"""

from __future__ import annotations

import hmac
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from wiretrace.errors import WiretraceError
from wiretrace.web.errors import ApiError


def read_token(path: Path) -> str:
    """The token in ``path`` (surrounding whitespace dropped); an empty or unreadable file is refused."""
    try:
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise WiretraceError(f"{path}: cannot read the token file ({exc})") from exc
    if not token:
        raise WiretraceError(f"{path}: the token file is empty; write a long random token in it")
    if any(c.isspace() for c in token) or not token.isprintable():
        raise WiretraceError(f"{path}: the token must be one line of printable characters without spaces")
    return token


_BEARER = HTTPBearer(auto_error=False, description="the token of `wiretrace serve --token-file FILE`")


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)]
) -> None:
    """A FastAPI dependency of every write route: refuse unless the request carries the app's token."""
    expected: str | None = request.app.state.web.token
    if expected is None:
        raise ApiError(403, "writes are disabled on this server; start it with --token-file to enable them")
    if credentials is None:  # no header, another scheme, or no token after "Bearer"
        raise ApiError(401, "this write needs the header 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
    if not hmac.compare_digest(credentials.credentials.strip().encode("utf-8"), expected.encode("utf-8")):
        raise ApiError(403, "the token is wrong")
