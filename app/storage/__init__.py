"""Storage: SQLAlchemy models, the engine and sessions, and Alembic migrations.

The only place that writes SQL. SQLite-only features (pragmas, FTS5, the backup API) stay here
behind functions that could have a PostgreSQL twin.
"""
