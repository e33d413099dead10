"""Build the installed app with build.spec, then prove it works, run from the bundle itself.

    .venv/bin/python tools/bundle_check.py             # build, archive, check (what CI runs)
    .venv/bin/python tools/bundle_check.py --no-build  # check dist/ as it is

Runs ``homestart-cli --version``, ``self-test``, ``demo-file``, ``check``, ``print intake-form``
and ``export`` from ``dist/Home-Start Desktop/`` with an empty home folder, checks that the
bundle wrote nothing beside itself, and fails when the folder or its archive is over budget.
Prints every size and time. Exit 0 only when all is well.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
NAME = "Home-Start Desktop"
FOLDER = DIST / NAME
MB = 1_000_000
FOLDER_BUDGET = 200 * MB
ARCHIVE_BUDGET = 80 * MB
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
DEMO_PASSPHRASE = "oefenbestand zonder echte gezinnen"


def build() -> float:
    """``pyinstaller build.spec``; the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "build.spec"],
        cwd=ROOT,
        check=True,
    )
    return time.perf_counter() - started


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def make_archive(folder: Path) -> tuple[Path, float]:
    """The Linux download: the folder as .tar.xz; (its path, the seconds it took)."""
    started = time.perf_counter()
    archive = DIST / f"Home-Start-Desktop-{VERSION}-linux-x86_64.tar.xz"
    with tarfile.open(archive, "w:xz", preset=3) as tar:  # -6 saves 3 MB, takes 3x
        tar.add(folder, arcname=NAME)
    return archive, time.perf_counter() - started


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def last_quarter(today: dt.date) -> str:
    quarter = (today.month - 1) // 3  # the previous one, 0 meaning Q4 of last year
    return f"{today.year - 1}-Q4" if quarter == 0 else f"{today.year}-Q{quarter}"


class Checks:
    """Run programs from the bundle, each timed; remember what failed."""

    def __init__(self, home: Path) -> None:
        self.failures: list[str] = []
        self.rows: list[tuple[str, str]] = []
        self.env = dict(
            os.environ,
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_STATE_HOME=str(home / ".local" / "state"),
            XDG_CACHE_HOME=str(home / ".cache"),
            QT_QPA_PLATFORM="offscreen",
        )
        self.env.pop("HOMESTART_LOG_DIR", None)

    def run(self, label: str, *args: str, expect: str = "") -> str:
        started = time.perf_counter()
        done = subprocess.run(
            [str(FOLDER / "homestart-cli"), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        took = time.perf_counter() - started
        self.rows.append((f"homestart-cli {label}", f"{took:6.2f} s   exit {done.returncode}"))
        if done.returncode != 0 or expect not in done.stdout:
            self.failures.append(
                f"homestart-cli {label}: exit {done.returncode}\n{done.stdout}{done.stderr}"
            )
        return done.stdout

    def require(self, ok: bool, problem: str) -> None:
        if not ok:
            self.failures.append(problem)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="check dist/ as it is")
    options = parser.parse_args(argv)

    build_seconds = None if options.no_build else build()
    if not (FOLDER / "homestart-cli").is_file():
        print(f"no bundle in {FOLDER}: build it with pyinstaller build.spec", file=sys.stderr)
        return 1
    size = folder_size(FOLDER)
    archive, archive_seconds = make_archive(FOLDER)
    archive_size = archive.stat().st_size
    before = snapshot(FOLDER)

    with tempfile.TemporaryDirectory(prefix="homestart-bundle-") as temp:
        work = Path(temp)
        checks = Checks(work / "home")
        passphrase = work / "passphrase.txt"
        passphrase.write_text(DEMO_PASSPHRASE + "\n", encoding="utf-8")
        case_file = work / "Demo.hscase"
        key = ["--passphrase-file", str(passphrase)]

        checks.run("--version", "--version", expect=VERSION)
        checks.run("self-test", "self-test", expect="self-test ok")
        checks.run("demo-file", "demo-file", str(case_file), *key)
        checks.run("check", "check", str(case_file), *key)
        pdf = work / "intake.pdf"
        checks.run(
            "print intake-form", "print", "intake-form", str(case_file), *key, "--out", str(pdf)
        )
        checks.require(
            pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", "print intake-form: no PDF"
        )
        outbox = work / "out"
        quarter = last_quarter(dt.date.today())
        checks.run(
            "export", "export", str(case_file), *key, "--quarter", quarter, "--to", str(outbox)
        )
        checks.require(
            outbox.is_dir() and any(outbox.iterdir()), "export: no package in the folder"
        )

    after = snapshot(FOLDER)
    beside = sorted(set(after) ^ set(before)) + sorted(
        name for name in set(after) & set(before) if after[name] != before[name]
    )
    checks.require(not beside, "the bundle wrote beside itself: " + ", ".join(beside[:10]))
    checks.require(
        size <= FOLDER_BUDGET, f"folder {size / MB:.1f} MB is over {FOLDER_BUDGET / MB:.0f} MB"
    )
    checks.require(
        archive_size <= ARCHIVE_BUDGET,
        f"archive {archive_size / MB:.1f} MB is over {ARCHIVE_BUDGET / MB:.0f} MB",
    )

    figures = {
        "build_seconds": build_seconds,
        "folder_mb": size / MB,
        "archive_mb": archive_size / MB,
    }
    (DIST / "bundle-figures.json").write_text(json.dumps(figures), encoding="utf-8")
    print(f"\nHome-Start Desktop {VERSION}, bundle {FOLDER.relative_to(ROOT)}, {archive.name}")
    if build_seconds is not None:
        print(f"  {'build (pyinstaller build.spec)':<32} {build_seconds:6.1f} s")
    print(f"  {'folder':<32} {size / MB:6.1f} MB  (budget {FOLDER_BUDGET / MB:.0f} MB)")
    print(
        f"  {'archive (.tar.xz)':<32} {archive_size / MB:6.1f} MB  "
        f"(budget {ARCHIVE_BUDGET / MB:.0f} MB, made in {archive_seconds:.1f} s)"
    )
    for label, figure in checks.rows:
        print(f"  {label:<32} {figure}")
    for failure in checks.failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    print("bundle check:", "FAILED" if checks.failures else "ok")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
