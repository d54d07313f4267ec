"""The API's documentation pages, /docs (Swagger UI) and /redoc (ReDoc), that work offline.

FastAPI's own pages load their scripts, stylesheet, fonts and icon from a CDN and stay blank on a machine
without internet. These are built by FastAPI's documented helpers, but every asset comes from this
server: the dist files that the fastapi-offline package ships (Swagger UI, ReDoc's standalone bundle,
a favicon), mounted at ASSETS_URL. Their Content-Security-Policy lets nothing leave for another host.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.util
import re
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response

router = APIRouter(include_in_schema=False)

ASSETS_URL = "/static/docs"  # mounted before /static (api/app.py), so it is matched first
ASSETS_PACKAGE = "fastapi_offline"
# Swagger UI: no badge image from the online validator (validator.swagger.io).
SWAGGER_UI_PARAMETERS = {"validatorUrl": None}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", flags=re.S)
# ReDoc's menu footer always shows Redocly's logo from their CDN. "data:," is an image that fails to
# load, and ReDoc then leaves the logo out: the bundle is served with that URL replaced (matched by
# pattern, so a bundle whose logo path changes is still served without it).
REMOTE_LOGO = re.compile(rb"https?://[\w.-]*redoc\.ly/[^\"'\s]*\.svg")
NO_IMAGE = b"data:,"
_CACHE = {"Cache-Control": "public, max-age=86400"}


def docs_assets_dir() -> Path:
    """swagger-ui-bundle.js, swagger-ui.css, redoc.standalone.js and favicon.png, inside the package."""
    spec = importlib.util.find_spec(ASSETS_PACKAGE)
    assert spec is not None and spec.origin is not None, f"{ASSETS_PACKAGE} is not installed"
    return Path(spec.origin).parent / "static"


@functools.cache
def redoc_bundle() -> bytes:
    return REMOTE_LOGO.sub(NO_IMAGE, (docs_assets_dir() / "redoc.standalone.js").read_bytes())


def docs_csp(script_hashes: list[str], *, blob_workers: bool = False) -> str:
    """The pages' policy (api/routers/pages.py) plus the hashes of the page's own inline scripts (Swagger
    UI is started by one). `blob_workers`: ReDoc builds its search index in a Web Worker that its bundle
    starts from a blob: URL."""
    script_src = " ".join(["'self'", *script_hashes])
    worker_src = "worker-src 'self' blob:; " if blob_workers else ""
    return (
        f"default-src 'self'; script-src {script_src}; {worker_src}style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'self'"
    )


def inline_script_hashes(html: str) -> list[str]:
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    ]


def with_csp(page: HTMLResponse, *, blob_workers: bool = False) -> HTMLResponse:
    hashes = inline_script_hashes(bytes(page.body).decode())
    page.headers["Content-Security-Policy"] = docs_csp(hashes, blob_workers=blob_workers)
    return page


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    root, app = _root(request), request.app
    return with_csp(
        get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            swagger_ui_parameters=SWAGGER_UI_PARAMETERS,
        )
    )


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    root, app = _root(request), request.app
    return with_csp(
        get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        ),
        blob_workers=True,
    )


@router.get(f"{ASSETS_URL}/redoc.standalone.js")
async def redoc_js() -> Response:
    return Response(redoc_bundle(), media_type="text/javascript", headers=_CACHE)
