"""Refused input: which fields are wrong and why, so each message can stand beside its field."""

from __future__ import annotations


class ValidationError(ValueError):
    """Input that ``data/`` refuses; ``problems`` maps a field name to a translated message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


class Problems(dict[str, str]):
    """Collects problems field by field; ``raise_if_any()`` raises them all at once."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, message)

    def raise_if_any(self) -> None:
        if self:
            raise ValidationError(dict(self))
