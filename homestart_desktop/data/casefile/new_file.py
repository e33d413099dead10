"""What a new case file holds before the coordinator types anything."""

from __future__ import annotations

import dataclasses
import json

from sqlmodel import Session

from homestart_desktop.data.models import Setting
from homestart_desktop.data.settings import load_settings, save_settings, set_secret


def initialise_branch(*, session: Session, branch_name: str, marker: str) -> None:
    """Mark the file as a case file and store the branch's name."""
    session.add(Setting(key="format", value=json.dumps(marker)))
    settings = load_settings(session=session)
    save_settings(session=session, settings=dataclasses.replace(settings, branch_name=branch_name))
    set_secret(session=session, key="branch_signing_key", value=make_branch_signing_key())


def make_branch_signing_key() -> str:
    """A new Ed25519 private key (hex), kept only inside the case file."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return raw.hex()
