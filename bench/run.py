"""Run every benchmark of Home-Start Desktop and print one table.

    .venv/bin/python bench/run.py                 # on the large demo branch (built once, cached)
    .venv/bin/python bench/run.py --size realistic
    .venv/bin/python bench/run.py --only casefile # only bench/bench_casefile.py

Each ``bench/bench_*.py`` module exposes ``run(report)`` and calls
``report(name, measured_ms, target_ms)`` (optionally ``unit="MB"``) once per figure. Every module
runs in a fresh Python process of its own, so start-up, import and memory figures are honest.
The demo case file is built once per size, demo version and day under ``bench/.cache/`` and
handed to the modules through environment variables (see bench/README.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from filelock import FileLock

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / ".cache"
MARK = "@@bench@@"
ENV_FILE = "HOMESTART_BENCH_CASE_FILE"
ENV_PASSPHRASE = "HOMESTART_BENCH_PASSPHRASE"
ENV_SIZE = "HOMESTART_BENCH_SIZE"
sys.path.insert(0, str(ROOT))


def _fingerprint(size: str) -> str:
    """Changes when the demo generator, the schema or the day changes: then the file is rebuilt."""
    digest = hashlib.sha256(f"{size}|{dt.date.today().isoformat()}".encode())
    package = ROOT / "homestart_desktop" / "data"
    sources = [*sorted((package / "demo").glob("*.py")), package / "models.py"]
    sources += sorted((package / "tables").glob("*.py"))
    sources += sorted((package / "casefile" / "migrations" / "versions").glob("*.py"))
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def demo_case_file(size: str) -> Path:
    """The cached demo file for ``size``, built when missing or out of date."""
    from homestart_desktop.data.demo.branch import write_demo_file

    CACHE_DIR.mkdir(exist_ok=True)
    (CACHE_DIR / ".gitignore").write_text("*\n")
    path = CACHE_DIR / f"demo-{size}-{_fingerprint(size)}.hscase"
    with FileLock(str(CACHE_DIR / f"build-{size}.lock")):  # two runs at once build it once
        if path.exists():
            return path
        for stale in CACHE_DIR.glob(f"demo-{size}-*"):
            if time.time() - stale.stat().st_mtime > 3 * 3600:  # another run may still use it
                stale.unlink(missing_ok=True)
        started = time.perf_counter()
        building = CACHE_DIR / f"building-{size}-{os.getpid()}.hscase"
        write_demo_file(building, size=size, today=dt.date.today())
        os.replace(building, path)
        took = time.perf_counter() - started
        print(f"built the {size} demo branch in {took:.1f} s: {path.name}", flush=True)
    return path


# ---- In the child process: run one module


def _child(module_path: Path) -> int:
    import importlib.util

    sys.path.insert(0, str(BENCH_DIR))
    spec = importlib.util.spec_from_file_location(module_path.stem, module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def report(name: str, measured_ms: float, target_ms: float, unit: str = "ms") -> None:
        line = {"name": name, "measured": measured_ms, "target": target_ms, "unit": unit}
        print(MARK + json.dumps(line), flush=True)

    module.run(report)
    return 0


# ---- In the parent process: run all and print the table


def _run_module(module_path: Path, env: dict[str, str]) -> tuple[list[dict], str]:
    process = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(module_path)],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    results = [
        json.loads(line[len(MARK) :])
        for line in process.stdout.splitlines()
        if line.startswith(MARK)
    ]
    problem = (
        "" if process.returncode == 0 else (process.stderr.strip().splitlines() or ["failed"])[-1]
    )
    return results, problem


def _table(rows: list[tuple[str, str, str, str]]) -> str:
    header = ("benchmark", "measured", "target", "ok")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    lines = [
        " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in [header, *rows]
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def _number(value: float, unit: str) -> str:
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:,.1f} {unit}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=("large", "realistic"), default="large")
    parser.add_argument("--only", default="", help="run only modules whose name contains this")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child)

    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE

    env = dict(os.environ)
    env.update({
        ENV_FILE: str(demo_case_file(args.size)),
        ENV_PASSPHRASE: DEMO_PASSPHRASE,
        ENV_SIZE: args.size,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    })  # fmt: skip
    rows: list[tuple[str, str, str, str]] = []
    failures = 0
    for module_path in sorted(BENCH_DIR.glob("bench_*.py")):
        if args.only not in module_path.stem:
            continue
        print(f"running {module_path.stem} …", file=sys.stderr, flush=True)
        started = time.perf_counter()
        results, problem = _run_module(module_path, env)
        print(f"  {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        for r in results:
            ok = r["measured"] <= r["target"]
            failures += not ok
            rows.append(
                (
                    r["name"],
                    _number(r["measured"], r["unit"]),
                    _number(r["target"], r["unit"]),
                    "yes" if ok else "NO",
                )
            )
        if problem:
            failures += 1
            rows.append((f"{module_path.stem}: stopped", problem[:60], "", "NO"))
    print(_table(rows) if rows else "no benchmarks found")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
