"""Ways out for a package: a folder (USB stick, shared drive) or a WebDAV upload-only share.

Both are idempotent by name: a package already there with the same size counts as delivered, so
a restart halfway never makes a second copy where the way out can tell. Errors carry a short
translated message and never the package's content.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from homestart_desktop.i18n import _
from homestart_desktop.private_files import write_private


class TransportError(Exception):
    """The package did not leave this time; ``str()`` is a message for the coordinator."""


class FolderTransport:
    """Save packages into a folder; the file appears whole or not at all."""

    via = "folder"

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.place = str(self.folder)  # shown in the outbox: "Saved in folder E:\\Home-Start"

    def delivered(self, name: str, size: int) -> bool:
        target = self.folder / name
        return target.is_file() and target.stat().st_size == size

    def deliver(self, name: str, data: bytes) -> None:
        if not self.folder.is_dir():
            raise TransportError(_("The folder cannot be found. Is the USB stick plugged in?"))
        try:
            write_private(self.folder / name, data)
        except OSError as error:
            raise TransportError(
                _("The package could not be saved in this folder ({reason}).").format(
                    reason=error.strerror or type(error).__name__
                )
            ) from error


def webdav_endpoint(url: str, password: str = "") -> tuple[str, str | None]:
    """The folder URL to upload into and its Authorization header, from the share's link.

    A Nextcloud share link ``https://host/s/TOKEN`` becomes its public WebDAV folder with the
    token as user name and the share password (if any); any other URL is a WebDAV folder, with
    the user name written in it (``https://user@host/dav/``) if it needs one.
    """
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TransportError(_("The upload address must start with https://."))
    user = urllib.parse.unquote(parts.username or "")
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    path = parts.path
    segments = [s for s in path.split("/") if s]
    if len(segments) >= 2 and segments[-2] == "s":  # a Nextcloud public share link
        user = segments[-1]
        path = "/".join(["", *segments[:-2], "public.php", "webdav", ""])
    if not path.endswith("/"):
        path += "/"
    folder = urllib.parse.urlunsplit((parts.scheme, netloc, path, "", ""))
    if not user and not password:
        return folder, None
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return folder, f"Basic {token}"


class WebDavTransport:
    """Upload packages with HTTP PUT into a WebDAV folder (a Nextcloud file drop works)."""

    via = "webdav"

    def __init__(self, url: str, password: str = "", *, timeout: float = 30.0) -> None:
        self.folder, self._auth = webdav_endpoint(url, password)
        self.place = self.folder  # the share's address; the password stays in the header
        self.timeout = timeout

    def _request(self, name: str, method: str, data: bytes | None = None) -> urllib.request.Request:
        request = urllib.request.Request(
            self.folder + urllib.parse.quote(name), data=data, method=method
        )
        request.add_header("X-Requested-With", "XMLHttpRequest")  # Nextcloud's public WebDAV
        if data is not None:
            request.add_header("Content-Type", "application/octet-stream")
        if self._auth:
            request.add_header("Authorization", self._auth)
        return request

    def delivered(self, name: str, size: int) -> bool:
        """True when the share shows this file already (a file drop cannot tell: False)."""
        try:
            with urllib.request.urlopen(self._request(name, "HEAD"), timeout=self.timeout) as r:
                return r.status == 200 and int(r.headers.get("Content-Length", -1)) == size
        except (urllib.error.URLError, OSError, ValueError):
            return False

    def deliver(self, name: str, data: bytes) -> None:
        try:
            with urllib.request.urlopen(
                self._request(name, "PUT", data), timeout=self.timeout
            ) as r:
                r.read()
        except urllib.error.HTTPError as error:
            if error.code in (401, 403):
                raise TransportError(
                    _(
                        "The central office's share refused the upload: check its address and password."
                    )
                ) from error
            raise TransportError(
                _(
                    "The central office's share answered with an error ({code}). Trying again later."
                ).format(code=error.code)
            ) from error
        except TimeoutError as error:
            raise TransportError(_("The upload took too long. Trying again later.")) from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError):
                raise TransportError(_("The upload took too long. Trying again later.")) from error
            raise TransportError(
                _("The central office cannot be reached (no network?). Trying again later.")
            ) from error
