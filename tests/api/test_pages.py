"""The pages (chat and queue dashboard) and their assets: served with a strict CSP, plotly.js from the
plotly package, and the dev sign-in endpoint that exists only in dev mode."""

from __future__ import annotations

import re
from collections.abc import Callable

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
        "chart-canvas",
        "chat",
    )
)
DASHBOARD_SCRIPTS = tuple(
    f"/static/dashboard{part}.js"
    for part in ("-page", "-feed", "-data", "-charts", "-tables", "-task", "-format", "")
)
SCRIPTS = (*SHARED_SCRIPTS, *CHAT_SCRIPTS, *DASHBOARD_SCRIPTS)
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
    for element_id in ("dev-sign-in", "token-input", "question", "messages", "plot", "history"):
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


async def test_dev_token_is_404_outside_dev_mode(settings: Settings, make_token: Callable[..., str]) -> None:
    assert not settings.is_dev
    async with inprocess_api(settings, make_token()) as http:
        response = await http.post("/api/v1/dev/token", headers={"Authorization": ""})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


DASHBOARD_PARTS = (
    "dev-sign-in token-input forbidden depth-chart throughput-chart durations-chart outcomes workers"
)
DASHBOARD_PARTS += " failures task-id cancel-task"


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
