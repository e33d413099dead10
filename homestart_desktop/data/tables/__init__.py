"""The case file's tables, one module an area; import them from ``data/models.py``.

Dates are dates, money is integer cents, lists of small codes are JSON. Statuses are enums whose
allowed transitions live in ``data/workflow.py``; widgets never decide them. Nothing is stored
that can be derived (waiting days, age, municipality names come from the postcode at display).
"""

from sqlalchemy import JSON, Column


def json_list() -> Column:
    """A column for a list of small codes, stored as JSON (an empty list, never NULL)."""
    return Column(JSON, nullable=False, default=list)
