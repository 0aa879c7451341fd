"""Evidence behind a verdict, tags on claims, the outlet's name, stable public ids.

Public ids (uid) let an exported annotation find its claim, note or evidence again when it is
imported into another database; existing rows get fresh ones.

Revision ID: 0002_evidence_and_tags
Revises: 0001_initial
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002_evidence_and_tags"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def _add_uids(table: str) -> None:
    with op.batch_alter_table(table) as batch:
        batch.add_column(sa.Column("uid", sa.String(36), nullable=True))
    rows = op.get_bind().execute(sa.text(f"SELECT id FROM {table}")).scalars().all()
    for row_id in rows:
        op.get_bind().execute(
            sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id"), {"uid": str(uuid.uuid4()), "id": row_id}
        )
    with op.batch_alter_table(table) as batch:
        batch.alter_column("uid", existing_type=sa.String(36), nullable=False)
        batch.create_unique_constraint(f"uq_{table}_uid", ["uid"])


def upgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("outlet", sa.Text()))
    _add_uids("claim")
    _add_uids("note")
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("stored_path", sa.Text()),
        sa.Column("sha256", sa.String(64)),
        sa.Column("role", sa.Text()),
        sa.Column("contact_method", sa.Text()),
        sa.Column("contacted_at", sa.DateTime()),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('url', 'document', 'person', 'other')", name="evidence_kind_valid"),
    )
    op.create_index("ix_evidence_claim_id", "evidence", ["claim_id"])
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.UniqueConstraint("name", name="tag_name_unique"),
    )
    op.create_table(
        "claim_tag",
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("tag_id", sa.Integer(), sa.ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_claim_tag_tag_id", "claim_tag", ["tag_id"])


def downgrade() -> None:
    for table in ("claim_tag", "tag", "evidence"):
        op.drop_table(table)
    for table in ("note", "claim"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f"uq_{table}_uid", type_="unique")
            batch.drop_column("uid")
    with op.batch_alter_table("article") as batch:
        batch.drop_column("outlet")
