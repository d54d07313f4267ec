"""JWT bearer identity: HS256 tokens with `sub`, `iat`, `exp`, optional `org` and `roles`, and (when
configured) `aud` and `iss`. A token may live at most `TokenPolicy.max_ttl_seconds`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import jwt

if TYPE_CHECKING:
    from shared.settings import Settings

ALGORITHM = "HS256"
OPERATOR_ROLE = "operator"
# High priority pushes everyone else's work back: operators and holders of this role may ask for it.
PRIORITY_ROLE = "priority"


# Longer tokens are verified every time: they cannot fill the cache of verified tokens (4,096 entries)
# with copies of one token that differ in bytes a lenient verifier ignores. chartq's own are ~250 bytes.
MAX_REMEMBERED_TOKEN = 2048

# What decode_token accepts by default: the longest lifetime, and no audience or issuer required.
DEFAULT_MAX_TTL_SECONDS = 24 * 3600


class InvalidToken(Exception):
    pass


@dataclass(frozen=True)
class TokenPolicy:
    """What a token must be, beyond our signature: a lifetime (exp - iat) of at most `max_ttl_seconds`,
    and the `aud` and `iss` claims when these are set (CHARTQ_JWT_AUDIENCE, CHARTQ_JWT_ISSUER)."""

    max_ttl_seconds: int = DEFAULT_MAX_TTL_SECONDS
    audience: str = ""
    issuer: str = ""

    @classmethod
    def of(cls, settings: Settings) -> TokenPolicy:
        return cls(settings.jwt_max_ttl_seconds, settings.jwt_audience, settings.jwt_issuer)


@dataclass(frozen=True)
class Principal:
    user_id: str
    org: str = ""
    roles: frozenset[str] = field(default_factory=frozenset)
    # When the token stops being valid (epoch seconds): open streams end then.
    expires_at: float | None = None

    @property
    def is_operator(self) -> bool:
        return OPERATOR_ROLE in self.roles

    @property
    def may_use_high_priority(self) -> bool:
        return bool(self.roles & {OPERATOR_ROLE, PRIORITY_ROLE})


def create_token(
    secret: str,
    user_id: str,
    *,
    org: str = "",
    roles: list[str] | None = None,
    ttl_seconds: int = 86400,
    audience: str = "",
    issuer: str = "",
) -> str:
    now = int(time.time())
    claims: dict[str, object] = {"sub": user_id, "iat": now, "exp": now + ttl_seconds}
    if org:
        claims["org"] = org
    if roles:
        claims["roles"] = sorted(set(roles))
    if audience:
        claims["aud"] = audience
    if issuer:
        claims["iss"] = issuer
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def decode_token(secret: str, token: str, policy: TokenPolicy | None = None) -> Principal:
    """Accepts only HS256 with our secret, a non-empty `sub`, an `iat` and an unexpired `exp` at most
    `policy.max_ttl_seconds` after it, and the policy's `aud` and `iss` when it sets them."""
    policy = policy or TokenPolicy()
    verify = _verify if len(token) > MAX_REMEMBERED_TOKEN else _remembered
    principal = verify(secret, token, policy)
    # A client sends the same token with every request, and checking it was a tenth of a request's CPU:
    # a token is verified once and remembered, and only its expiry is checked again, by PyJWT's rule
    # (the whole seconds of exp <= now). A token that failed is not remembered.
    if principal.expires_at is not None and int(principal.expires_at) <= time.time():
        raise InvalidToken("token expired")
    return principal


def _verify(secret: str, token: str, policy: TokenPolicy) -> Principal:
    required = ["exp", "iat", "sub"] + ["aud"] * bool(policy.audience) + ["iss"] * bool(policy.issuer)
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=policy.audience or None,
            issuer=policy.issuer or None,
            # Without an audience to check, a token that names one is still accepted.
            options={"require": required, "verify_aud": bool(policy.audience)},
        )
    except jwt.ExpiredSignatureError as exc:
        raise InvalidToken("token expired") from exc
    except (jwt.InvalidAudienceError, jwt.InvalidIssuerError) as exc:
        raise InvalidToken("token is not for this service (aud or iss)") from exc
    except jwt.PyJWTError as exc:
        raise InvalidToken("invalid token") from exc
    sub, org, roles = claims.get("sub"), claims.get("org") or "", claims.get("roles") or []
    if not isinstance(sub, str) or not sub or not isinstance(org, str) or not isinstance(roles, list):
        raise InvalidToken("invalid token claims")
    issued, expires = claims["iat"], claims["exp"]
    if not isinstance(issued, int | float) or not isinstance(expires, int | float):
        raise InvalidToken("invalid token claims")
    if expires - issued > policy.max_ttl_seconds:
        raise InvalidToken(f"token lives longer than {policy.max_ttl_seconds} s (exp - iat)")
    return Principal(
        user_id=sub, org=org, roles=frozenset(str(role) for role in roles), expires_at=float(expires)
    )


_remembered = lru_cache(maxsize=4096)(_verify)


def mint_token(
    settings: Settings,
    user_id: str,
    *,
    org: str = "",
    roles: list[str] | None = None,
    ttl_seconds: int | None = None,
) -> str:
    """A token the API configured by `settings` accepts: its secret, audience, issuer and lifetime."""
    return create_token(
        settings.signing_secret(),
        user_id,
        org=org,
        roles=roles,
        ttl_seconds=min(ttl_seconds or settings.token_ttl_seconds, settings.jwt_max_ttl_seconds),
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
    )
