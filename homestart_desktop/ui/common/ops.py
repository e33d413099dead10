"""Database work off the UI thread (Anki's QueryOp / CollectionOp).

Every read and write of the case file runs on one worker thread, in the order asked; its result
or its error comes back to the UI thread through a queued signal. The function given is a plain
``data/`` function ``fn(*, session, **kwargs)`` and never touches a widget.

A write returns :class:`Changes` (or a value with a ``changes`` attribute); ``sig_changes`` then
tells every screen what changed, so each refreshes only what concerns it.

:meth:`Ops.today` is the one clock of the screens: the coordinator's day, asked anew each time
(the app can stay open past midnight), or the day a test fixed (KeePassXC's mock clock).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from homestart_desktop.data.audit import trail
from homestart_desktop.data.casefile.casefile import CaseFile
from homestart_desktop.data.changes import Changes

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class Ops(QObject):
    """The one door to the case file for the screens."""

    sig_changes = Signal(object)
    """Emitted on the UI thread after a write, with the :class:`Changes` it made."""

    sig_busy = Signal(bool)
    """True while work is queued or running (for a busy indicator)."""

    _sig_done = Signal(object, object, object, object)

    fixed_day: dt.date | None = None
    """The day :meth:`today` gives instead of the machine's; only tests set it (on one Ops, or
    on the class for every Ops, the app's own included)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="casefile")
        self._pending = 0
        # The callbacks wait here, on the UI thread, under a ticket: had the worker held them,
        # the last reference to a closed dialog (a callback's ``self``) could drop on the worker
        # thread, and a Qt object freed there crashes the app.
        self._waiting: dict[int, tuple] = {}
        # Answered callbacks, kept until the event loop is back at the top: a callback may hold
        # the last reference to a dialog, and freeing a widget in the middle of delivering an
        # answer crashed the process.
        self._spent: list[tuple] = []
        self._next_ticket = 0
        self.case_file: CaseFile | None = None
        self.coordinator = ""
        """Who the audit trail names for the work asked here (Settings → *Jouw naam*); empty:
        the login name."""
        self._generation = 0
        self._sig_done.connect(self._deliver)

    # ---- Public API

    def today(self) -> dt.date:
        """What day it is for the coordinator: every screen asks here, and passes it to ``data/``.

        Never kept from start-up: a window left open overnight shows the new day on its next
        refresh.
        """
        return self.fixed_day or dt.date.today()

    def run(
        self,
        fn: Callable[..., Any],
        *,
        success: Success | None = None,
        failure: Failure | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Future:
        """Run ``fn(**kwargs)`` on the worker (for work that needs no session: unlock, PDFs)."""
        return self._submit(lambda: fn(**kwargs), success, failure, owner, is_write=False)

    def query(
        self,
        fn: Callable[..., Any],
        *,
        success: Success,
        failure: Failure | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Future:
        """Read: ``fn(session=..., **kwargs)`` in one transaction, result to ``success``."""
        return self._submit(self._in_session(fn, kwargs), success, failure, owner, is_write=False)

    def write(
        self,
        fn: Callable[..., Any],
        *,
        success: Success | None = None,
        failure: Failure | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Future:
        """Write: like :meth:`query`, then ``sig_changes`` with what the write changed."""
        return self._submit(self._in_session(fn, kwargs), success, failure, owner, is_write=True)

    def forget_pending(self) -> None:
        """Drop the results of work asked before now (on lock: nothing may refill a view)."""
        self._generation += 1

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until the queued work is done (for tests and for locking)."""
        self._executor.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)

    # ---- Internals

    def _in_session(self, fn: Callable[..., Any], kwargs: dict[str, Any]) -> Callable[[], Any]:
        def work() -> Any:
            case_file = self.case_file
            if case_file is None or not case_file.is_open:
                raise RuntimeError("the case file is locked")
            with case_file.session() as session:
                if self.coordinator:
                    session.info[trail.WHO] = self.coordinator
                return fn(session=session, **kwargs)

        return work

    def _submit(
        self,
        work: Callable[[], Any],
        success: Success | None,
        failure: Failure | None,
        owner: QObject | None,
        *,
        is_write: bool,
    ) -> Future:
        self._pending += 1
        if self._pending == 1:
            self.sig_busy.emit(True)
        ticket = self._next_ticket
        self._next_ticket += 1
        self._waiting[ticket] = (success, failure, owner, is_write, self._generation)

        def job() -> Any:
            # The result is sent from the worker itself, in the order the work was asked: a
            # done-callback would run on the asking thread when the work finished first.
            try:
                result = work()
            except BaseException as error:  # handed to ``failure`` on the UI thread
                self._sig_done.emit(ticket, None, error, None)
                return None
            self._sig_done.emit(ticket, result, None, None)
            return result

        try:
            return self._executor.submit(job)
        except RuntimeError:  # shut down (the app is closing): nothing is left to answer
            self._pending -= 1
            del self._waiting[ticket]
            done: Future = Future()
            done.set_result(None)
            return done

    def _deliver(self, ticket: int, result: Any, error: BaseException | None, _: Any) -> None:
        entry = self._waiting.pop(ticket)
        if not self._spent:
            QTimer.singleShot(0, self._spent.clear)
        self._spent.append(entry)
        success, failure, owner, is_write, generation = entry
        self._pending -= 1
        if self._pending == 0:
            self.sig_busy.emit(False)
        if generation != self._generation:
            return  # asked before the file was locked: its result must not reach a screen
        if owner is not None and not isValid(owner):
            return  # the screen that asked is gone
        if error is not None:
            if failure is not None:
                failure(error)
            else:
                # Only the kind of error: a database error's text can quote personal data.
                log.error("background work failed: %s", type(error).__name__)
            return
        if is_write:
            changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
            if changes:
                self.sig_changes.emit(changes)
        if success is not None:
            success(result)
