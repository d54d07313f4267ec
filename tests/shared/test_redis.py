"""chartq's Redis clients against real servers: a Sentinel deployment that takes only an ACL user."""

from __future__ import annotations

from pathlib import Path

import pytest
from redis.asyncio.sentinel import MasterNotFoundError

from shared.redis import create_redis
from tests.sentinel_fixtures import SentinelDeployment


async def test_an_acl_user_reaches_the_primary_through_sentinels_that_require_it(tmp_path: Path) -> None:
    """Managed Redis deployments turn the default user off: the URL's username is the one chartq is,
    to the sentinels and to the primary they name."""
    with SentinelDeployment(tmp_path / "sentinel", password="pw:1", username="chartq") as deployment:
        assert deployment.url.startswith("redis+sentinel://chartq:pw%3A1@")
        redis = create_redis(deployment.url)
        try:
            await redis.set("greeting", "hello")
            assert await redis.get("greeting") == b"hello"
            assert await redis.acl_whoami() == "chartq"
        finally:
            await redis.aclose()
        intruder = create_redis(deployment.url.replace("chartq:", "intruder:"))
        try:
            # The sentinels refuse it first, and the error says why.
            with pytest.raises(MasterNotFoundError, match="invalid username-password pair"):
                await intruder.ping()
        finally:
            await intruder.aclose()
