"""CHARTQ_REDIS_URL: the redis+sentinel:// and rediss+sentinel:// forms are parsed into sentinels,
service, database, ACL users, passwords and TLS files; a malformed URL stops every process at start-up
with a message that says what is wrong and never repeats the password."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from shared.redis_url import SentinelUrl, parse_sentinel_url, redact
from shared.settings import Settings


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "redis+sentinel://10.0.0.1:26379,10.0.0.2:26380/mymaster",
            SentinelUrl((("10.0.0.1", 26379), ("10.0.0.2", 26380)), "mymaster", 0),
        ),
        (
            "redis+sentinel://:s3cret@sentinel-0.redis.svc:26379/chartq/2",
            SentinelUrl((("sentinel-0.redis.svc", 26379),), "chartq", 2, "s3cret", "s3cret"),
        ),
        # Port 26379 when left out; IPv6 in brackets; a percent-encoded password; a trailing slash.
        (
            "redis+sentinel://:p%40ss%2Fw@[::1],host:1/svc.a_b-c/",
            SentinelUrl((("::1", 26379), ("host", 1)), "svc.a_b-c", 0, "p@ss/w", "p@ss/w"),
        ),
        # The sentinels' own password, or none (empty).
        (
            "redis+sentinel://:data@h/m/1?sentinel_password=other",
            SentinelUrl((("h", 26379),), "m", 1, "data", "other"),
        ),
        (
            "redis+sentinel://:data@h/m?sentinel_password=",
            SentinelUrl((("h", 26379),), "m", 0, "data", None),
        ),
        ("REDIS+SENTINEL://h/m", SentinelUrl((("h", 26379),), "m", 0)),
        # A Redis 6 ACL user, for the servers and the sentinels alike, or the sentinels' own (or none).
        (
            "redis+sentinel://chartq:s3cret@h/m",
            SentinelUrl((("h", 26379),), "m", 0, "s3cret", "s3cret", "chartq", "chartq"),
        ),
        (
            "redis+sentinel://app:pw@h/m?sentinel_username=watcher&sentinel_password=other",
            SentinelUrl((("h", 26379),), "m", 0, "pw", "other", "app", "watcher"),
        ),
        (
            "redis+sentinel://app:pw@h/m?sentinel_username=&sentinel_password=",
            SentinelUrl((("h", 26379),), "m", 0, "pw", None, "app", None),
        ),
        # The sentinels' credentials go as a pair: clearing their password clears their user too (no
        # AUTH app "" to sentinels that take none).
        (
            "redis+sentinel://app:pw@h/m?sentinel_password=",
            SentinelUrl((("h", 26379),), "m", 0, "pw", None, "app", None),
        ),
        ("redis+sentinel://reader@h/m", SentinelUrl((("h", 26379),), "m", 0, None, None, "reader", "reader")),
        # TLS to the sentinels and the servers, with the system's CAs or the URL's files and checks.
        ("rediss+sentinel://h/m", SentinelUrl((("h", 26379),), "m", 0, tls=True)),
        (
            "rediss+sentinel://:pw@h/m?ssl_ca_certs=/etc/ca.crt&ssl_certfile=/c.crt&ssl_keyfile=/c.key"
            "&ssl_cert_reqs=Optional&ssl_check_hostname=true",
            SentinelUrl(
                (("h", 26379),),
                "m",
                0,
                "pw",
                "pw",
                tls=True,
                tls_options={
                    "ssl_ca_certs": "/etc/ca.crt",
                    "ssl_certfile": "/c.crt",
                    "ssl_keyfile": "/c.key",
                    "ssl_cert_reqs": "optional",
                    "ssl_check_hostname": True,
                },
            ),
        ),
    ],
)
def test_a_sentinel_url_is_parsed(url: str, expected: SentinelUrl) -> None:
    parsed = parse_sentinel_url(url)
    assert parsed == expected
    assert (parsed.password, parsed.sentinel_password) == (expected.password, expected.sentinel_password)
    assert (parsed.username, parsed.sentinel_username) == (expected.username, expected.sentinel_username)


@pytest.mark.parametrize(
    ("url", "complaint"),
    [
        ("redis+sentinel://", "at least one sentinel"),
        ("redis+sentinel:///mymaster", "at least one sentinel"),
        ("redis+sentinel://h1:26379", "must name the service"),
        ("redis+sentinel://h1:26379/", "must name the service"),
        ("redis+sentinel://h1,,h2/m", "'' is not a sentinel host:port"),
        ("redis+sentinel://h1:0/m", "port of h1 must be a number from 1 to 65535"),
        ("redis+sentinel://h1:70000/m", "port of h1 must be a number from 1 to 65535"),
        ("redis+sentinel://h1:x/m", "port of h1 must be a number"),
        ("redis+sentinel://h1:1:2/m", "'h1:1:2' is not a sentinel host:port"),
        ("redis+sentinel://[::1/m", "Invalid IPv6 URL"),
        ("redis+sentinel://h1/m/zero", "the database 'zero' must be a number"),
        ("redis+sentinel://h1/m/0/extra", "/service_name or /service_name/db"),
        ("redis+sentinel://h1/my master/0", "is not a service name"),
        ("redis+sentinel://h1/m?db=1", "unknown option 'db'"),
        ("redis+sentinel://h1/m#top", "#fragment"),
        (
            "redis+sentinel://h1/m?ssl_ca_certs=/ca.crt",
            "ssl_ca_certs needs TLS: start the URL with rediss+sentinel://",
        ),
        ("rediss+sentinel://h1/m?ssl_certfile=/c.crt", "needs both ssl_certfile and ssl_keyfile"),
        (
            "rediss+sentinel://h1/m?ssl_cert_reqs=maybe",
            "ssl_cert_reqs must be one of required, optional, none",
        ),
        ("rediss+sentinel://h1/m?ssl_check_hostname=sure", "ssl_check_hostname must be true or false"),
        ("redis+sentinels://h1/m", "the scheme must be redis+sentinel:// or rediss+sentinel://"),
    ],
)
def test_a_malformed_sentinel_url_says_what_is_wrong(url: str, complaint: str) -> None:
    with pytest.raises(ValueError, match="not a valid Redis Sentinel URL") as error:
        parse_sentinel_url(url)
    assert complaint in str(error.value)
    assert "redis+sentinel://:password@sentinel-0:26379" in str(error.value)  # an example to follow


@pytest.mark.parametrize(
    "url",
    ["redis://127.0.0.1:6379/0", "rediss://:pw@cache.example.com:6380/0", "unix:///run/redis.sock?db=0"],
)
def test_settings_take_plain_redis_urls_as_before(url: str, tmp_path: Path) -> None:
    assert Settings(redis_url=url, data_dir=tmp_path).redis_url == url


def test_settings_refuse_a_bad_redis_url_without_repeating_its_password(tmp_path: Path) -> None:
    for url, complaint in [
        ("redis+sentinel://:hunter2@h1:26379", "must name the service"),
        (
            "http://:hunter2@cache:6379/0",
            "must start with redis://, rediss://, unix://, redis+sentinel:// or rediss+sentinel://",
        ),
        ("localhost:6379", "must start with"),
    ]:
        with pytest.raises(ValidationError) as error:
            Settings(redis_url=url, data_dir=tmp_path)
        assert complaint in str(error.value)
        assert "hunter2" not in str(error.value)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("redis+sentinel://:p@ss@h1,h2/m/0", "redis+sentinel://:***@h1,h2/m/0"),
        ("redis+sentinel://:a@h/m?sentinel_password=b", "redis+sentinel://:***@h/m?sentinel_password=***"),
        (
            "rediss+sentinel://u:a@h/m?ssl_ca_certs=/ca.crt",
            "rediss+sentinel://u:***@h/m?ssl_ca_certs=/ca.crt",
        ),
        ("redis://user:pw@host:6379/0", "redis://user:***@host:6379/0"),
        ("unix:///run/redis.sock?db=0&password=pw", "unix:///run/redis.sock?db=0&password=***"),
        ("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0"),
    ],
)
def test_a_url_shown_in_logs_hides_its_passwords(url: str, shown: str) -> None:
    assert redact(url) == shown
