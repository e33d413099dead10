"""What a write changed, so that each screen refreshes only what concerns it (Anki's OpChanges)."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Changes:
    families: bool = False
    volunteers: bool = False
    trajectories: bool = False
    visits: bool = False
    intervision: bool = False
    expenses: bool = False
    settings: bool = False
    outbox: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{
                f.name: getattr(self, f.name) or getattr(other, f.name)
                for f in dataclasses.fields(self)
            }
        )

    @classmethod
    def everything(cls) -> Changes:
        return cls(**{f.name: True for f in dataclasses.fields(cls)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in dataclasses.fields(self))
