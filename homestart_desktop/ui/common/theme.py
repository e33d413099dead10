"""The look of the app: Fusion, a light palette, one accent colour, calm spacing.

Light on purpose (imports only QtGui/QtWidgets): the unlock window is themed before the data
layer loads. Screens mark parts with objectNames the stylesheet knows: ``card`` (a white panel),
``cardValue``/``cardTitle`` (a figure and its caption), ``pageTitle``, ``hint`` (grey small text),
``formError`` (a field's problem), ``emptyState`` (what a place is for), ``sidebar``, ``header``.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f6f8b"  # a calm petrol blue; readable as text on white (contrast 5.9:1)
ACCENT_DARK = "#17566c"
ACCENT_SOFT = "#e3eff3"
WINDOW = "#f5f6f8"
BORDER = "#d9dde3"
TEXT = "#1f2933"
MUTED = "#5f6b7a"
ERROR = "#b42318"
WARNING_SOFT = "#fff4e5"
MARK_BACKGROUND = "#ffe58f"  # a marker pen: the words a search found, in its results
POINT_SIZE = 10

_STYLESHEET = f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog {{ background: {WINDOW}; }}
QFrame#card {{ background: white; border: 1px solid {BORDER}; border-radius: 8px; }}
QLabel#pageTitle {{ font-size: {POINT_SIZE + 6}pt; font-weight: 600; }}
QLabel#sectionTitle {{ font-size: {POINT_SIZE + 2}pt; font-weight: 600; }}
QLabel#cardValue {{ font-size: {POINT_SIZE + 12}pt; font-weight: 600; color: {ACCENT}; }}
QLabel#cardTitle {{ color: {MUTED}; }}
QLabel#hint {{ color: {MUTED}; }}
/* Spin boxes, date fields and drop-downs keep Fusion's own look: restyling their frame would
   take their arrows away. */
QLabel#formError {{ color: {ERROR}; }}
QLabel#emptyState {{ color: {MUTED}; padding: 16px; }}
QLabel#demoHint {{ background: {WARNING_SOFT}; border: 1px solid #f3d19e; border-radius: 6px;
    padding: 8px; }}
QFrame#placeWarning {{ background: {WARNING_SOFT}; border: 1px solid #f3d19e; border-radius: 6px; }}
QLabel#placeWarningTitle {{ font-weight: 600; color: #8a4b08; }}
QWidget#header {{ background: white; border-bottom: 1px solid {BORDER}; }}
QLabel#branchName {{ font-size: {POINT_SIZE + 3}pt; font-weight: 600; }}
QListWidget#sidebar {{ background: white; border: none; border-right: 1px solid {BORDER};
    padding: 8px 6px; outline: 0; }}
QListWidget#sidebar::item {{ padding: 9px 10px; border-radius: 6px; margin: 1px 0; }}
QListWidget#sidebar::item:selected {{ background: {ACCENT_SOFT}; color: {ACCENT_DARK};
    font-weight: 600; }}
QListWidget#sidebar::item:hover:!selected {{ background: #f0f2f5; }}
QListWidget#recent_files {{ border: 1px solid {BORDER}; border-radius: 6px; padding: 4px;
    outline: 0; }}
QListWidget#recent_files::item {{ padding: 6px 8px; border-radius: 5px; }}
QListWidget#recent_files::item:selected {{ background: {ACCENT_SOFT}; color: {TEXT}; }}
QPushButton {{ padding: 6px 14px; border: 1px solid {BORDER}; border-radius: 6px;
    background: white; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:disabled {{ color: #9aa5b1; background: #f0f2f5; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton[primary="true"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton[primary="true"]:disabled {{ background: #9bbfcc; border-color: #9bbfcc; }}
QLineEdit, QPlainTextEdit {{
    padding: 4px 6px; border: 1px solid {BORDER}; border-radius: 5px; background: white; }}
QLineEdit:focus, QPlainTextEdit:focus {{ border-color: {ACCENT}; }}
QLineEdit:disabled, QPlainTextEdit:disabled, QComboBox:disabled, QAbstractSpinBox:disabled {{
    background: #f0f2f5; color: #6b7684; }}
QSpinBox, QDoubleSpinBox, QDateEdit, QComboBox {{ min-height: 22px; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QSpinBox[invalid="true"],
QDoubleSpinBox[invalid="true"], QDateEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 1px solid {ERROR}; border-radius: 3px; }}
QGroupBox {{ font-weight: 600; border: 1px solid {BORDER}; border-radius: 8px;
    margin-top: 14px; padding: 14px 12px 10px 12px; background: white; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; }}
QTableView {{ background: white; border: 1px solid {BORDER}; border-radius: 6px;
    gridline-color: #eef0f3; selection-background-color: {ACCENT_SOFT};
    selection-color: {TEXT}; }}
QHeaderView::section {{ background: #f0f2f5; border: none; border-bottom: 1px solid {BORDER};
    padding: 5px 8px; font-weight: 600; }}
QStatusBar {{ background: white; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QScrollArea {{ border: none; background: transparent; }}
QProgressBar {{ border: 1px solid {BORDER}; border-radius: 4px; background: white;
    max-height: 8px; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 3px; }}
"""


def light_palette() -> QPalette:
    """Fusion's light palette with our accent for highlights and links."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f7f8fa",
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: "#8a94a3",
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.BrightText: ERROR,
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9aa5b1"))
    return palette


def apply_theme(app: QApplication) -> None:
    """Give the whole application its look (call once, before the first window)."""
    app.setStyle("Fusion")
    app.setPalette(light_palette())
    font = QFont(app.font())
    font.setPointSize(POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(_STYLESHEET)


def mark_invalid(widget, invalid: bool) -> None:
    """Give a field the red border of a field with a problem (or take it away)."""
    if widget.property("invalid") == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
