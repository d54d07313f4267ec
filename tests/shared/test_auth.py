"""Tokens: only HS256 with our secret, unexpired, with a subject."""

from __future__ import annotations

import time

import jwt
import pytest

from shared.auth import InvalidToken, create_token, decode_token

SECRET = "s" * 48


def test_round_trip_keeps_user_org_and_roles() -> None:
    principal = decode_token(SECRET, create_token(SECRET, "ada", org="acme", roles=["operator"]))
    assert (principal.user_id, principal.org, principal.is_operator) == ("ada", "acme", True)


def test_plain_user_is_not_operator() -> None:
    assert decode_token(SECRET, create_token(SECRET, "bob")).is_operator is False


@pytest.mark.parametrize(
    "token",
    [
        jwt.encode({"sub": "ada", "exp": int(time.time()) + 60}, None, algorithm="none"),
        jwt.encode({"sub": "ada", "exp": int(time.time()) + 60}, "another-secret" * 4, algorithm="HS256"),
        jwt.encode({"sub": "ada", "exp": int(time.time()) - 5}, SECRET, algorithm="HS256"),
        jwt.encode({"sub": "ada"}, SECRET, algorithm="HS256"),
        jwt.encode({"exp": int(time.time()) + 60}, SECRET, algorithm="HS256"),
        jwt.encode(
            {"sub": "ada", "exp": int(time.time()) + 60, "roles": "operator"}, SECRET, algorithm="HS256"
        ),
        jwt.encode({"sub": "ada", "exp": int(time.time()) + 60}, SECRET * 2, algorithm="HS512"),
        "garbage",
    ],
    ids=["alg-none", "wrong-secret", "expired", "no-exp", "no-sub", "roles-not-list", "other-alg", "garbage"],
)
def test_forged_or_broken_tokens_are_rejected(token: str) -> None:
    with pytest.raises(InvalidToken):
        decode_token(SECRET, token)


def test_tampered_payload_is_rejected() -> None:
    header, _, signature = create_token(SECRET, "ada").split(".")
    forged_payload = jwt.utils.base64url_encode(b'{"sub":"admin","exp":9999999999,"roles":["operator"]}')
    with pytest.raises(InvalidToken):
        decode_token(SECRET, f"{header}.{forged_payload.decode()}.{signature}")
