"""A figures package: the payload (JSON, schema in docs/), signed by the branch, sealed for the office.

On disk a package is an **age** file (X25519) to the central office's public key; inside is one
JSON envelope ``{"format", "payload", "signature"}``. The signature (Ed25519, the branch's key)
covers the payload's canonical bytes (sorted keys, no spaces, UTF-8), so any standard age tool can
open the file at the office and anyone can check the signature with the branch's public key. The
branch cannot read a package back: it holds no identity for it.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import json
from functools import cache
from typing import Any

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from homestart_desktop import RESOURCES_DIR, __version__
from homestart_desktop.i18n import _
from homestart_desktop.sync.quarter import Quarter

SCHEMA_VERSION = 2  # 2: counts perturbed with the cell key method (1: "<5" and "x", still read)
SCHEMA_VERSIONS = (1, 2)  # what the central office imports during the transition
ENVELOPE_FORMAT = "homestart-figures-package"
SUFFIX = ".age"


class PackageError(ValueError):
    """A package or key that cannot be used; the message is for people (no personal data)."""


@dataclasses.dataclass(frozen=True)
class Opened:
    """A decrypted envelope, not yet trusted: check the signature before using the payload."""

    payload: dict[str, Any]
    payload_bytes: bytes
    signature: bytes
    public_key_hex: str


@cache
def schema(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    """The payload's JSON Schema (the same text as docs/package.schema.json, or .v1.json)."""
    name = "package.schema.json" if version == SCHEMA_VERSION else f"package.schema.v{version}.json"
    path = RESOURCES_DIR / "schemas" / name
    return json.loads(path.read_text(encoding="utf-8"))


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every local ``$ref`` replaced by its definition (it has no cycles)."""
    if isinstance(node, dict):
        if set(node) == {"$ref"} and node["$ref"].startswith("#/$defs/"):
            return _inline(defs[node["$ref"].removeprefix("#/$defs/")], defs)
        return {k: _inline(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


@cache
def _validator(version: int) -> Any:
    import jsonschema

    # Resolving $ref on every cell costs 20 ms a package; inlined, validation is ten times faster.
    full = schema(version)
    return jsonschema.Draft202012Validator(_inline(full, full.get("$defs", {})))


def validate_payload(payload: dict[str, Any]) -> None:
    """Raise :class:`PackageError` when the payload does not follow its schema version."""
    version = payload.get("schema_version") if isinstance(payload, dict) else None
    if version not in SCHEMA_VERSIONS:
        version = SCHEMA_VERSION  # the error then names schema_version
    error = next(iter(_validator(version).iter_errors(payload)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "payload"
        raise PackageError(
            _("The figures do not follow the package format ({where}).").format(where=where)
        )
    small = _small_counts(payload["figures"], highest=4 if version == 1 else 2)
    if small:
        raise PackageError(
            _("The figures show a count that is too small to publish ({where}).").format(
                where=small
            )
        )


def _small_counts(figures: dict[str, Any], *, highest: int) -> str:
    """Where a published count from 1 to ``highest`` is (a second guard), or ''."""
    for table, part in figures.items():
        if table == "measures":
            continue
        cells = [("total", part.get("total")), ("base", part.get("base"))]
        for group in ("rows", "bases"):
            cells += list(part.get(group, {}).items()) if isinstance(part.get(group), dict) else []
        for name, cell in cells:
            if type(cell) is int and 1 <= cell <= highest:
                return f"{table}/{name}"
    return ""


def canonical(payload: dict[str, Any]) -> bytes:
    """The exact bytes that are signed."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def fingerprint(recipient: str) -> str:
    """A short, stable name for the central office's public key: ``sha256:<hex>``."""
    return "sha256:" + hashlib.sha256(recipient.strip().encode("ascii")).hexdigest()


def recipient_of(text: str) -> pyrage.x25519.Recipient:
    """Parse the central office's public key (``age1...``) or explain what is wrong."""
    try:
        return pyrage.x25519.Recipient.from_str(text.strip())
    except Exception as error:  # pyrage raises its own RecipientError
        raise PackageError(
            _("The central office's public key is not valid: it starts with 'age1'.")
        ) from error


def public_key_hex(signing_key_hex: str) -> str:
    """The public half of the branch's signing key, as hex (what the office registers)."""
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(signing_key_hex))
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw.hex()


def build_payload(
    *,
    figures: dict[str, Any],
    definitions: dict[str, Any],
    branch: str,
    quarter: Quarter,
    version: int,
    sequence: int,
    office_key: str,
    created_at: dt.datetime,
) -> dict[str, Any]:
    """The payload of one package (validated against the schema)."""
    payload = {
        "schema_version": SCHEMA_VERSION,
        "branch": branch,
        "quarter": str(quarter),
        "version": version,
        "sequence": sequence,
        "app_version": __version__,
        "created_at": created_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "central_office_key": fingerprint(office_key),
        "definitions": definitions,
        "figures": figures,
    }
    validate_payload(payload)
    return payload


def seal(payload: dict[str, Any], *, signing_key_hex: str, office_key: str) -> bytes:
    """Sign the payload with the branch's key, then encrypt it to the central office."""
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(signing_key_hex))
    body = canonical(payload)
    envelope = {
        "format": ENVELOPE_FORMAT,
        "payload": payload,
        "signature": {
            "algorithm": "ed25519",
            "public_key": public_key_hex(signing_key_hex),
            "value": base64.b64encode(key.sign(body)).decode("ascii"),
        },
    }
    return pyrage.encrypt(canonical(envelope), [recipient_of(office_key)])


def open_package(data: bytes, identity: pyrage.x25519.Identity) -> Opened:
    """Decrypt a package (central office side); raises :class:`PackageError` with the reason."""
    try:
        plain = pyrage.decrypt(data, [identity])
    except Exception as error:
        raise PackageError(
            _("The package cannot be decrypted: it is damaged, or not meant for this office.")
        ) from error
    try:
        envelope = json.loads(plain)
        if envelope.get("format") != ENVELOPE_FORMAT:
            raise ValueError("format")
        signature = envelope["signature"]
        if signature.get("algorithm") != "ed25519":
            raise ValueError("algorithm")
        return Opened(
            payload=envelope["payload"],
            payload_bytes=canonical(envelope["payload"]),
            signature=base64.b64decode(signature["value"], validate=True),
            public_key_hex=str(signature["public_key"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise PackageError(_("The package is not a Home-Start figures package.")) from error


def signature_is_valid(opened: Opened, public_key_hex_: str) -> bool:
    """True when ``opened`` was signed by the holder of this public key."""
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex_))
        key.verify(opened.signature, opened.payload_bytes)
        return True
    except Exception:
        return False


def file_name(branch: str, quarter: str, version: int, sha256: str) -> str:
    """The package's file name: branch, quarter and version, never anything personal."""
    return f"homestart-{branch or 'branch'}-{quarter}-v{version}-{sha256[:8]}{SUFFIX}"
