"""The pages (plain HTML + JS, no build step) and their assets, plotly.js included from its package."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from api.deps import SettingsDep
from api.errors import not_found
from shared.auth import OPERATOR_ROLE, create_token
from shared.models import ErrorDTO

router = APIRouter(tags=["pages"])
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
# Pages load only what this server serves; plotly.js needs inline styles for its SVG.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
_CACHE = {"Cache-Control": "public, max-age=86400"}


def plotly_js_path() -> Path:
    spec = importlib.util.find_spec("plotly")
    assert spec is not None and spec.submodule_search_locations is not None
    return Path(next(iter(spec.submodule_search_locations))) / "package_data" / "plotly.min.js"


def page(name: str) -> FileResponse:
    return FileResponse(
        STATIC_DIR / name, media_type="text/html", headers={"Content-Security-Policy": PAGE_CSP}
    )


@router.get("/", include_in_schema=False)
async def chat_page() -> FileResponse:
    return page("index.html")


@router.get("/dashboard", include_in_schema=False)
async def dashboard_page() -> FileResponse:
    """The operators' live queue dashboard; its data endpoints check the operator role."""
    return page("dashboard.html")


@router.get("/static/vendor/plotly.min.js", include_in_schema=False)
async def plotly_js() -> FileResponse:
    return FileResponse(plotly_js_path(), media_type="text/javascript", headers=_CACHE)


class DevToken(BaseModel):
    access_token: str
    user: str
    roles: list[str]


class DevTokenRequest(BaseModel):
    user: str = Field(default="dev", min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.@-]+$")


@router.post(
    "/api/v1/dev/token",
    response_model=DevToken,
    tags=["dev"],
    responses={404: {"model": ErrorDTO, "description": "Not in dev mode"}},
)
async def dev_token(settings: SettingsDep, body: DevTokenRequest | None = None) -> DevToken:
    """Dev mode only (CHARTQ_ENV=dev): a token for the sign-in button of the pages. 404 otherwise."""
    if not settings.is_dev:
        raise not_found("Page")
    user = (body or DevTokenRequest()).user
    roles = [OPERATOR_ROLE]
    token = create_token(settings.signing_secret(), user, roles=roles, ttl_seconds=settings.jwt_ttl_seconds)
    return DevToken(access_token=token, user=user, roles=roles)
