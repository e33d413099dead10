"""The outbox: packages leave once, through a folder or a real WebDAV server on loopback."""

from __future__ import annotations

import pytest

from homestart_desktop.data.figures import exports
from homestart_desktop.data.models import ExportState
from homestart_desktop.sync.outbox import Outbox, make_package
from homestart_desktop.sync.quarter import Quarter
from homestart_desktop.sync.transports import (
    FolderTransport,
    TransportError,
    WebDavTransport,
    webdav_endpoint,
)
from tests.sync.webdav_server import free_port, webdav_server

Q3 = Quarter(2026, 3)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def branch(gent):
    case_file, _ = gent
    with case_file.session() as session:
        info = make_package(session=session, quarter=Q3)
    return case_file, info.id


def _state(case_file, export_id):
    with case_file.session() as session:
        return exports.export_package(session=session, export_id=export_id)[0]


def test_save_to_folder_once(branch, tmp_path) -> None:
    case_file, export_id = branch
    stick = tmp_path / "USB"
    stick.mkdir()
    outbox = Outbox(case_file.session)
    assert outbox.send_one(export_id, FolderTransport(stick)).delivered
    saved = list(stick.iterdir())
    assert len(saved) == 1 and saved[0].name.startswith("homestart-GENT-2026-Q3-v1-")
    info = _state(case_file, export_id)
    assert (info.state, info.via) == (ExportState.sent, "folder")
    assert info.delivered_to == str(stick)  # the outbox can say where it was saved
    assert outbox.send_due(FolderTransport(stick)) == []  # nothing left to send


def test_missing_folder_is_a_clear_failure(branch, tmp_path) -> None:
    case_file, export_id = branch
    attempt = Outbox(case_file.session).send_one(export_id, FolderTransport(tmp_path / "gone"))
    assert not attempt.delivered and "USB" in attempt.message
    assert _state(case_file, export_id).state == ExportState.failed


def test_upload_to_webdav(branch, tmp_path) -> None:
    case_file, export_id = branch
    (tmp_path / "share").mkdir()
    with webdav_server(tmp_path / "share", password="geheim") as (url, faults):
        outbox = Outbox(case_file.session)
        [attempt] = outbox.send_due(WebDavTransport(url, "geheim", timeout=5))
        assert attempt.delivered, attempt.message
        assert outbox.send_due(WebDavTransport(url, "geheim", timeout=5)) == []
        assert faults.puts == 1
    [uploaded] = (tmp_path / "share").iterdir()
    with case_file.session() as session:
        _, data = exports.export_package(session=session, export_id=export_id)
    assert uploaded.read_bytes() == data
    assert _state(case_file, export_id).via == "webdav"


def test_wrong_share_password_says_so(branch, tmp_path) -> None:
    case_file, export_id = branch
    (tmp_path / "share").mkdir()
    with webdav_server(tmp_path / "share", password="geheim") as (url, _faults):
        attempt = Outbox(case_file.session).send_one(
            export_id, WebDavTransport(url, "fout", timeout=5)
        )
    assert not attempt.delivered and "wachtwoord" in attempt.message


def test_server_down_then_back_with_back_off(branch, tmp_path) -> None:
    case_file, export_id = branch
    clock = Clock()
    outbox = Outbox(case_file.session, base_delay=30, clock=clock)
    down = WebDavTransport(f"http://127.0.0.1:{free_port()}/", timeout=2)
    [attempt] = outbox.send_due(down)
    assert not attempt.delivered and "niet te bereiken" in attempt.message
    assert outbox.send_due(down) == []  # pausing: not due yet
    assert outbox.seconds_until_next() == 30
    clock.now += 30
    [again] = outbox.send_due(down)
    assert not again.delivered
    assert outbox.seconds_until_next() == 60  # the pause doubles
    (tmp_path / "share").mkdir()
    with webdav_server(tmp_path / "share") as (url, faults):
        clock.now += 60
        [last] = outbox.send_due(WebDavTransport(url, timeout=5))
        assert last.delivered and faults.puts == 1
    info = _state(case_file, export_id)
    assert (info.state, info.attempts) == (ExportState.sent, 3)


def test_http_500_is_retried(branch, tmp_path) -> None:
    case_file, export_id = branch
    (tmp_path / "share").mkdir()
    clock = Clock()
    with webdav_server(tmp_path / "share") as (url, faults):
        outbox = Outbox(case_file.session, clock=clock)
        faults.mode = "error"
        [attempt] = outbox.send_due(WebDavTransport(url, timeout=5))
        assert not attempt.delivered and "500" in attempt.message
        assert _state(case_file, export_id).state == ExportState.failed
        faults.mode = "ok"
        clock.now += 3600
        [attempt] = outbox.send_due(WebDavTransport(url, timeout=5))
        assert attempt.delivered and faults.puts == 1


def test_timeout_and_slow_link(branch, tmp_path) -> None:
    case_file, export_id = branch
    (tmp_path / "share").mkdir()
    clock = Clock()
    with webdav_server(tmp_path / "share") as (url, faults):
        outbox = Outbox(case_file.session, clock=clock)
        faults.mode, faults.delay = "slow", 1.0
        [attempt] = outbox.send_due(WebDavTransport(url, timeout=0.3))
        assert not attempt.delivered and "te lang" in attempt.message
        faults.delay = 0.3  # slow, but within the patience of the app
        clock.now += 3600
        [attempt] = outbox.send_due(WebDavTransport(url, timeout=5))
        assert attempt.delivered
    assert _state(case_file, export_id).state == ExportState.sent


def test_restart_after_upload_does_not_send_again(branch, tmp_path) -> None:
    case_file, export_id = branch
    (tmp_path / "share").mkdir()
    with webdav_server(tmp_path / "share") as (url, faults):
        transport = WebDavTransport(url, timeout=5)
        # The app claimed and uploaded, then stopped before it could note "sent".
        with case_file.session() as session:
            exports.claim_for_sending(session=session, export_id=export_id, via="webdav")
        from homestart_desktop.sync.outbox import package_name

        with case_file.session() as session:
            name, data = package_name(session=session, export_id=export_id)
        transport.deliver(name, data)
        assert _state(case_file, export_id).state == ExportState.sending
        # Restart: a new outbox finds it on the share and marks it sent without a second upload.
        [attempt] = Outbox(case_file.session).send_due(transport)
        assert attempt.delivered and faults.puts == 1
    assert _state(case_file, export_id).state == ExportState.sent


def test_restart_before_upload_sends_it(branch, tmp_path) -> None:
    case_file, export_id = branch
    with case_file.session() as session:
        exports.claim_for_sending(session=session, export_id=export_id, via="webdav")
    (tmp_path / "share").mkdir()
    with webdav_server(tmp_path / "share") as (url, faults):
        [attempt] = Outbox(case_file.session).send_due(WebDavTransport(url, timeout=5))
        assert attempt.delivered and faults.puts == 1


def test_webdav_addresses() -> None:
    folder, auth = webdav_endpoint("https://cloud.example.org/s/AbC123", "geheim")
    assert folder == "https://cloud.example.org/public.php/webdav/"
    assert auth and auth.startswith("Basic ")
    assert webdav_endpoint("https://dav.example.org/drop")[0] == "https://dav.example.org/drop/"
    with pytest.raises(TransportError):
        webdav_endpoint("ftp://example.org/")
