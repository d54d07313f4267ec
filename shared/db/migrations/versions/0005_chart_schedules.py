"""Chart schedules: a chart's recurring refresh (when it is next due lives in Redis too).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chart_schedules",
        sa.Column(
            "chart_id", sa.String(36), sa.ForeignKey("charts.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("owner_id", sa.String(128), nullable=False),
        sa.Column("queue_name", sa.String(200), nullable=False),
        sa.Column("cron", sa.String(120), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("next_run_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_task_id", sa.String(36), nullable=True),
        sa.Column("last_status", sa.String(16), nullable=True),
        sa.Column("firing_task_id", sa.String(36), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("paused_reason", sa.String(32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(op.f("ix_chart_schedules_owner_id"), "chart_schedules", ["owner_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_chart_schedules_owner_id"), table_name="chart_schedules")
    op.drop_table("chart_schedules")
