"""Write versions/0001_initial.py anew from data/models.py.

Only while no case file has been handed out (before the first release): from then on 0001 is
frozen and every change to models.py gets a migration of its own
(``alembic revision --autogenerate``). Run: ``python -m homestart_desktop.data.casefile.migrations.regenerate_initial``.
"""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine

from homestart_desktop.data.casefile.migrations import HERE, alembic_config


def main() -> None:
    for old in (HERE / "versions").glob("0001_*.py"):
        old.unlink()
    # Later revisions (0002 full-text search, ...) point at 0001: set them aside meanwhile.
    later = sorted((HERE / "versions").glob("0[0-9][0-9][0-9]_*.py"))
    for path in later:
        path.rename(path.with_suffix(".aside"))
    try:
        engine = create_engine("sqlite://")
        with engine.connect() as connection:
            config = alembic_config(connection)
            command.revision(config, message="initial schema", autogenerate=True, rev_id="0001")
    finally:
        for path in later:
            path.with_suffix(".aside").rename(path)
    created = next((HERE / "versions").glob("0001_*.py"))
    created.rename(HERE / "versions" / "0001_initial.py")


if __name__ == "__main__":
    main()
