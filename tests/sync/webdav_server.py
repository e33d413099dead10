"""A real WebDAV server (wsgidav on cheroot) on 127.0.0.1 for the upload tests, with faults to order."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from cheroot import wsgi
from wsgidav.wsgidav_app import WsgiDAVApp


class Faults:
    """What the server does next: answer normally, fail with 500, or be slow."""

    def __init__(self) -> None:
        self.mode = "ok"  # ok | error | slow
        self.delay = 0.0
        self.puts = 0

    def middleware(self, app):
        def wrapped(environ, start_response):
            if environ["REQUEST_METHOD"] == "PUT":
                if self.mode == "error":
                    environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
                    start_response("500 Internal Server Error", [("Content-Length", "0")])
                    return [b""]
                if self.mode == "slow":
                    time.sleep(self.delay)  # bounded: every test sets a small delay
                self.puts += 1
            return app(environ, start_response)

        return wrapped


@contextlib.contextmanager
def webdav_server(root: Path, *, password: str | None = None) -> Iterator[tuple[str, Faults]]:
    """Serve ``root`` over WebDAV on a free loopback port; yields (folder URL, faults)."""
    users = {"*": True} if password is None else {"*": {"upload": {"password": password}}}
    config = {
        "host": "127.0.0.1",
        "port": 0,
        "provider_mapping": {"/": str(root)},
        "simple_dc": {"user_mapping": users},
        "http_authenticator": {
            "domain_controller": None,
            "accept_basic": True,
            "accept_digest": False,
            "default_to_digest": False,
        },
        "verbose": 0,
        "logging": {"enable": False},
    }
    faults = Faults()
    server = wsgi.Server(("127.0.0.1", 0), faults.middleware(WsgiDAVApp(config)), numthreads=2)
    server.prepare()
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    port = server.bind_addr[1]
    user = "" if password is None else "upload@"
    try:
        yield f"http://{user}127.0.0.1:{port}/", faults
    finally:
        server.stop()
        thread.join(timeout=5)


def free_port() -> int:
    """A loopback port where nothing listens (for "server down")."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
