"""Charts carry a plain-language description of their plan (and of what the question left out).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: charts made before this have none, and the API words one from their stored plan.
    with op.batch_alter_table("charts") as batch:
        batch.add_column(sa.Column("description", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("charts") as batch:
        batch.drop_column("description")
