"""Read a case file's pages as SQLCipher stores them, decrypted with the raw key: every byte of
every page (free pages and unused space in a page included) and every frame of the -wal file.

A dump through SQL would show only live rows; an erased name that lingers in free space or in
an old WAL frame shows here. SQLCipher 4's defaults: 4096-byte pages, AES-256-CBC, 80 reserved
bytes at the end of each page (a 16-byte IV, then the HMAC); page 1 starts with the 16-byte salt.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16
WAL_HEADER = 32
FRAME_HEADER = 24


def _page(data: bytes, key: bytes, first: bool) -> bytes:
    start = SALT if first else 0
    iv = data[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(data[start : PAGE - RESERVE]) + decryptor.finalize()


def decrypted_pages(path: Path, key: bytes) -> bytes:
    """The plaintext of every page of the file and of every frame of its -wal file."""
    out = []
    data = path.read_bytes()
    for number, offset in enumerate(range(0, len(data) - PAGE + 1, PAGE), start=1):
        out.append(_page(data[offset : offset + PAGE], key, number == 1))
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        frames = wal.read_bytes()
        step = FRAME_HEADER + PAGE
        for offset in range(WAL_HEADER, len(frames) - step + 1, step):
            number = int.from_bytes(frames[offset : offset + 4], "big")
            body = frames[offset + FRAME_HEADER : offset + step]
            out.append(_page(body, key, number == 1))
    return b"".join(out)


def raw_bytes(path: Path) -> bytes:
    """The file and its -wal file as they lie on disk, without the key."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
