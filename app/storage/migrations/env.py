"""Alembic environment: runs on the connection that `app.storage.migrate` hands over."""

from alembic import context

from app.storage.models import Base

connection = context.config.attributes["connection"]
sqlite = connection.dialect.name == "sqlite"
if sqlite:
    # A batch migration rebuilds a table as _alembic_tmp_<name> and renames it back. Since 3.26,
    # SQLite re-checks every trigger at that rename, and one that reads the table being rebuilt
    # (0008's on status_change reads claim) fails it with "no such table". The legacy rename leaves
    # trigger bodies alone: by the end of the rename the name they read exists again.
    connection.exec_driver_sql("PRAGMA legacy_alter_table=ON")
try:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
finally:
    if sqlite:
        connection.exec_driver_sql("PRAGMA legacy_alter_table=OFF")
