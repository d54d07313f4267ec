"""Task runs record how their plan was made: the planner, and the LLM planner's tokens and latency.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("planner", sa.String(length=16)),
    ("llm_model", sa.String(length=128)),
    ("llm_prompt_tokens", sa.Integer()),
    ("llm_completion_tokens", sa.Integer()),
    ("llm_latency_ms", sa.Integer()),
    ("llm_rounds", sa.Integer()),
    ("llm_fallback_reason", sa.String(length=32)),
)


def upgrade() -> None:
    # Batch mode: SQLite cannot drop columns in place (downgrade); nullable additions need no copy.
    with op.batch_alter_table("task_runs") as batch:
        for name, type_ in _COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("task_runs") as batch:
        for name, _ in reversed(_COLUMNS):
            batch.drop_column(name)
