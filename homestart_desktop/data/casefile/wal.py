"""Read the case file's write-ahead log (``…-wal``) before SQLite does, to see what it would drop.

SQLite replays the WAL frame by frame and silently stops at the first frame whose salt or
checksum does not match: every commit from there on is gone, and the next checkpoint makes the
loss final. That is right for a half-written frame after a crash, but a damaged byte in the
middle of saved work must not be thrown away unseen. With SQLCipher the page contents are
encrypted, but the WAL header, the frame headers and their checksums are plain, so the same
checks SQLite makes can be made here without the key (format: sqlite.org/fileformat2.html#walformat).
"""

from __future__ import annotations

import dataclasses
import struct
from pathlib import Path

HEADER_BYTES = 32
FRAME_HEADER_BYTES = 24
# The magic number's lowest bit says in which byte order the checksum reads its words.
MAGIC_LITTLE_ENDIAN = 0x377F0682
MAGIC_BIG_ENDIAN = 0x377F0683
FORMAT_VERSION = 3007000
_MASK = 0xFFFFFFFF


@dataclasses.dataclass(frozen=True)
class WalReading:
    """What SQLite would make of a WAL: how many frames it keeps, and what it would lose."""

    frames_kept: int
    commits_kept: int
    lost_frames: int
    reason: str = ""

    @property
    def loses_saved_work(self) -> bool:
        return self.lost_frames > 0


def wal_path(case_path: Path) -> Path:
    return case_path.with_name(case_path.name + "-wal")


def _checksum(data: bytes, big_endian: bool, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    """SQLite's WAL checksum: a Fletcher-like sum over pairs of 32-bit words."""
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for index in range(0, len(words), 2):
        s0 = (s0 + words[index] + s1) & _MASK
        s1 = (s1 + words[index + 1] + s0) & _MASK
    return s0, s1


def read_wal(path: Path) -> WalReading:
    """Check every frame of the WAL at ``path`` as SQLite's recovery would."""
    data = path.read_bytes() if path.exists() else b""
    if len(data) < HEADER_BYTES:
        # No whole header: SQLite treats the WAL as empty, and no frame can have been saved.
        return WalReading(0, 0, 0)
    magic, version, page_size, _sequence, salt1, salt2, sum1, sum2 = struct.unpack(
        ">8I", data[:HEADER_BYTES]
    )
    frame_bytes = FRAME_HEADER_BYTES + page_size
    whole_frames = (len(data) - HEADER_BYTES) // frame_bytes if page_size else 0
    big_endian = magic == MAGIC_BIG_ENDIAN
    header_ok = (
        magic in (MAGIC_BIG_ENDIAN, MAGIC_LITTLE_ENDIAN)
        and version == FORMAT_VERSION
        and 512 <= page_size <= 65536
        and page_size & (page_size - 1) == 0
        and _checksum(data[:24], big_endian) == (sum1, sum2)
    )
    if not header_ok:
        # SQLite would ignore the whole WAL. Any frame-sized content after the header is lost.
        frames = max(whole_frames, 1) if len(data) > HEADER_BYTES else 0
        return WalReading(0, 0, frames, "header" if frames else "")
    s0, s1 = sum1, sum2
    kept = commits = kept_at_last_commit = 0
    for index in range(whole_frames):
        start = HEADER_BYTES + index * frame_bytes
        header = data[start : start + FRAME_HEADER_BYTES]
        page_number, _size_after, frame_salt1, frame_salt2, frame_sum1, frame_sum2 = struct.unpack(
            ">6I", header
        )
        expected = _checksum(header[:8], big_endian, s0, s1)
        expected = _checksum(
            data[start + FRAME_HEADER_BYTES : start + frame_bytes], big_endian, *expected
        )
        salt_ok = (frame_salt1, frame_salt2) == (salt1, salt2)
        sum_ok = expected == (frame_sum1, frame_sum2)
        if salt_ok and sum_ok and page_number:
            s0, s1 = expected
            kept += 1
            if _size_after:
                commits += 1
                kept_at_last_commit = kept
            continue
        # A frame left from before the last checkpoint has old salts and a checksum of another
        # chain: SQLite stops there by design. A frame of this chain that fails one of the two
        # checks, or a frame of this chain further on, is saved work that would be dropped.
        later = [
            struct.unpack(">2I", data[s + 8 : s + 16]) == (salt1, salt2)
            for s in range(
                start + frame_bytes, HEADER_BYTES + whole_frames * frame_bytes, frame_bytes
            )
        ]
        if salt_ok or sum_ok or any(later):
            lost = 1 + sum(later)
            return WalReading(kept_at_last_commit, commits, lost, "frame")
        break
    return WalReading(kept_at_last_commit, commits, 0)
