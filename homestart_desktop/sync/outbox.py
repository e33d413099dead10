"""Make a quarter's package and see it out: the outbox, its retries and its ways out.

A package is made in one transaction (figures → disclosure control → payload → signature →
encryption → outbox). Sending is separate and may take long, so it opens its own short
transactions around the network call: claim (state ``sending``), deliver, then ``sent`` or
``failed``. A failed upload is retried with growing pauses (30 s, 1 min, 2 min … at most an hour);
after a restart every package that has not left is tried again at once, and a package the way out
already holds (same name and size) is marked sent without sending it again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol

from sqlmodel import Session

from homestart_desktop.data.figures import exports
from homestart_desktop.data.figures.exports import ExportInfo
from homestart_desktop.data.settings import get_secret, load_settings
from homestart_desktop.data.validation import Problems, ValidationError
from homestart_desktop.i18n import _
from homestart_desktop.sync.disclosure import protect
from homestart_desktop.sync.figures import RawFigures, raw_quarter_figures
from homestart_desktop.sync.package import build_payload, file_name, recipient_of, seal
from homestart_desktop.sync.ptable import shipped
from homestart_desktop.sync.quarter import Quarter
from homestart_desktop.sync.transports import TransportError

Sessions = Callable[[], AbstractContextManager[Session]]
BRANCH_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,19}$")


class Transport(Protocol):
    via: str
    place: str  # where a package ends up, for the coordinator to find it

    def delivered(self, name: str, size: int) -> bool: ...

    def deliver(self, name: str, data: bytes) -> None: ...


@dataclasses.dataclass(frozen=True)
class Attempt:
    export_id: int
    delivered: bool
    message: str = ""


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _settings_for_sending(session: Session) -> tuple[str, str]:
    """(branch code, office key) or a ValidationError naming the Settings fields to fill in."""
    settings = load_settings(session=session)
    problems = Problems()
    branch = settings.branch_code.strip().upper()
    if not BRANCH_CODE.match(branch):
        problems.add(
            "branch_code",
            _("Fill in the branch code the central office gave you (letters, digits, dashes)."),
        )
    office_key = settings.central_office_public_key.strip()
    if not office_key:
        problems.add("central_office_public_key", _("Fill in the central office's public key."))
    else:
        try:
            recipient_of(office_key)
        except ValueError as error:
            problems.add("central_office_public_key", str(error))
    problems.raise_if_any()
    return branch, office_key


def ptable_definition() -> dict[str, Any]:
    """The p-table's parameters, sent along so the office knows the noise of every count."""
    table = shipped()
    return {
        "name": table.name,
        "max_noise": table.max_noise,
        "variance": table.variance,
        "js": table.js,
    }


def next_payload(
    *,
    session: Session,
    quarter: Quarter,
    now: dt.datetime | None = None,
    raw: RawFigures | None = None,
) -> dict[str, Any]:
    """The payload the next package of ``quarter`` would carry: exactly what will be sent."""
    branch, office_key = _settings_for_sending(session)
    raw = raw or raw_quarter_figures(session=session, quarter=quarter)
    version, sequence = exports.next_numbers(session=session, quarter=str(quarter))
    return build_payload(
        figures=protect(raw),
        definitions={**raw.definitions, "ptable": ptable_definition()},
        branch=branch,
        quarter=quarter,
        version=version,
        sequence=sequence,
        office_key=office_key,
        created_at=now or _utcnow(),
    )


def make_package(
    *, session: Session, quarter: Quarter, now: dt.datetime | None = None
) -> ExportInfo:
    """Seal the quarter's protected figures into a new package version, waiting in the outbox."""
    now = now or _utcnow()
    if not quarter.is_over(now.astimezone(dt.UTC).date()):
        # The office refuses it as well: a quarter's figures are complete only once it is over.
        raise ValidationError({"quarter": quarter.not_over_reason()})
    payload = next_payload(session=session, quarter=quarter, now=now)
    signing_key = get_secret(session=session, key="branch_signing_key")
    if not signing_key:
        raise RuntimeError("this case file has no branch signing key")
    office_key = load_settings(session=session).central_office_public_key.strip()
    sealed = seal(payload, signing_key_hex=signing_key, office_key=office_key)
    return exports.add_export(
        session=session,
        quarter=payload["quarter"],
        version=payload["version"],
        sequence=payload["sequence"],
        created_at=dt.datetime.strptime(payload["created_at"], "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=dt.UTC
        ),
        package=sealed,
        sha256=hashlib.sha256(sealed).hexdigest(),
    )


def package_name(*, session: Session, export_id: int) -> tuple[str, bytes]:
    """The file name a package leaves under, and its sealed bytes."""
    info, data = exports.export_package(session=session, export_id=export_id)
    branch = load_settings(session=session).branch_code.strip().upper()
    return file_name(branch, info.quarter, info.version, info.sha256), data


class Outbox:
    """Sends what waits in the outbox; keep one per open case file (it remembers back-off)."""

    def __init__(
        self,
        sessions: Sessions,
        *,
        base_delay: float = 30.0,
        max_delay: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions = sessions
        self._base, self._max, self._clock = base_delay, max_delay, clock
        self._next_try: dict[int, float] = {}

    # ---- Public API

    def send_one(self, export_id: int, transport: Transport) -> Attempt:
        """Try to send one package now through ``transport``."""
        with self._sessions() as session:
            claim = exports.claim_for_sending(
                session=session, export_id=export_id, via=transport.via
            )
            if claim is None:
                return Attempt(export_id, delivered=True, message=_("Already sent."))
            name, data = package_name(session=session, export_id=export_id)
        try:
            # Tried before (maybe cut off after the upload): ask before sending it again.
            if not (claim.attempts > 1 and transport.delivered(name, len(data))):
                transport.deliver(name, data)
        except TransportError as error:
            with self._sessions() as session:
                exports.mark_failed(session=session, export_id=export_id, error=str(error))
            self._schedule(export_id, claim.attempts)
            return Attempt(export_id, delivered=False, message=str(error))
        with self._sessions() as session:
            exports.mark_sent(
                session=session,
                export_id=export_id,
                via=transport.via,
                at=_utcnow(),
                to=transport.place,
            )
        self._next_try.pop(export_id, None)
        return Attempt(export_id, delivered=True)

    def send_due(self, transport: Transport) -> list[Attempt]:
        """Try every package that has not left and whose pause after a failure is over."""
        with self._sessions() as session:
            pending = exports.pending_exports(session=session)
        now = self._clock()
        return [
            self.send_one(info.id, transport)
            for info in pending
            if self._next_try.get(info.id, 0.0) <= now
        ]

    def seconds_until_next(self) -> float | None:
        """How long until a failed package is due again (None: nothing is waiting on a pause)."""
        if not self._next_try:
            return None
        return max(0.0, min(self._next_try.values()) - self._clock())

    # ---- Internals

    def _schedule(self, export_id: int, attempts: int) -> None:
        delay = min(self._base * 2 ** max(0, attempts - 1), self._max)
        self._next_try[export_id] = self._clock() + delay


def webdav_transport(*, session: Session, timeout: float = 30.0) -> Transport | None:
    """The branch's WebDAV way out from Settings, or None when no share is set."""
    from homestart_desktop.sync.transports import WebDavTransport

    settings = load_settings(session=session)
    if not settings.webdav_url.strip():
        return None
    return WebDavTransport(settings.webdav_url, settings.webdav_password, timeout=timeout)
