"""The central office's keys: its age identity (secret) and public key, and branch keys."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from pyrage import x25519

from homestart_desktop import RESOURCES_DIR
from homestart_desktop.i18n import _
from homestart_desktop.private_files import write_private
from homestart_desktop.sync.package import PackageError

IDENTITY_FILE = "central-office.key"
PUBLIC_FILE = "central-office.pub"
DEMO_DIR = RESOURCES_DIR / "demo_central_office"
DEMO_IDENTITY = DEMO_DIR / "DEMO-ONLY-central-office.key"
DEMO_PUBLIC = DEMO_DIR / "DEMO-ONLY-central-office.pub"
_HEX_KEY = re.compile(r"^[0-9a-fA-F]{64}$")


def keygen(out_dir: Path) -> tuple[Path, Path]:
    """Make the office's identity (readable by its owner only) and public key in ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    identity_path, public_path = out_dir / IDENTITY_FILE, out_dir / PUBLIC_FILE
    if identity_path.exists():
        raise PackageError(_("There is already a key in this folder; it was not replaced."))
    identity = x25519.Identity.generate()
    fd = os.open(identity_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(
            f"# Home-Start Vlaanderen central office: SECRET, keep it safe.\n"
            f"# public key: {identity.to_public()}\n{identity}\n"
        )
    public_path.write_text(f"{identity.to_public()}\n", encoding="ascii")
    return identity_path, public_path


def load_identity(path: Path) -> x25519.Identity:
    """Read an age identity file (comments allowed, as ``age-keygen`` writes them)."""
    try:
        lines = Path(path).read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise PackageError(_("The key file cannot be read.")) from error
    for line in lines:
        if line.strip().startswith("AGE-SECRET-KEY-"):
            try:
                return x25519.Identity.from_str(line.strip())
            except Exception as error:
                raise PackageError(_("The key file holds a damaged key.")) from error
    raise PackageError(_("This is not a central office key file (AGE-SECRET-KEY-…)."))


def read_public_key(path: Path) -> str:
    """The ``age1…`` public key from a .pub file."""
    for line in Path(path).read_text(encoding="ascii").splitlines():
        if line.strip().startswith("age1"):
            return line.strip()
    raise PackageError(_("This is not a central office public key (age1…)."))


def write_branch_key(path: Path, *, branch: str, public_key_hex: str) -> Path:
    """The file a branch gives the central office to register its signing key."""
    document = {"format": "homestart-branch-key", "branch": branch, "ed25519": public_key_hex}
    write_private(path, json.dumps(document, indent=2) + "\n")
    return Path(path)


def read_branch_key(path: Path) -> tuple[str, str]:
    """(branch code or '', public key hex) from a branch key file (JSON or bare hex)."""
    try:
        text = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise PackageError(_("The branch key file cannot be read.")) from error
    if _HEX_KEY.match(text):
        return "", text.lower()
    try:
        document = json.loads(text)
        key = str(document["ed25519"])
        if document.get("format") != "homestart-branch-key" or not _HEX_KEY.match(key):
            raise ValueError(key)
        return str(document.get("branch", "")), key.lower()
    except (ValueError, KeyError, TypeError) as error:
        raise PackageError(_("This is not a branch key file.")) from error
