"""CHARTQ_REDIS_URL: a plain Redis URL (redis://, rediss://, unix://), or a Redis Sentinel one:

    redis+sentinel://[[username]:password@]host:port[,host:port...]/service_name[/db]
        [?sentinel_password=...&sentinel_username=...]
    rediss+sentinel://...same...[?ssl_ca_certs=/ca.crt&ssl_certfile=...&ssl_keyfile=...
        &ssl_cert_reqs=required|optional|none&ssl_check_hostname=true|false]

The hosts are the sentinels (port 26379 when left out); every process asks them for the primary of
`service_name` and asks again after a failover. The username (a Redis 6 ACL user; none: the default
user) and password authenticate to the Redis servers and to the sentinels alike (one identity, the usual
deployment); given either of `sentinel_username` and `sentinel_password`, the sentinels take those two
instead (a missing or empty one: none). With rediss+sentinel://, every connection (to the sentinels and
to the servers they name) is TLS, checked against `ssl_ca_certs` (else the system's CAs), with a client
certificate when `ssl_certfile` and `ssl_keyfile` are given (Redis's tls-auth-clients).
Errors name the part that is wrong and never repeat a password.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit

SENTINEL_SCHEME = "redis+sentinel"
TLS_SENTINEL_SCHEME = "rediss+sentinel"
PLAIN_SCHEMES = ("redis", "rediss", "unix")
DEFAULT_SENTINEL_PORT = 26379
SENTINEL_EXAMPLE = "redis+sentinel://:password@sentinel-0:26379,sentinel-1:26379,sentinel-2:26379/mymaster/0"
# What Sentinel accepts in a `sentinel monitor` name that is also safe in a URL path.
_SERVICE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_HOST = re.compile(r"^(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<name>[A-Za-z0-9._-]+))(?::(?P<port>[^:]*))?$")
_CREDENTIAL_OPTIONS = ("sentinel_password", "sentinel_username")
# redis-py's SSLConnection arguments, as rediss:// takes them in its query.
_TLS_OPTIONS = ("ssl_ca_certs", "ssl_certfile", "ssl_keyfile", "ssl_cert_reqs", "ssl_check_hostname")
_CERT_REQS = ("required", "optional", "none")
_BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
_QUERY_PASSWORD = re.compile(r"([?&](?:sentinel_)?password=)[^&#]*")


@dataclass(frozen=True)
class SentinelUrl:
    sentinels: tuple[tuple[str, int], ...]
    service_name: str
    db: int = 0
    # The Redis servers' password; the sentinels' is the same unless sentinel_password was given.
    password: str | None = field(default=None, repr=False)
    sentinel_password: str | None = field(default=None, repr=False)
    # The Redis servers' ACL user (None: the default user); the sentinels' too, unless the URL gives
    # either of sentinel_username and sentinel_password.
    username: str | None = None
    sentinel_username: str | None = None
    # rediss+sentinel://: TLS to the sentinels and the servers, with these SSLConnection arguments.
    tls: bool = False
    tls_options: dict[str, str | bool] = field(default_factory=dict)


def is_sentinel_url(url: str) -> bool:
    return url.strip().lower().startswith((f"{SENTINEL_SCHEME}://", f"{TLS_SENTINEL_SCHEME}://"))


def check_redis_url(url: str) -> str:
    """`url` stripped, if chartq can connect with it; else a ValueError saying what is wrong."""
    url = url.strip()
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme in (SENTINEL_SCHEME, TLS_SENTINEL_SCHEME):
        parse_sentinel_url(url)
    elif scheme not in PLAIN_SCHEMES:
        raise ValueError(
            "CHARTQ_REDIS_URL must start with redis://, rediss://, unix://, redis+sentinel:// or "
            "rediss+sentinel:// "
            f"(e.g. redis://127.0.0.1:6379/0 or {SENTINEL_EXAMPLE})"
        )
    return url


def parse_sentinel_url(url: str) -> SentinelUrl:
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:  # unbalanced [ ] of an IPv6 address
        raise _invalid(str(exc)) from None
    tls = parts.scheme.lower() == TLS_SENTINEL_SCHEME
    if parts.scheme.lower() != SENTINEL_SCHEME and not tls:
        raise _invalid(f"the scheme must be {SENTINEL_SCHEME}:// or {TLS_SENTINEL_SCHEME}://")
    if parts.fragment:
        raise _invalid("it must not have a #fragment")
    userinfo, at, hosts = parts.netloc.rpartition("@")
    username, password = _credentials(userinfo) if at else (None, None)
    sentinels = _sentinels(hosts)
    service_name, db = _path(parts.path)
    options = _query(parts.query, tls)
    # The sentinels take the servers' credentials as a pair, unless either of their own is given.
    own = "sentinel_password" in options or "sentinel_username" in options
    return SentinelUrl(
        sentinels,
        service_name,
        db,
        password,
        _option(options, "sentinel_password") if own else password,
        username,
        _option(options, "sentinel_username") if own else username,
        tls,
        _tls_options(options),
    )


def redact(url: str) -> str:
    """`url` with its passwords, if any, replaced by ***: fit for logs and messages."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    authority, slash, tail = rest.partition("/")
    userinfo, at, hosts = authority.rpartition("@")
    if at:
        user, colon, _ = userinfo.partition(":")
        authority = f"{user}:***@{hosts}" if colon else f"***@{hosts}"
    return _QUERY_PASSWORD.sub(r"\1***", f"{scheme}://{authority}{slash}{tail}")


def _invalid(why: str) -> ValueError:
    return ValueError(f"CHARTQ_REDIS_URL is not a valid Redis Sentinel URL: {why} (e.g. {SENTINEL_EXAMPLE})")


def _credentials(userinfo: str) -> tuple[str | None, str | None]:
    """(username, password) of `[username]:password` or `username`."""
    user, _, password = userinfo.partition(":")
    return unquote(user) or None, unquote(password) or None


def _sentinels(hosts: str) -> tuple[tuple[str, int], ...]:
    if not hosts.strip():
        raise _invalid("it must name at least one sentinel host:port")
    found = []
    for entry in hosts.split(","):
        match = _HOST.match(entry.strip())
        if not match:
            raise _invalid(f"{entry.strip()!r} is not a sentinel host:port")
        host = match.group("v6") or match.group("name")
        port = match.group("port")
        if port is not None and not (port.isdigit() and 0 < int(port) < 65536):
            raise _invalid(f"the port of {host} must be a number from 1 to 65535")
        found.append((host, int(port) if port else DEFAULT_SENTINEL_PORT))
    return tuple(found)


def _path(path: str) -> tuple[str, int]:
    segments = path.strip("/").split("/") if path.strip("/") else []
    if not segments:
        raise _invalid("the path must name the service (the sentinels' master name)")
    if len(segments) > 2:
        raise _invalid("the path is /service_name or /service_name/db")
    if not _SERVICE_NAME.match(segments[0]):
        raise _invalid(f"{segments[0]!r} is not a service name (letters, digits, '.', '_', '-')")
    db = segments[1] if len(segments) == 2 else "0"
    if not db.isdigit():
        raise _invalid(f"the database {db!r} must be a number")
    return segments[0], int(db)


def _query(query: str, tls: bool) -> dict[str, list[str]]:
    options = parse_qs(query, keep_blank_values=True)
    known = _CREDENTIAL_OPTIONS + _TLS_OPTIONS
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise _invalid(f"unknown option {unknown[0]!r} (the options are {', '.join(known)})")
    tls_given = sorted(set(options) & set(_TLS_OPTIONS))
    if tls_given and not tls:
        raise _invalid(f"{tls_given[0]} needs TLS: start the URL with {TLS_SENTINEL_SCHEME}://")
    return options


def _tls_options(options: dict[str, list[str]]) -> dict[str, str | bool]:
    found: dict[str, str | bool] = {}
    for name in ("ssl_ca_certs", "ssl_certfile", "ssl_keyfile"):
        if (value := _option(options, name)) is not None:
            found[name] = value
    if (("ssl_certfile" in found) + ("ssl_keyfile" in found)) == 1:
        raise _invalid("a client certificate needs both ssl_certfile and ssl_keyfile")
    if (reqs := _option(options, "ssl_cert_reqs")) is not None:
        if reqs.lower() not in _CERT_REQS:
            raise _invalid(f"ssl_cert_reqs must be one of {', '.join(_CERT_REQS)}, not {reqs!r}")
        found["ssl_cert_reqs"] = reqs.lower()
    if (check := _option(options, "ssl_check_hostname")) is not None:
        if check.lower() not in _BOOLEANS:
            raise _invalid(f"ssl_check_hostname must be true or false, not {check!r}")
        found["ssl_check_hostname"] = _BOOLEANS[check.lower()]
    return found


def _option(options: dict[str, list[str]], name: str) -> str | None:
    """The option's last value; None when it is empty or not given."""
    return options[name][-1] or None if name in options else None
