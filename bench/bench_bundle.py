"""The installed app's speed, measured on the bundle in dist/ (``pyinstaller build.spec``).

Targets from issue 11: launch → unlock window ≤ 0.8 s; ``homestart-cli print intake-form`` as a
whole process ≤ 1.0 s; the build's time (tools/bundle_check.py records it) well inside CI's
90 minutes: ≤ 10 minutes here. Nothing is reported when no bundle has been built.
"""

from __future__ import annotations


def run(report) -> None:
    import json
    import os
    import shutil
    import statistics
    import subprocess
    import sys
    import tempfile
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    folder = root / "dist" / "Home-Start Desktop"
    suffix = ".exe" if os.name == "nt" else ""
    if not (folder / f"homestart-cli{suffix}").is_file():
        print("bench_bundle: no bundle in dist/ (pyinstaller build.spec)", file=sys.stderr)
        return

    with tempfile.TemporaryDirectory() as temp:
        home = Path(temp)
        env = dict(
            os.environ,
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_STATE_HOME=str(home / "state"),
            HOMESTART_LOG_DIR=str(home / "logs"),
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        )

        def launch_ms() -> float:
            started = time.perf_counter()
            process = subprocess.Popen(
                [str(folder / f"homestart{suffix}")],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=dict(env, HOMESTART_QUIT_WHEN_SHOWN="1"),
                text=True,
            )
            for line in process.stdout:
                if line.strip() == "shown":
                    elapsed = (time.perf_counter() - started) * 1000
                    break
            else:
                raise RuntimeError("the bundled app's unlock window never showed")
            process.wait(timeout=30)
            return elapsed

        launch_ms()  # the first start reads the files from disk; a coordinator's second one won't
        report(
            "bundle: launch → unlock window", statistics.median(launch_ms() for _ in range(3)), 800
        )

        case_file = home / "Gent.hscase"
        shutil.copyfile(os.environ["HOMESTART_BENCH_CASE_FILE"], case_file)
        passphrase = home / "passphrase.txt"
        passphrase.write_text(os.environ["HOMESTART_BENCH_PASSPHRASE"] + "\n", encoding="utf-8")

        def print_ms() -> float:
            started = time.perf_counter()
            subprocess.run(
                [str(folder / f"homestart-cli{suffix}"), "print", "intake-form", str(case_file),
                 "--passphrase-file", str(passphrase), "--out", str(home / "intake.pdf")],
                env=env, check=True, capture_output=True,
            )  # fmt: skip
            return (time.perf_counter() - started) * 1000

        print_ms()
        report(
            "bundle: homestart-cli print intake-form (whole process)",
            statistics.median(print_ms() for _ in range(3)),
            1000,
        )

    figures = root / "dist" / "bundle-figures.json"
    if figures.is_file():
        recorded = json.loads(figures.read_text(encoding="utf-8"))
        if recorded.get("build_seconds"):
            report(
                "bundle: build (pyinstaller build.spec)", recorded["build_seconds"], 600, unit="s"
            )
        report("bundle: folder size", recorded["folder_mb"], 200, unit="MB")
        report("bundle: archive size", recorded["archive_mb"], 80, unit="MB")
