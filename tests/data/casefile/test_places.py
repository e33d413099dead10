"""Where a case file is not safe: network shares and cloud-synced folders, found from made-up
mount tables and paths, and the coordinator's "don't warn again for this file"."""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from homestart_desktop.data.casefile import places
from homestart_desktop.data.casefile.places import (
    UnsafePlace,
    classify,
    cloud_service,
    file_system_type,
    is_unc,
    parse_mountinfo,
    place_accepted,
    place_warning,
    set_place_accepted,
)

MOUNTINFO = """\
22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
25 22 0:23 / /proc rw,nosuid - proc proc rw
40 22 0:35 / /home rw,relatime shared:20 - btrfs /dev/sda3 rw,space_cache
61 40 0:52 / /home/an/werk rw,relatime shared:30 - nfs4 nas:/export/werk rw,vers=4.2
62 40 0:53 / /home/an/Gedeelde\\040map rw,relatime - cifs //nas/gedeeld rw,vers=3.1.1
63 40 0:54 / /home/an/op-afstand rw,nosuid,nodev shared:33 - fuse.sshfs an@server: rw
64 22 0:55 / /mnt/vm rw - 9p hostshare rw,trans=virtio
65 61 0:56 / /home/an/werk/lokaal rw - ext4 /dev/sdb1 rw
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/an/Documenten/Gent.hscase", "btrfs"),
        ("/home/an/werk/Gent.hscase", "nfs4"),
        ("/home/an/werk/lokaal/Gent.hscase", "ext4"),  # a local disk mounted inside the share
        ("/home/an/Gedeelde map/Gent.hscase", "cifs"),
        ("/home/an/op-afstand/Gent.hscase", "fuse.sshfs"),
        ("/mnt/vm/Gent.hscase", "9p"),
        ("/home/an/werkplaats/Gent.hscase", "btrfs"),  # /home/an/werk is not a parent
        ("/tmp/Gent.hscase", "ext4"),
    ],
)
def test_the_file_system_of_a_path_is_read_from_mountinfo(path, expected):
    assert file_system_type(PurePosixPath(path), MOUNTINFO) == expected


def test_a_later_mount_on_the_same_folder_hides_the_earlier_one():
    text = MOUNTINFO + "70 40 0:60 / /home/an/werk rw - ext4 /dev/sdc1 rw\n"
    assert file_system_type(PurePosixPath("/home/an/werk/Gent.hscase"), text) == "ext4"


def test_mountinfo_lines_are_read_with_optional_fields_and_escapes():
    mounts = dict(parse_mountinfo(MOUNTINFO))
    assert mounts["/home/an/Gedeelde map"] == "cifs"
    assert mounts["/home/an/op-afstand"] == "fuse.sshfs"
    assert parse_mountinfo("broken line\n") == []


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (PureWindowsPath(r"C:\Users\an\OneDrive\Documenten\Gent.hscase"), "OneDrive"),
        (PureWindowsPath(r"C:\Users\an\OneDrive - Home-Start Vlaanderen\Gent.hscase"), "OneDrive"),
        (PureWindowsPath(r"C:\Users\an\Dropbox (Persoonlijk)\Gent.hscase"), "Dropbox"),
        (PureWindowsPath(r"G:\Mijn Drive\Gent.hscase"), "Google Drive"),
        (PureWindowsPath(r"C:\Users\an\iCloudDrive\Gent.hscase"), "iCloud Drive"),
        (PurePosixPath("/home/an/Dropbox/Gent.hscase"), "Dropbox"),
        (PurePosixPath("/home/an/Google Drive/My Drive/Gent.hscase"), "Google Drive"),
        (PurePosixPath("/home/an/Nextcloud/Gent.hscase"), "Nextcloud"),
        (
            PurePosixPath("/Users/an/Library/Mobile Documents/com~apple~CloudDocs/Gent.hscase"),
            "iCloud Drive",
        ),
        (
            PurePosixPath("/Users/an/Library/CloudStorage/GoogleDrive-an@example.be/Gent.hscase"),
            "Google Drive",
        ),
        (PurePosixPath("/Users/an/Library/CloudStorage/Box-Box/Gent.hscase"), "Box"),
    ],
)
def test_the_usual_cloud_folders_are_recognised(path, service):
    assert cloud_service(path) == service
    assert classify(path, file_system="ext4") == UnsafePlace("cloud", service)


@pytest.mark.parametrize(
    "path",
    [
        PureWindowsPath(r"C:\Users\an\Documents\Gent.hscase"),
        PurePosixPath("/home/an/Documenten/Gent.hscase"),
        PurePosixPath("/home/an/Documenten/OneDrive.hscase"),  # only folders count
        PurePosixPath("/home/an/dropboxen/Gent.hscase"),
    ],
)
def test_a_folder_on_the_laptops_own_disk_is_safe(path):
    assert classify(path, file_system="ext4") is None


def test_network_shares_on_windows_and_linux():
    assert is_unc(r"\\nas\gedeeld\Gent.hscase")
    assert is_unc(r"\\?\UNC\nas\gedeeld\Gent.hscase")
    assert not is_unc(r"\\?\C:\Users\an\Gent.hscase")
    assert not is_unc(r"C:\Users\an\Gent.hscase")
    assert classify(PureWindowsPath(r"\\nas\gedeeld\Gent.hscase"), file_system=None) == (
        UnsafePlace("network", "SMB")
    )
    assert classify(PureWindowsPath(r"Z:\Gent.hscase"), file_system=None, remote_drive=True)
    assert classify(PurePosixPath("/home/an/werk/Gent.hscase"), file_system="nfs4") == (
        UnsafePlace("network", "nfs4")
    )


def test_the_warning_says_why_and_where_the_file_belongs():
    network = UnsafePlace("network", "nfs4").message()
    assert "netwerkschijf (nfs4)" in network and "eigen schijf van deze laptop" in network
    cloud = UnsafePlace("cloud", "OneDrive").message()
    assert "OneDrive" in cloud and "USB-stick" in cloud


def test_dont_warn_again_is_kept_per_file_privately_and_without_the_path(tmp_path, monkeypatch):
    synced = tmp_path / "Dropbox" / "Gent.hscase"
    other = tmp_path / "Dropbox" / "Brugge.hscase"
    assert "Dropbox" in place_warning(synced)
    set_place_accepted(synced)
    assert place_warning(synced) is None and place_accepted(synced)
    assert "Dropbox" in place_warning(other)  # one file at a time
    stored = places._accepted_file()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert "Dropbox" not in stored.read_text() and str(tmp_path) not in stored.read_text()
    set_place_accepted(synced, accepted=False)
    assert "Dropbox" in place_warning(synced)


def test_a_link_into_a_synced_folder_counts(tmp_path):
    real = tmp_path / "OneDrive" / "Documenten"
    real.mkdir(parents=True)
    (tmp_path / "Documenten").symlink_to(real)
    assert places.unsafe_place(tmp_path / "Documenten" / "Gent.hscase") == (
        UnsafePlace("cloud", "OneDrive")
    )
    assert places.unsafe_place(Path(os.sep, "nowhere", "Gent.hscase")) is None
