"""Places where a case file is not safe: network shares and folders a cloud service synchronises.

SQLite's write-ahead log needs shared memory and file locks that network file systems (NFS,
SMB/CIFS, sshfs, 9p...) do not give reliably, so a case file there can be damaged by a dropped
connection or by a second computer. A cloud-synced folder (OneDrive, Dropbox, Google Drive,
iCloud Drive...) can upload a half-written file, or bring the same file to two laptops that both
write to it. Backups may live in such places (they are written whole and never opened in place);
the case file itself belongs on the laptop's own disk.

The detection is pure (mountinfo text and path parts in, a finding out) so it can be tested with
made-up mounts; :func:`unsafe_place` reads the running system. A coordinator who has read the
warning can silence it for one file (:func:`set_place_accepted`); the choice lives in the app's own
settings folder, outside the case file, as a hash of the path (the folder lists no paths).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sys
from pathlib import Path, PurePath, PureWindowsPath

from homestart_desktop.i18n import _
from homestart_desktop.private_files import write_private

CONFIG_DIR_VARIABLE = "HOMESTART_CONFIG_DIR"
ACCEPTED_FILE = "accepted-places.json"

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "beegfs",
        "davfs",
        "sshfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.ceph",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gvfsd-fuse",  # GNOME's mounts of smb://, sftp://, dav://
        "fuse.gcsfuse",
        "fuse.onedriver",  # OneDrive as a file system
        "fuse.google-drive-ocamlfuse",
    }
)

# Folder names (case-insensitive) that the usual sync clients create, and the service's name.
_CLOUD_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "mijn drive": "Google Drive",
    "mon drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "pcloud drive": "pCloud",
}
# Business and team variants: "OneDrive - Home-Start Vlaanderen", "Dropbox (Persoonlijk)".
_CLOUD_PREFIXES = {"onedrive - ": "OneDrive", "onedrive-": "OneDrive", "dropbox (": "Dropbox"}


@dataclasses.dataclass(frozen=True)
class UnsafePlace:
    """Why a case file's folder is unsafe: ``kind`` is "network" or "cloud", ``what`` names it."""

    kind: str
    what: str

    def message(self) -> str:
        """The warning in words, for the unlock and new-file windows and the command line."""
        if self.kind == "network":
            return _(
                "This case file is on a network drive ({kind}). A dropped connection, or a second "
                "computer opening it, can damage it. Keep the case file on this laptop's own "
                "disk; backups may go to a USB stick or a network drive."
            ).format(kind=self.what)
        return _(
            "{service} synchronises this folder. It can copy a half-written case file, or let a "
            "second laptop write to it at the same time: both can damage it. Keep the case file "
            "on this laptop's own disk, in a folder that is not synchronised; backups may go to "
            "a USB stick or a network drive."
        ).format(service=self.what)


# ---- Pure detection


def _unescape(field: str) -> str:
    """mountinfo writes a space as \\040, a tab as \\011, a backslash as \\134."""
    out, index = [], 0
    while index < len(field):
        if field[index] == "\\" and field[index + 1 : index + 4].isdigit():
            out.append(chr(int(field[index + 1 : index + 4], 8)))
            index += 4
        else:
            out.append(field[index])
            index += 1
    return "".join(out)


def parse_mountinfo(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) for each line of /proc/self/mountinfo."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if "-" not in fields[6:]:
            continue
        separator = fields.index("-", 6)
        if len(fields) > separator + 1 and len(fields) > 4:
            mounts.append((_unescape(fields[4]), fields[separator + 1]))
    return mounts


def file_system_type(path: PurePath, mountinfo: str) -> str | None:
    """The type of the file system holding ``path`` (absolute): the longest mount point that
    contains it wins, and a later mount on the same point hides an earlier one."""
    best: tuple[int, str] | None = None
    for mount_point, fs_type in parse_mountinfo(mountinfo):
        point = PurePath(mount_point)
        if path == point or point in path.parents:
            depth = len(point.parts)
            if best is None or depth >= best[0]:
                best = (depth, fs_type)
    return best[1] if best else None


def cloud_service(path: PurePath) -> str | None:
    """The sync service whose folder holds ``path``, from the folder names on the way."""
    parts = [part.lower() for part in path.parts[:-1]]
    for index, part in enumerate(parts):
        if part in _CLOUD_FOLDERS:
            return _CLOUD_FOLDERS[part]
        for prefix, service in _CLOUD_PREFIXES.items():
            if part.startswith(prefix):
                return service
        # macOS keeps every File Provider (OneDrive, Dropbox, Google Drive...) here.
        if part == "cloudstorage" and index > 0 and parts[index - 1] == "library":
            name = parts[index + 1].split("-")[0] if index + 1 < len(parts) else ""
            return _CLOUD_FOLDERS.get(name, name.capitalize()) if name else "iCloud Drive"
    return None


def is_unc(path: str) -> bool:
    """A Windows network path: ``\\\\server\\share\\...`` (not ``\\\\?\\C:\\...``)."""
    drive = PureWindowsPath(path).drive.lower()
    if drive.startswith("\\\\?\\unc\\"):  # the long form of \\server\share
        return True
    return drive.startswith("\\\\") and not drive.startswith(("\\\\?\\", "\\\\.\\"))


def classify(
    path: PurePath, *, file_system: str | None, remote_drive: bool = False
) -> UnsafePlace | None:
    """The finding for ``path`` given its file system type (or a Windows drive's remoteness)."""
    if remote_drive or is_unc(str(path)):
        return UnsafePlace("network", "SMB")
    if file_system and file_system.lower() in NETWORK_FILE_SYSTEMS:
        return UnsafePlace("network", file_system)
    service = cloud_service(path)
    return UnsafePlace("cloud", service) if service else None


# ---- The running system


def _read_mountinfo() -> str:
    try:
        return Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""  # not Linux, or /proc hidden: the path alone must tell


def _windows_remote_drive(path: Path) -> bool:
    import ctypes

    drive = path.drive
    if not drive or drive.startswith("\\\\"):
        return False
    drive_remote = 4  # DRIVE_REMOTE
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote  # type: ignore[attr-defined]


def unsafe_place(path: Path | str) -> UnsafePlace | None:
    """Is the case file at ``path`` (existing or about to be made) on a share or synced?"""
    resolved = Path(os.path.abspath(path))
    with contextlib.suppress(OSError):
        resolved = resolved.resolve()  # a Documents folder linked into Dropbox counts too
    if sys.platform == "win32":
        return classify(resolved, file_system=None, remote_drive=_windows_remote_drive(resolved))
    return classify(resolved, file_system=file_system_type(resolved, _read_mountinfo()))


# ---- "Don't warn again for this file"


def _accepted_file() -> Path:
    override = os.environ.get(CONFIG_DIR_VARIABLE)
    if override:
        return Path(override) / ACCEPTED_FILE
    import platformdirs

    return platformdirs.user_config_path("homestart-desktop", "Home-Start Vlaanderen") / (
        ACCEPTED_FILE
    )


def _key(path: Path | str) -> str:
    return hashlib.sha256(str(Path(os.path.abspath(path))).encode("utf-8")).hexdigest()


def _accepted() -> set[str]:
    try:
        return set(json.loads(_accepted_file().read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return set()


def place_accepted(path: Path | str) -> bool:
    """True when the coordinator chose not to be warned again about this file's place."""
    return _key(path) in _accepted()


def set_place_accepted(path: Path | str, accepted: bool = True) -> None:
    """Do (or again do) not warn about where the case file at ``path`` lives."""
    keys = _accepted() | {_key(path)} if accepted else _accepted() - {_key(path)}
    target = _accepted_file()
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(target, json.dumps(sorted(keys)))


def place_warning(path: Path | str) -> str | None:
    """The warning to show for ``path``, or None (a safe place, or already read and accepted)."""
    finding = unsafe_place(path)
    if finding is None or place_accepted(path):
        return None
    return finding.message()
