"""The central office's own store: a folder of small JSON files (anonymous aggregates only).

    STORE/branches.json                     registered branches and their signing keys
    STORE/figures/<BRANCH>/<quarter>-v<n>.json   one accepted package: payload, signature, sha256

Every file is written whole to a temporary name, then renamed, so a crash never leaves half a
package; a refused package writes nothing at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from homestart_desktop.private_files import write_private


@dataclasses.dataclass(frozen=True)
class Accepted:
    branch: str
    quarter: str
    version: int
    sequence: int
    sha256: str


def _write_atomically(path: Path, document: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True))


class CentralStore:
    """Open (or start) the store in ``folder``; it reads its index once."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._branches: dict[str, dict[str, str]] = self._read(self.folder / "branches.json", {})
        self._accepted: list[Accepted] = []
        self._payloads: dict[tuple[str, str, int], dict[str, Any]] = {}
        for path in sorted((self.folder / "figures").glob("*/*.json")):
            doc = self._read(path, None)
            if doc:
                self._accepted.append(self._accepted_of(doc))

    # ---- Branches

    def branches(self) -> dict[str, str]:
        """Registered branch code -> Ed25519 public key (hex)."""
        return {code: info["ed25519"] for code, info in sorted(self._branches.items())}

    def register(self, branch: str, public_key_hex: str) -> None:
        self._branches[branch] = {
            "ed25519": public_key_hex,
            "registered_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        _write_atomically(self.folder / "branches.json", self._branches)

    # ---- Packages

    def accepted(self) -> list[Accepted]:
        return list(self._accepted)

    def seen_sha256(self, sha256: str) -> bool:
        return any(a.sha256 == sha256 for a in self._accepted)

    def latest(self, branch: str, quarter: str) -> Accepted | None:
        found = [a for a in self._accepted if a.branch == branch and a.quarter == quarter]
        return max(found, key=lambda a: a.version) if found else None

    def highest_sequence(self, branch: str) -> int:
        return max((a.sequence for a in self._accepted if a.branch == branch), default=0)

    def add(self, payload: dict[str, Any], *, signature_b64: str, sha256: str) -> Accepted:
        document = {"payload": payload, "signature": signature_b64, "sha256": sha256}
        name = f"{payload['quarter']}-v{payload['version']}.json"
        _write_atomically(self.folder / "figures" / payload["branch"] / name, document)
        accepted = self._accepted_of(document)
        self._accepted.append(accepted)
        self._payloads[(accepted.branch, accepted.quarter, accepted.version)] = payload
        return accepted

    def figures(self, branch: str, quarter: str) -> dict[str, Any] | None:
        """The latest accepted payload of a branch for a quarter."""
        latest = self.latest(branch, quarter)
        if latest is None:
            return None
        key = (branch, quarter, latest.version)
        if key not in self._payloads:
            path = self.folder / "figures" / branch / f"{quarter}-v{latest.version}.json"
            self._payloads[key] = self._read(path, {})["payload"]
        return self._payloads[key]

    def quarters(self) -> list[str]:
        return sorted({a.quarter for a in self._accepted})

    # ---- Internals

    @staticmethod
    def _read(path: Path, default: Any) -> Any:
        if not path.exists():
            return default
        return json.loads(path.read_text(encoding="utf-8"))

    @staticmethod
    def _accepted_of(document: dict[str, Any]) -> Accepted:
        payload = document["payload"]
        return Accepted(
            branch=payload["branch"],
            quarter=payload["quarter"],
            version=int(payload["version"]),
            sequence=int(payload["sequence"]),
            sha256=document["sha256"],
        )
