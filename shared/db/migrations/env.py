"""Alembic environment: chartq passes an open connection in `config.attributes` (see shared.db.engine)."""

from __future__ import annotations

from alembic import context

from shared.db.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `chartq db upgrade`, which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
