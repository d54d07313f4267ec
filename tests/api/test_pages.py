"""The pages (chat and queue dashboard) and their assets: served with a strict CSP, plotly.js from the
plotly package, and the dev sign-in endpoint that exists only in dev mode; /docs and /redoc, whose
assets come from the fastapi-offline package."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable

import httpx
from fastapi.responses import HTMLResponse

from api.app import create_app
from api.middleware import PAGE_CSP
from api.routers.docs import REMOTE_LOGO, docs_assets_dir
from api.routers.pages import plotly_js_path
from shared.auth import decode_token
from shared.settings import Settings
from tests.conftest import auth, inprocess_api

SHARED_SCRIPTS = ("/static/common.js", "/static/sign-in.js")
CHAT_SCRIPTS = tuple(
    f"/static/{name}.js"
    for name in (
        "chat-page",
        "chat-sessions",
        "chat-messages",
        "chat-task-watcher",
        "chat-task-card",
        "chat-batch",
        "chat-session-sync",
        "chart-canvas",
        "chat",
    )
)
DASHBOARD_SCRIPTS = tuple(
    f"/static/dashboard{part}.js"
    for part in (
        "-page",
        "-feed",
        "-data",
        "-charts",
        "-tables",
        "-task",
        "-batches",
        "-schedules",
        "-users",
        "-format",
        "",
    )
)
SCRIPTS = (*SHARED_SCRIPTS, *CHAT_SCRIPTS, *DASHBOARD_SCRIPTS)
DOCS = "/static/docs"  # the assets of /docs and /redoc, from the fastapi-offline package
ASSETS = (
    *SCRIPTS,
    "/static/chat.css",
    "/static/common.css",
    "/static/dashboard.css",
    "/static/vendor/plotly.min.js",
)


async def test_chat_page_is_served_with_a_strict_csp(
    settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(settings, make_token()) as http:
        page = await http.get("/", headers={"Authorization": ""})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    directives = {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert page.headers["x-content-type-options"] == "nosniff"

    html = page.text
    # Only scripts this server serves; no inline script that the CSP would block.
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
    assert [re.search(r'src="([^"]+)"', attrs).group(1) for attrs, _ in scripts] == [  # type: ignore[union-attr]
        "/static/vendor/plotly.min.js",
        *SHARED_SCRIPTS,
        *CHAT_SCRIPTS,
    ]
    assert all(body.strip() == "" for _, body in scripts)
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", html), "inline event handlers are blocked by the CSP"
    assert 'href="/static/chat.css"' in html
    external = re.findall(r"https?://[^'\"\s]+", html.replace("http://www.w3.org/2000/svg", ""))
    assert external == [], "no CDN: everything comes from this server"
    for element_id in ("token-input", "question", "messages", "plot", "history"):
        assert f'id="{element_id}"' in html


async def test_assets_are_served_with_their_content_types(
    settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(settings, make_token()) as http:
        responses = {path: await http.get(path, headers={"Authorization": ""}) for path in ASSETS}
    assert {path: r.status_code for path, r in responses.items()} == dict.fromkeys(ASSETS, 200)
    for script in SCRIPTS:
        assert "javascript" in responses[script].headers["content-type"], script
    assert responses["/static/chat.css"].headers["content-type"].startswith("text/css")
    assert responses["/static/dashboard.css"].headers["content-type"].startswith("text/css")

    plotly = responses["/static/vendor/plotly.min.js"]
    assert plotly.headers["content-type"].startswith("text/javascript")
    assert plotly.content == plotly_js_path().read_bytes()  # the copy inside the installed plotly package
    assert b"plotly.js" in plotly.content[:2000]
    assert "max-age" in plotly.headers["cache-control"]


async def test_dev_token_signs_in_in_dev_mode(settings: Settings, make_token: Callable[..., str]) -> None:
    dev = settings.model_copy(update={"env": "dev"})
    async with inprocess_api(dev, make_token()) as http:
        issued = await http.post("/api/v1/dev/token", headers={"Authorization": ""})
        assert issued.status_code == 200, issued.text
        body = issued.json()
        assert body["user"] == "dev" and "operator" in body["roles"]
        principal = decode_token(settings.jwt_secret, body["access_token"])
        assert principal.user_id == "dev"
        # The token works against the API.
        sessions = await http.get("/api/v1/sessions", headers=auth(body["access_token"]))
        assert sessions.status_code == 200

        named = await http.post("/api/v1/dev/token", json={"user": "ada"}, headers={"Authorization": ""})
        assert named.status_code == 200 and named.json()["user"] == "ada"
        bad = await http.post("/api/v1/dev/token", json={"user": "no spaces"}, headers={"Authorization": ""})
        assert bad.status_code == 422 and bad.json()["code"] == "validation_error"


async def test_the_dev_sign_in_button_is_rendered_in_dev_mode_only(
    settings: Settings, make_token: Callable[..., str]
) -> None:
    """Outside dev mode the button (which could only answer 404) and its hint are not in the page."""
    dev = settings.model_copy(update={"env": "dev"})
    for mode, expected in ((settings, False), (dev, True)):
        async with inprocess_api(mode, make_token()) as http:
            for path in ("/", "/dashboard"):
                html = (await http.get(path, headers={"Authorization": ""})).text
                assert ('id="dev-sign-in"' in html) is expected, (mode.env, path)
                assert ("Development mode only" in html) is expected, (mode.env, path)
                assert 'id="token-input"' in html  # a pasted token works in every mode


async def test_dev_token_is_404_outside_dev_mode(settings: Settings, make_token: Callable[..., str]) -> None:
    assert not settings.is_dev
    async with inprocess_api(settings, make_token()) as http:
        response = await http.post("/api/v1/dev/token", headers={"Authorization": ""})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


DASHBOARD_PARTS = "token-input forbidden depth-chart throughput-chart durations-chart outcomes workers"
DASHBOARD_PARTS += " failures task-id cancel-task schedules"


def page_scripts(html: str) -> list[str]:
    """The `src` of every <script>, after checking that none is inline (the CSP would block it)."""
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
    assert all(body.strip() == "" for _, body in scripts), "no inline scripts"
    sources = [re.search(r'src="([^"]*)"', attrs) for attrs, _ in scripts]
    assert all(sources), "every script has a src"
    return [source.group(1) for source in sources if source]


async def test_dashboard_is_served_with_the_pages_csp_and_same_origin_scripts_only(
    settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(settings, make_token()) as http:
        # The page itself is public, like the chat page: its data endpoints check the operator role.
        page = await http.get("/dashboard", headers={"Authorization": ""})
        chat = await http.get("/", headers={"Authorization": ""})
        schema = (await http.get("/openapi.json")).json()
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == chat.headers["content-security-policy"]
    directives = {
        part.split()[0]: part.split()[1:]
        for part in page.headers["content-security-policy"].split(";")
        if part.strip()
    }
    assert directives["script-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "/dashboard" not in schema["paths"]

    html = page.text
    assert page_scripts(html) == ["/static/vendor/plotly.min.js", *SHARED_SCRIPTS, *DASHBOARD_SCRIPTS]
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", html), "inline event handlers are blocked by the CSP"
    assert not re.search(r"\sstyle\s*=", html), "no inline styles in the markup"
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert stylesheets == ["/static/common.css", "/static/dashboard.css"]
    external = re.findall(r"https?://[^'\"\s]+", html.replace("http://www.w3.org/2000/svg", ""))
    assert external == [], "no CDN: everything comes from this server"
    for element_id in DASHBOARD_PARTS.split():
        assert f'id="{element_id}"' in html


async def test_dashboard_script_talks_only_to_this_server(
    settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(settings, make_token()) as http:
        parts = [
            await http.get(path, headers={"Authorization": ""}) for path in SHARED_SCRIPTS + DASHBOARD_SCRIPTS
        ]
    assert all(part.status_code == 200 for part in parts)
    script = "\n".join(part.text for part in parts)
    assert re.findall(r"https?://", script) == [], "no absolute URLs: same origin only"
    assert "eval(" not in script and "new Function" not in script
    # Charts are updated in place, never re-created each second.
    assert "Plotly.react" in script and "Plotly.newPlot" not in script
    for path in ("/analytics/queue", "/stats/stream", "/history", "/tasks/"):
        assert path in script


async def test_dashboard_data_needs_the_operator_role(
    settings: Settings, make_token: Callable[..., str]
) -> None:
    """What the dashboard shows its "needs the operator role" message for."""
    async with inprocess_api(settings, make_token()) as http:
        for path in ("/stats", "/history"):
            plain = await http.get(f"/api/v1/analytics/queue{path}")
            assert plain.status_code == 403, plain.text
            assert plain.json()["code"] == "forbidden"
            operator = await http.get(
                f"/api/v1/analytics/queue{path}", headers=auth(make_token(roles=["operator"]))
            )
            assert operator.status_code == 200, operator.text


def csp_directives(csp: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}


async def test_api_docs_are_served_from_an_installed_package_with_a_strict_csp(
    settings: Settings, make_token: Callable[..., str]
) -> None:
    """/docs and /redoc work offline: FastAPI's pages would load their assets from a CDN."""
    async with inprocess_api(settings, make_token()) as http:
        swagger = await http.get("/docs", headers={"Authorization": ""})
        redoc = await http.get("/redoc", headers={"Authorization": ""})
        schema = (await http.get("/openapi.json")).json()
    for page in (swagger, redoc):
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert re.findall(r"https?://", page.text) == [], "no CDN, no web fonts"
        directives = csp_directives(page.headers["content-security-policy"])
        assert directives["default-src"] == directives["connect-src"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'none'"] and directives["base-uri"] == ["'none'"]
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(directives["script-src"])
        assert page.headers["x-content-type-options"] == "nosniff"
    assert not {"/docs", "/redoc"} & set(schema["paths"])

    # Swagger UI is started by one inline script: allowed by its hash, and by nothing broader.
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", swagger.text, flags=re.S)
    assert [attrs.strip() for attrs, _ in scripts] == [f'src="{DOCS}/swagger-ui-bundle.js"', ""]
    init = scripts[1][1]
    assert "SwaggerUIBundle(" in init and "'/openapi.json'" in init and '"validatorUrl": null' in init
    digest = base64.b64encode(hashlib.sha256(init.encode()).digest()).decode()
    swagger_csp = csp_directives(swagger.headers["content-security-policy"])
    assert swagger_csp["script-src"] == ["'self'", f"'sha256-{digest}'"]
    assert "worker-src" not in swagger_csp
    assert f'href="{DOCS}/swagger-ui.css"' in swagger.text and f'href="{DOCS}/favicon.png"' in swagger.text

    # ReDoc: its bundle only, no inline script; its search index is built in a blob: worker.
    assert page_scripts(redoc.text) == [f"{DOCS}/redoc.standalone.js"]
    assert '<redoc spec-url="/openapi.json">' in redoc.text and "fonts.googleapis" not in redoc.text
    redoc_csp = csp_directives(redoc.headers["content-security-policy"])
    assert redoc_csp["script-src"] == ["'self'"] and redoc_csp["worker-src"] == ["'self'", "blob:"]


async def test_api_docs_assets_are_the_packages_files(
    settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(settings, make_token()) as http:
        assets = {
            name: await http.get(f"{DOCS}/{name}", headers={"Authorization": ""})
            for name in ("swagger-ui-bundle.js", "swagger-ui.css", "favicon.png", "redoc.standalone.js")
        }
    package = docs_assets_dir()
    for name, response in assets.items():
        assert response.status_code == 200, name
        if name != "redoc.standalone.js":
            assert response.content == (package / name).read_bytes(), name
    assert "javascript" in assets["swagger-ui-bundle.js"].headers["content-type"]
    assert assets["swagger-ui.css"].headers["content-type"].startswith("text/css")
    assert assets["favicon.png"].headers["content-type"] == "image/png"
    # ReDoc's bundle, with the one URL it would fetch from a CDN (Redocly's logo) taken out.
    redoc = assets["redoc.standalone.js"]
    original = (package / "redoc.standalone.js").read_bytes()
    assert len(REMOTE_LOGO.findall(original)) == 1 and b"redoc.ly/" not in redoc.content
    assert redoc.content == REMOTE_LOGO.sub(b"data:,", original)
    assert redoc.headers["content-type"].startswith("text/javascript")
    assert "max-age" in redoc.headers["cache-control"]


async def test_any_html_answer_without_a_policy_of_its_own_gets_the_pages_policy(
    settings: Settings, make_token: Callable[..., str]
) -> None:
    """SecurityHeaders, not each route, decides: an HTML answer added later cannot forget the policy."""
    app = create_app(settings)

    @app.get("/probe", include_in_schema=False)
    async def probe() -> HTMLResponse:
        return HTMLResponse("<p>hello</p>")

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://chartq") as http:
            probed = await http.get("/probe")
            docs = await http.get("/docs")
            json = await http.get("/health")
    assert probed.headers["content-security-policy"] == PAGE_CSP
    assert docs.headers["content-security-policy"] != PAGE_CSP  # its own, stricter policy is kept
    assert "content-security-policy" not in json.headers
