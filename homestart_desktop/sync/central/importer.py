"""Import packages at the central office: decrypt, verify, check, then keep — or keep nothing.

Checks, in order (the first that fails refuses the package with its reason):
1. not seen before (same file = a replay);
2. it decrypts with the office's identity (else damaged, or made for another key);
3. the payload follows the schema;
4. it names this office's key (fingerprint);
5. its branch is registered and the signature is that branch's (else unknown or wrong key,
   or changed after signing);
6. its quarter was over when it was signed (``created_at``): a quarter's figures are complete only
   then;
7. it is newer than what is kept for that branch and quarter, and its sequence number is new.

Packages of schema versions 1 ("<5"/"x") and 2 (cell key method) are both accepted during the
transition; ``combine.py`` reads both.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from pyrage import x25519

from homestart_desktop.i18n import _, format_date
from homestart_desktop.sync.central.store import CentralStore
from homestart_desktop.sync.package import (
    SUFFIX,
    PackageError,
    fingerprint,
    open_package,
    signature_is_valid,
    validate_payload,
)
from homestart_desktop.sync.quarter import Quarter


@dataclasses.dataclass(frozen=True)
class ImportResult:
    name: str
    accepted: bool
    reason: str = ""
    branch: str = ""
    quarter: str = ""
    version: int = 0


class Refused(Exception):
    """Why one package is not kept."""


def package_files(paths: Iterable[Path]) -> list[Path]:
    """The package files named, or found in the folders named (``*.age``), in a stable order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob(f"*{SUFFIX}") if p.is_file())
        else:
            found.append(path)
    return found


def _check(store: CentralStore, data: bytes, identity: x25519.Identity) -> tuple[dict, str, str]:
    sha256 = hashlib.sha256(data).hexdigest()
    if store.seen_sha256(sha256):
        raise Refused(_("Already imported: this exact package came in before (a replay)."))
    try:
        opened = open_package(data, identity)
        validate_payload(opened.payload)
    except PackageError as error:
        raise Refused(str(error)) from error
    payload = opened.payload
    if payload["central_office_key"] != fingerprint(str(identity.to_public())):
        raise Refused(_("The package was made for another central office key."))
    branch = payload["branch"]
    registered = store.branches()
    if branch not in registered:
        raise Refused(
            _("Branch {branch} is not registered: register its key first.").format(branch=branch)
        )
    if opened.public_key_hex != registered[branch]:
        if not signature_is_valid(opened, opened.public_key_hex):
            raise Refused(_("The package was changed after it was signed."))
        others = [code for code, key in registered.items() if key == opened.public_key_hex]
        reason = _("Signed with a key that is not branch {branch}'s registered key.").format(
            branch=branch
        )
        if others:
            reason += " " + _("(It is the key of {other}.)").format(other=others[0])
        raise Refused(reason)
    if not signature_is_valid(opened, registered[branch]):
        raise Refused(_("The package was changed after it was signed."))
    quarter = Quarter.parse(payload["quarter"])
    signed_on = dt.datetime.strptime(payload["created_at"], "%Y-%m-%dT%H:%M:%SZ").date()
    if not quarter.is_over(signed_on):
        raise Refused(
            _(
                "Signed on {day}, before {quarter} was over: a quarter's figures are complete "
                "only once it has ended."
            ).format(day=format_date(signed_on), quarter=payload["quarter"])
        )
    latest = store.latest(branch, payload["quarter"])
    if latest is not None and payload["version"] <= latest.version:
        raise Refused(
            _(
                "Version {version} of {quarter} is not newer than version {kept}, imported already."
            ).format(version=payload["version"], quarter=payload["quarter"], kept=latest.version)
        )
    if any(a.branch == branch and a.sequence == payload["sequence"] for a in store.accepted()):
        raise Refused(_("A package with this sequence number came in before (a replay)."))
    return payload, base64.b64encode(opened.signature).decode("ascii"), sha256


def import_package(
    store: CentralStore, data: bytes, identity: x25519.Identity, name: str
) -> ImportResult:
    """Check one package and keep it, or refuse it and keep nothing."""
    try:
        payload, signature, sha256 = _check(store, data, identity)
    except Refused as refusal:
        return ImportResult(name=name, accepted=False, reason=str(refusal))
    store.add(payload, signature_b64=signature, sha256=sha256)
    return ImportResult(
        name=name,
        accepted=True,
        branch=payload["branch"],
        quarter=payload["quarter"],
        version=payload["version"],
    )


def import_paths(
    store: CentralStore, paths: Iterable[Path], identity: x25519.Identity
) -> list[ImportResult]:
    """Import every package named or found in the folders named."""
    loaded = []
    for path in package_files(paths):
        try:
            loaded.append((path.name, path.read_bytes()))
        except OSError:
            loaded.append((path.name, b""))
    return [import_package(store, data, identity, name) for name, data in loaded]
