"""Tokens: only HS256 with our secret, unexpired, with a subject, living at most the maximum lifetime,
and carrying the configured audience and issuer."""

from __future__ import annotations

import time

import jwt
import pytest

from shared import auth
from shared.auth import InvalidToken, TokenPolicy, create_token, decode_token

SECRET = "s" * 48
NOW = int(time.time())


def signed(**claims: object) -> str:
    return jwt.encode({"sub": "ada", **claims}, SECRET, algorithm="HS256")


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
        signed(exp=NOW + 60),
        signed(iat=NOW, exp=10**20),
        signed(iat=NOW, exp=NOW + 86401),
        signed(iat=NOW - 86400 * 365, exp=NOW + 60),
    ],
    ids=[
        "alg-none",
        "wrong-secret",
        "expired",
        "no-exp",
        "no-sub",
        "roles-not-list",
        "other-alg",
        "garbage",
        "no-iat",
        "exp-1e20",
        "a-day-and-a-second",
        "issued-a-year-ago",
    ],
)
def test_forged_or_broken_tokens_are_rejected(token: str) -> None:
    with pytest.raises(InvalidToken):
        decode_token(SECRET, token)


def test_tampered_payload_is_rejected() -> None:
    header, _, signature = create_token(SECRET, "ada").split(".")
    forged_payload = jwt.utils.base64url_encode(b'{"sub":"admin","exp":9999999999,"roles":["operator"]}')
    with pytest.raises(InvalidToken):
        decode_token(SECRET, f"{header}.{forged_payload.decode()}.{signature}")


def test_a_token_of_exactly_the_maximum_lifetime_is_accepted_and_says_when_it_ends() -> None:
    principal = decode_token(SECRET, signed(iat=NOW, exp=NOW + 86400))
    assert principal.expires_at == NOW + 86400
    with pytest.raises(InvalidToken, match="longer than 3600"):
        decode_token(SECRET, signed(iat=NOW, exp=NOW + 7200), TokenPolicy(max_ttl_seconds=3600))


def test_audience_and_issuer_are_required_when_configured() -> None:
    policy = TokenPolicy(audience="chartq", issuer="https://id.example.com")
    good = create_token(SECRET, "ada", audience="chartq", issuer="https://id.example.com")
    assert decode_token(SECRET, good, policy).user_id == "ada"
    for token in (
        create_token(SECRET, "ada"),
        create_token(SECRET, "ada", audience="chartq"),
        create_token(SECRET, "ada", issuer="https://id.example.com"),
        create_token(SECRET, "ada", audience="another-service", issuer="https://id.example.com"),
        create_token(SECRET, "ada", audience="chartq", issuer="https://evil.example.com"),
    ):
        with pytest.raises(InvalidToken):
            decode_token(SECRET, token, policy)
    # Without a configured audience, a token that names one is still ours.
    assert decode_token(SECRET, good).user_id == "ada"


def test_a_token_accepted_once_is_refused_once_it_has_expired() -> None:
    # Verified tokens are remembered (shared.auth._remembered); the expiry must still be checked each time.
    token = signed(iat=int(time.time()), exp=int(time.time()) + 1)
    expires_at = decode_token(SECRET, token).expires_at
    assert expires_at is not None
    time.sleep(max(0.0, expires_at - time.time()) + 0.05)
    with pytest.raises(InvalidToken, match="expired"):
        decode_token(SECRET, token)


def test_a_token_accepted_under_one_policy_is_still_checked_against_another() -> None:
    token = signed(iat=NOW, exp=NOW + 7200)
    assert decode_token(SECRET, token).user_id == "ada"
    with pytest.raises(InvalidToken, match="longer than 3600"):
        decode_token(SECRET, token, TokenPolicy(max_ttl_seconds=3600))
    with pytest.raises(InvalidToken):
        decode_token("another-secret" * 4, token)


def test_a_remembered_token_expires_on_pyjwts_whole_second() -> None:
    # PyJWT compares the whole seconds of exp with now: a remembered token must not outlive that.
    second = int(time.time()) + 1
    token = signed(iat=second - 10, exp=second + 0.9)
    assert decode_token(SECRET, token).user_id == "ada"  # verified, and remembered
    time.sleep(max(0.0, second - time.time()) + 0.05)  # now past the whole second, before exp itself
    with pytest.raises(InvalidToken, match="expired"):
        decode_token(SECRET, token)


def test_a_very_long_token_is_verified_each_time_and_never_remembered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = int(time.time())  # not the module's NOW: under xdist this test may run minutes after import
    token = signed(iat=now, exp=now + 60, padding="x" * 3000)
    assert len(token) > auth.MAX_REMEMBERED_TOKEN

    def remember(*_: object) -> auth.Principal:
        raise AssertionError("a token this long went to the cache")

    monkeypatch.setattr(auth, "_remembered", remember)
    assert decode_token(SECRET, token).user_id == "ada"
    with pytest.raises(AssertionError):  # a short one still goes there
        decode_token(SECRET, create_token(SECRET, "ada"))
