"""What the import wizard knows so far, shared by its pages (so going back loses nothing)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from homestart_desktop.data.importing.fields import Kind
from homestart_desktop.data.importing.mapping import Mapping
from homestart_desktop.data.importing.plan import Options, Plan
from homestart_desktop.data.importing.reading import RawSheet, Table


@dataclasses.dataclass
class Chosen:
    """One list the coordinator chose: the file, its sheets, the sheet and header row chosen."""

    path: Path
    sheets: list[RawSheet]
    sheet: str
    header_row: int


@dataclasses.dataclass
class ImportState:
    chosen: dict[Kind, Chosen] = dataclasses.field(default_factory=dict)
    tables: dict[Kind, Table] = dataclasses.field(default_factory=dict)
    mapping: Mapping = dataclasses.field(default_factory=Mapping)
    mapping_from: tuple = ()  # which tables the mapping was suggested for
    options: Options = dataclasses.field(default_factory=Options)
    plan: Plan | None = None


class ProgressRelay(QObject):
    """Hands progress from the worker thread to the UI thread (a queued signal)."""

    sig_progress = Signal(int, int)
    """(done, total) of the work under way."""

    def __call__(self, done: int, total: int) -> None:
        self.sig_progress.emit(done, total)
