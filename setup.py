"""Compile the translations while the package is built (wheel and editable install alike).

Everything else about the package is in pyproject.toml. The catalogs' sources are
``translations/<lang>/*.po``; ``tools/translations.py`` (babel only) compiles them into
``homestart_desktop/locale/<lang>/LC_MESSAGES/homestart.mo``, which the package data carries.
"""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithCatalogs(build_py):
    """build_py, after compiling the .po catalogs into the package's .mo files."""

    def run(self) -> None:
        spec = importlib.util.spec_from_file_location(
            "translations", ROOT / "tools" / "translations.py"
        )
        tool = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(tool)
        tool.compile_catalogs()
        super().run()


setup(cmdclass={"build_py": BuildWithCatalogs})
