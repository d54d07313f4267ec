"""The pages (plain HTML + JS, no build step) and their assets, plotly.js included from its package."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse
from pydantic import BaseModel, Field

from api.deps import SettingsDep
from api.errors import not_found
from api.middleware import PAGE_CSP
from shared.auth import OPERATOR_ROLE, mint_token
from shared.models import ErrorDTO

router = APIRouter(tags=["pages"])
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
_CACHE = {"Cache-Control": "public, max-age=86400"}
# The dev sign-in button and its hint, between these comments of each page: left out outside dev mode.
_DEV_SIGNIN = re.compile(r"[ \t]*<!-- dev-signin\b.*?<!-- /dev-signin -->\n?", re.S)


def plotly_js_path() -> Path:
    spec = importlib.util.find_spec("plotly")
    assert spec is not None and spec.submodule_search_locations is not None
    return Path(next(iter(spec.submodule_search_locations))) / "package_data" / "plotly.min.js"


@lru_cache(maxsize=8)
def render(name: str, *, dev: bool) -> str:
    html = (STATIC_DIR / name).read_text(encoding="utf-8")
    return html if dev else _DEV_SIGNIN.sub("", html)


def page(name: str, *, dev: bool) -> HTMLResponse:
    # SecurityHeaders sets the same policy on any HTML answer; saying it here keeps the page whole alone.
    return HTMLResponse(
        render(name, dev=dev), headers={"Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-cache"}
    )


@router.get("/", include_in_schema=False)
async def chat_page(settings: SettingsDep) -> HTMLResponse:
    return page("index.html", dev=settings.is_dev)


@router.get("/dashboard", include_in_schema=False)
async def dashboard_page(settings: SettingsDep) -> HTMLResponse:
    """The operators' live queue dashboard; its data endpoints check the operator role."""
    return page("dashboard.html", dev=settings.is_dev)


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
    token = mint_token(settings, user, roles=roles)
    return DevToken(access_token=token, user=user, roles=roles)
