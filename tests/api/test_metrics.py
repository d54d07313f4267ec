"""The HTTP metrics name each request by its route: the pages' static files by their mount point, so an
operator can tell them from requests that matched nothing."""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client.parser import text_string_to_metric_families

from shared.settings import Settings
from tests.conftest import inprocess_api


async def test_static_files_are_counted_under_their_mount_not_as_unmatched(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(isolated_settings, make_token(roles=["operator"])) as http:
        for name in ("chat.js", "chat.css", "chat-page.js"):
            assert (await http.get(f"/static/{name}")).status_code == 200
        assert (await http.get("/no/such/page")).status_code == 404
        text = (await http.get("/metrics")).text
    counted = {
        (sample.labels["route"], sample.labels["status"]): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "chartq_http_requests_total"
    }
    assert counted[("/static/{path}", "200")] == 3, counted
    assert counted[("unmatched", "404")] == 1, counted
