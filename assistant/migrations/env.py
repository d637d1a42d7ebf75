"""Alembic environment: run by `upgrade_to_head()` on start-up, or by the `alembic` command from the repo root.

On start-up the caller hands in an open connection inside its own transaction (`config.attributes["connection"]`),
so the whole upgrade, its lock and the version stamp commit or roll back together. From the command line
(`alembic revision --autogenerate -m ...`, `alembic upgrade head`) the URL comes from the app's own Settings
(DATABASE_URL / DATA_DIR), so the tool and the app always agree on which database they mean.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

# Every table is declared in one module, so this is the whole schema whichever feature modules were loaded.
from assistant.storage.schema import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things in place
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
elif context.is_offline_mode():
    from assistant.config import get_settings

    context.configure(url=get_settings().resolved_database_url, target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    from assistant.config import get_settings
    from assistant.migrations import upgrade_lock

    engine = create_engine(get_settings().resolved_database_url)
    with engine.begin() as conn:
        upgrade_lock(conn)
        _run(conn)
    engine.dispose()
