"""JWT bearer identity: HS256 tokens with `sub`, optional `org` and `roles`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import jwt

ALGORITHM = "HS256"
OPERATOR_ROLE = "operator"


class InvalidToken(Exception):
    pass


@dataclass(frozen=True)
class Principal:
    user_id: str
    org: str = ""
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_operator(self) -> bool:
        return OPERATOR_ROLE in self.roles


def create_token(
    secret: str, user_id: str, *, org: str = "", roles: list[str] | None = None, ttl_seconds: int = 86400
) -> str:
    now = int(time.time())
    claims: dict[str, object] = {"sub": user_id, "iat": now, "exp": now + ttl_seconds}
    if org:
        claims["org"] = org
    if roles:
        claims["roles"] = sorted(set(roles))
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def decode_token(secret: str, token: str) -> Principal:
    """Accepts only HS256 with our secret, an unexpired `exp` and a non-empty `sub`."""
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": ["exp", "sub"]})
    except jwt.ExpiredSignatureError as exc:
        raise InvalidToken("token expired") from exc
    except jwt.PyJWTError as exc:
        raise InvalidToken("invalid token") from exc
    sub, org, roles = claims.get("sub"), claims.get("org") or "", claims.get("roles") or []
    if not isinstance(sub, str) or not sub or not isinstance(org, str) or not isinstance(roles, list):
        raise InvalidToken("invalid token claims")
    return Principal(user_id=sub, org=org, roles=frozenset(str(role) for role in roles))
