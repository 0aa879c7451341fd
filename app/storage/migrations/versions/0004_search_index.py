"""Full-text search: FTS5 over article title+text, claims (wording, source) and notes; indexes
for the library's list and its status counts.

Three external-content FTS5 tables, one per source table, each keyed by its table's own id:
  article_fts(title, text)  content=article   rowid = article.id
  claim_fts(exact, source)  content=claim     rowid = claim.id
  note_fts(body)            content=note      rowid = note.id
Keeping the rowid spaces apart (rather than one table with computed rowids) makes every trigger's
delete and every snippet's read of the content an indexed primary-key lookup, and stores no
second copy of the text. Triggers keep them current; UPDATE triggers fire only when an indexed
column changes, so `last_opened_at` or a status change costs nothing.

The tokenizer folds case and diacritics (`unicode61 remove_diacritics 2`): "cafe" finds "café".
Measured figures: tests/benchmarks/bench_search.py.

A later migration that rebuilds article, claim or note (Alembic batch mode drops and recreates a
table) loses that table's triggers: it must run this file's TRIGGERS again and rebuild the index
(`INSERT INTO x_fts(x_fts) VALUES('rebuild')`).

On PostgreSQL (newsroom mode) the twin is a stored generated tsvector column `search_vector` on
each of the three tables, under a GIN index, in a text search configuration that folds case and
diacritics the same way (`claimdesk_search`: the simple parser and dictionary after unaccent). The
server keeps the column current by itself, and ranking and the index's recheck read it instead of
parsing the text again (an expression index would: 75 ms a search on 1,000 articles instead of a few).
The models don't declare the column: only app/storage/search_postgres.py reads it.

Revision ID: 0004_search_index
Revises: 0003_workspace_and_library
"""

from alembic import op

revision = "0004_search_index"
down_revision = "0003_workspace_and_library"
branch_labels = None
depends_on = None

TOKENIZE = "unicode61 remove_diacritics 2"
# Search as you type makes the last word a prefix; an index of 3-letter prefixes turns "the*" on
# 360,000 claims from 60 ms of doclist merging into 1 ms, for 11% more database.
PREFIXES = "3"
# fts table -> (content table, indexed columns)
INDEXES = {
    "article_fts": ("article", ("title", "text")),
    "claim_fts": ("claim", ("exact", "source")),
    "note_fts": ("note", ("body",)),
}


def _triggers(fts: str, table: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});"
    delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    return [
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} BEGIN {delete} {insert} END",
    ]


def upgrade() -> None:
    # The library's status bars count claims per article and status: a covering index makes that an
    # index-only scan (10,000 articles, 360,000 claims: 0.5 s -> 0.17 s).
    op.create_index("ix_claim_article_status", "claim", ["article_id", "status", "dismissed_at"])
    # The library list reads its summary columns from this index alone: the article rows, whose
    # text comes before deleted_at, are never read (10,000 articles: 120 ms -> 37 ms).
    op.create_index(
        "ix_article_library",
        "article",
        ["deleted_at", "imported_at", "id", "title", "outlet", "published_at"],
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgres_upgrade()
        return
    for fts, (table, columns) in INDEXES.items():
        cols = ", ".join(f'"{c}"' for c in columns)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='id', "
            f"tokenize='{TOKENIZE}', prefix='{PREFIXES}')"
        )
        for trigger in _triggers(fts, table, columns):
            op.execute(trigger)
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


# PostgreSQL: index name -> (table, the tsvector its search_vector column is generated from)
POSTGRES_CONFIG = "claimdesk_search"
POSTGRES_INDEXES = {
    "ix_article_search": ("article", "to_tsvector('claimdesk_search'::regconfig, title || ' ' || text)"),
    "ix_claim_search": (
        "claim",
        "to_tsvector('claimdesk_search'::regconfig, exact || ' ' || coalesce(source, ''))",
    ),
    "ix_note_search": ("note", "to_tsvector('claimdesk_search'::regconfig, body)"),
}


def _postgres_upgrade() -> None:
    # unaccent is a trusted extension: the database's owner may create it without being a superuser
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.execute(f"CREATE TEXT SEARCH CONFIGURATION {POSTGRES_CONFIG} (COPY = pg_catalog.simple)")
    op.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {POSTGRES_CONFIG} "
        "ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part "
        "WITH unaccent, simple"
    )
    for name, (table, expression) in POSTGRES_INDEXES.items():
        generated = f"GENERATED ALWAYS AS ({expression}) STORED"
        op.execute(f"ALTER TABLE {table} ADD COLUMN search_vector tsvector {generated}")
        op.execute(f"CREATE INDEX {name} ON {table} USING gin (search_vector)")


def downgrade() -> None:
    op.drop_index("ix_article_library", "article")
    op.drop_index("ix_claim_article_status", "claim")
    if op.get_bind().dialect.name == "postgresql":
        for table, _expression in POSTGRES_INDEXES.values():
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")  # with its index
        op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {POSTGRES_CONFIG}")
        return
    for fts in INDEXES:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
