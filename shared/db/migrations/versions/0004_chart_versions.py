"""Chart versions: a refresh redraws a chart's plan on current data as a new version of the same chart.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("charts") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("version_task_id", sa.String(36), nullable=True))
        batch.add_column(sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "chart_versions",
        sa.Column("chart_id", sa.String(36), sa.ForeignKey("charts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.String(36), nullable=False, unique=True),
        sa.Column("figure", sa.JSON(), nullable=False),
        sa.Column("sql", sa.Text(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("time_start", sa.String(32), nullable=True),
        sa.Column("time_end", sa.String(32), nullable=True),
        sa.Column("data_as_of", sa.String(32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chart_id", "version"),
    )


def downgrade() -> None:
    op.drop_table("chart_versions")
    with op.batch_alter_table("charts") as batch:
        batch.drop_column("refreshed_at")
        batch.drop_column("version_task_id")
        batch.drop_column("version")
