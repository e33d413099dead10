"""The app's few icons, drawn from the Material Design Icons font (the one qtawesome ships).

qtawesome itself loads nine icon fonts and their charmaps on the first icon: about 40 MB kept
for the app's lifetime, for nine sidebar and header icons. Here only that one font is loaded
(about 2 MB), and each name is looked up in the small table below, taken from its charmap.
A name missing from the table is a programming error: add it with its code point.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPixmap

FONT_FILE = "materialdesignicons6-webfont-6.9.96.ttf"
# name → code point, from qtawesome's materialdesignicons6 charmap.
GLYPHS = {
    "mdi6.account-group-outline": 0xF0B58,
    "mdi6.account-heart-outline": 0xF0BE3,
    "mdi6.account-switch-outline": 0xF04CB,
    "mdi6.calendar-today": 0xF00F6,
    "mdi6.calendar-week": 0xF0A33,
    "mdi6.chart-bar": 0xF0128,
    "mdi6.cog-outline": 0xF08BB,
    "mdi6.content-copy": 0xF018F,
    "mdi6.home-heart": 0xF0827,
    "mdi6.lock-outline": 0xF0341,
}
SIZES = (16, 20, 24, 32, 40, 48)


def font_path() -> Path:
    """Where the icon font lies, found without importing qtawesome."""
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the icon font comes with qtawesome; install it")
    return Path(spec.origin).parent / "fonts" / FONT_FILE


@cache
def _family() -> str:
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        raise FileNotFoundError(f"cannot load the icon font {FONT_FILE}")
    return families[0]


def icon(name: str, *, color: str) -> QIcon:
    """The icon ``name`` (e.g. ``mdi6.home-heart``) in ``color``, crisp at the usual sizes."""
    glyph = chr(GLYPHS[name])
    font = QFont(_family())
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font.setPixelSize(size)
        painter.setFont(font)
        painter.setPen(QColor(color))
        painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
        painter.end()
        result.addPixmap(pixmap)
    return result
