"""The database connection dies in the middle of a request: the client gets 503 with Retry-After, not a
dropped connection (the session's rollback on the dead connection used to raise after the response had
started, and the server cut the connection)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

import asyncpg
import httpx
import pytest
import sqlalchemy as sa

from api.deps import get_db
from api.state import AppState
from shared.db.engine import create_engine, session_factory, upgrade
from tests.conftest import auth, start_api, stop
from tests.postgres_server import PrivatePostgres, migrate

pytestmark = pytest.mark.db


def plain_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def test_a_connection_killed_mid_request_answers_503(
    postgres: PrivatePostgres, base_env: dict[str, str], data_dir: Path, make_token: Callable[..., str]
) -> None:
    env = base_env | {"CHARTQ_DATABASE_URL": postgres.url}
    await migrate(env)
    api_url, api = start_api(env, data_dir / "db-fault-api.log")
    token = make_token()
    admin = await asyncpg.connect(plain_dsn(postgres.url))
    watch = await asyncpg.connect(plain_dsn(postgres.url))
    try:
        async with httpx.AsyncClient(base_url=api_url, headers=auth(token), timeout=30) as http:
            session = (await http.post("/api/v1/sessions", json={"title": "t"})).json()
            for round_ in range(3):
                # The API's next write waits on this lock; its connection is killed while it waits.
                locker = admin.transaction()
                await locker.start()
                await admin.execute("LOCK TABLE messages IN ACCESS EXCLUSIVE MODE")
                posting = asyncio.create_task(
                    http.post(f"/api/v1/sessions/{session['id']}/messages", json={"content": f"q {round_}"})
                )
                for _ in range(200):
                    # From a connection of its own: inside a transaction, pg_stat_activity is a snapshot.
                    waiting = await watch.fetch(
                        "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    )
                    if waiting:
                        break
                    await asyncio.sleep(0.05)
                assert waiting, "the API's write never waited on the lock"
                for row in waiting:
                    await watch.execute("SELECT pg_terminate_backend($1)", row["pid"])
                response = await posting  # a dropped connection raises here
                await locker.rollback()
                assert response.status_code == 503, response.text
                assert response.json()["code"] == "database_unavailable"
                assert int(response.headers["Retry-After"]) > 0
            # The pool replaced the dead connections: the next request works.
            again = await http.post(f"/api/v1/sessions/{session['id']}/messages", json={"content": "again"})
            assert again.status_code == 201, again.text
        assert api.poll() is None
    finally:
        await admin.close()
        await watch.close()
        stop([api])


async def test_a_database_that_hangs_answers_503_within_its_timeouts(
    postgres: PrivatePostgres, base_env: dict[str, str], data_dir: Path, make_token: Callable[..., str]
) -> None:
    """A frozen database host (a dead VM, a partition) accepts connections and never answers. Requests
    held 60 s (asyncpg's connect timeout) or until the client gave up; they now answer 503 once the
    statement, pool or connect timeout (seconds) runs out, and work again once the host is back."""
    env = base_env | {"CHARTQ_DATABASE_URL": postgres.url}
    await migrate(env)
    api_url, api = start_api(env, data_dir / "db-hang-api.log")
    try:
        async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=45) as http:
            assert (await http.post("/api/v1/sessions", json={"title": "t"})).status_code == 201
            postgres.signal_all(signal.SIGSTOP)
            try:
                answers = await asyncio.gather(
                    http.get("/api/v1/sessions"), http.post("/api/v1/sessions", json={"title": "u"})
                )
            finally:
                postgres.signal_all(signal.SIGCONT)
            for answer in answers:
                assert answer.status_code == 503, answer.text
                assert answer.json()["code"] == "database_unavailable"
                assert int(answer.headers["Retry-After"]) > 0
            assert (await http.get("/api/v1/sessions")).status_code == 200
    finally:
        stop([api])


async def test_a_session_whose_connection_died_after_its_work_closes_quietly(
    postgres: PrivatePostgres,
) -> None:
    """The request's work is done (its response may be on its way) when the database drops the
    connection: closing the session must not raise, or the server cuts the response off."""
    engine = create_engine(postgres.url)
    state = AppState.__new__(AppState)
    state.sessions = session_factory(engine)
    admin = await asyncpg.connect(plain_dsn(postgres.url))
    try:
        sessions = get_db(state)
        session = await anext(sessions)
        pid = await session.scalar(sa.text("SELECT pg_backend_pid()"))
        await admin.execute("SELECT pg_terminate_backend($1)", pid)
        await asyncio.sleep(0.2)
        with pytest.raises(StopAsyncIteration):
            await anext(sessions)
        async with session_factory(engine)() as fresh:  # the pool hands out a live connection again
            assert await fresh.scalar(sa.text("SELECT 1")) == 1
    finally:
        await admin.close()
        await engine.dispose()


TASKS = "/api/v1/analytics/charts/async"


def remove_sqlite_files(database: Path) -> None:
    """What `rm -f .data/chartq.db .data/chartq.db-wal .data/chartq.db-shm` does."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def exists(path: Path) -> bool:
    return path.exists()


async def _migrated_sqlite(path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


async def test_an_sqlite_file_deleted_under_the_api_answers_503_and_accepts_nothing(
    base_env: dict[str, str], tmp_path: Path, make_token: Callable[..., str]
) -> None:
    """`make run` on SQLite, then `rm -f .data/chartq.db*`: the API's pooled connections kept writing
    into the unlinked file, so /ready said ok and every write answered 201/202, all lost at the next
    start. Now every database route answers 503 with Retry-After, /ready answers 503 naming the
    database, and no empty file is made in its place; a new migrated file is taken up again."""
    # CHARTQ_DATABASE_URL empty means unset: the SQLite file of the data dir, as `make run` has it.
    env = base_env | {
        "CHARTQ_DATA_DIR": str(tmp_path),
        "CHARTQ_DATABASE_URL": "",
        "CHARTQ_QUEUE_NAME": f"arq:queue:gone-{uuid4().hex[:8]}",  # no worker runs its tasks
    }
    database = tmp_path / "chartq.db"
    await _migrated_sqlite(database)
    api_url, api = start_api(env, tmp_path / "api.log")
    try:
        async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=30) as http:
            # A few requests at once, so the pool holds several connections to the file.
            made = await asyncio.gather(*(http.post("/api/v1/sessions", json={}) for _ in range(3)))
            assert all(r.status_code == 201 for r in made), [r.text for r in made]
            session = made[0].json()
            message = await http.post(f"/api/v1/sessions/{session['id']}/messages", json={"content": "q"})
            assert message.status_code == 201, message.text
            task = await http.post(TASKS, json={"message_id": message.json()["id"]})
            assert task.status_code == 202, task.text

            remove_sqlite_files(database)

            for _ in range(3):
                answers = await asyncio.gather(
                    http.post("/api/v1/sessions", json={"title": "lost"}),
                    http.post(f"/api/v1/sessions/{session['id']}/messages", json={"content": "lost"}),
                    http.get(f"/api/v1/sessions/{session['id']}"),
                    http.get("/api/v1/sessions"),
                    http.post(TASKS, json={"message_id": message.json()["id"], "force_create": True}),
                )
                for answer in answers:
                    assert answer.status_code == 503, answer.text
                    assert answer.json()["code"] == "database_unavailable"
                    assert int(answer.headers["Retry-After"]) > 0
            ready = await http.get("/ready")
            assert ready.status_code == 503, ready.text
            assert int(ready.headers["Retry-After"]) > 0
            assert ready.json()["database"].startswith("missing"), ready.json()
            assert "database" in ready.json()["detail"]
            assert not exists(database), "a connection made a new, empty database file"

            # The file is back (migrated anew, say): each old connection is dropped, with a 503 at
            # most, and the API serves the file that is there now, which has never seen the session.
            await _migrated_sqlite(database)
            statuses = []
            for _ in range(30):
                answer = await http.post("/api/v1/sessions", json={"title": "after"})
                statuses.append(answer.status_code)
                if answer.status_code == 201:
                    break
            assert statuses[-1] == 201 and set(statuses) <= {201, 503}, statuses
            assert (await http.get(f"/api/v1/sessions/{session['id']}")).status_code == 404
            assert (await http.get("/ready")).status_code == 200
        assert api.poll() is None
    finally:
        stop([api])
    assert "unhandled error" not in (tmp_path / "api.log").read_text()  # no 500 on the way
