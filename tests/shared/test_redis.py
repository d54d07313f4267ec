"""chartq's Redis clients against real servers: a Sentinel deployment that takes only an ACL user, and
one that speaks only TLS."""

from __future__ import annotations

from pathlib import Path

import pytest
from redis.asyncio.sentinel import MasterNotFoundError

from shared.redis import create_pubsub_redis, create_redis, primary_moves
from tests.sentinel_fixtures import SentinelDeployment, TlsFiles


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


async def test_a_tls_only_deployment_is_reached_and_followed_through_a_failover(tmp_path: Path) -> None:
    """rediss+sentinel://: the sentinels and the servers they name take TLS with client certificates
    (Redis's default, tls-auth-clients yes) and nothing else; chartq asks the sentinels, works on the
    primary, and follows the new primary after a failover, all over TLS."""
    tls = TlsFiles.issue(tmp_path / "tls")
    with SentinelDeployment(tmp_path / "sentinel", password="pw", tls=tls) as deployment:
        assert deployment.url.startswith("rediss+sentinel://:pw@")
        redis, pubsub_redis = create_redis(deployment.url), create_pubsub_redis(deployment.url)
        try:
            await redis.set("greeting", "hello")
            assert await redis.get("greeting") == b"hello"
            async with pubsub_redis.pubsub() as pubsub:
                await pubsub.subscribe("news")
                assert (await pubsub.get_message(timeout=5) or {}).get("type") == "subscribe"
                await redis.publish("news", "over tls")
                message = await pubsub.get_message(timeout=5)
                assert message is not None and message["data"] == b"over tls"
            old = deployment.primary_port()
            deployment.failover()
            new = deployment.wait_for_new_primary(old)
            await redis.set("after", "failover")
            assert primary_moves(redis) >= 1
            with new.client("pw") as direct:
                assert direct.get("after") == b"failover"
        finally:
            await redis.aclose()
            await pubsub_redis.aclose()
        # Without TLS the same sentinels do not answer at all.
        plain = create_redis(deployment.url.replace("rediss+", "redis+").split("?")[0])
        try:
            with pytest.raises(MasterNotFoundError):
                await plain.ping()
        finally:
            await plain.aclose()
