"""Pick languages from a list by name (*Oekraïens*), never by typing codes (``uk`` reads as UK).

A button shows the languages chosen; a click opens a small searchable list with a tick per
language, the common ones on top. The case file keeps ISO codes: ``codes()`` and ``set_codes()``.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.domain.languages import language_choices, language_name, languages_text
from homestart_desktop.domain.search import normalise
from homestart_desktop.i18n import _

CODE_ROLE = Qt.ItemDataRole.UserRole


class LanguagePicker(QPushButton):
    """A button naming the chosen languages; clicking it opens the list to tick them in."""

    sig_changed = Signal()
    """A language was ticked or unticked."""

    def __init__(self, parent: QWidget | None = None, *, object_name: str = "languages") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("class", "picker")
        self.setStyleSheet("text-align: left; padding-left: 8px; padding-right: 28px;")
        self._codes: list[str] = []
        self.popup = _LanguageList(self)
        self.popup.sig_toggled.connect(self._toggled)
        self.clicked.connect(self.open_list)
        self._show_codes()

    # ---- Public API

    def codes(self) -> tuple[str, ...]:
        """The chosen languages as ISO codes, in the order they were chosen."""
        return tuple(self._codes)

    def set_codes(self, codes: tuple[str, ...] | list[str]) -> None:
        """Show these languages as chosen (codes not in the list are kept and shown as they are)."""
        self._codes = [code for code in dict.fromkeys(codes) if code]
        self._show_codes()

    def open_list(self) -> None:
        """Open the list under the button, the search field ready for typing."""
        self.popup.fill(self._codes)
        width = max(self.width(), 280)
        self.popup.setFixedWidth(width)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.popup.search.setFocus()

    # ---- Qt methods

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        # A list opens here, as from a drop-down: say so with the same arrow a combo box has.
        option = QStyleOption()
        option.initFrom(self)
        option.rect = QRect(self.width() - 22, (self.height() - 10) // 2, 10, 10)
        painter = QPainter(self)
        self.style().drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorArrowDown, option, painter, self
        )

    # ---- Internals

    def _toggled(self, code: str, chosen: bool) -> None:
        if chosen and code not in self._codes:
            self._codes.append(code)
        elif not chosen and code in self._codes:
            self._codes.remove(code)
        self._show_codes()
        self.sig_changed.emit()

    def _show_codes(self) -> None:
        text = languages_text(self._codes)
        self.setText(text or _("Choose languages…"))
        self.setToolTip(text)
        self.setAccessibleDescription(text)


class _LanguageList(QFrame):
    """The popup: a search field over every language, each with a tick."""

    sig_toggled = Signal(str, bool)
    """(code, chosen) when a tick changes."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("languageList")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.search = QLineEdit(self, objectName="languageSearch")
        self.search.setPlaceholderText(_("Search a language…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self, objectName="languageChoices")
        self.list.setMinimumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._tick_first_shown)
        self.list.itemChanged.connect(self._changed)
        self.list.itemActivated.connect(self._flip)

    def fill(self, chosen: list[str]) -> None:
        """Every language, the chosen ones ticked (and first, so they are seen at once)."""
        self.list.blockSignals(True)
        self.list.clear()
        choices = language_choices()
        known = {code for code, _name in choices}
        extra = [(code, language_name(code)) for code in chosen if code not in known]
        ticked = [(c, n) for c, n in (*extra, *choices) if c in chosen]
        for code, name in (*ticked, *[(c, n) for c, n in choices if c not in chosen]):
            item = QListWidgetItem(name[:1].upper() + name[1:], self.list)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked
            item.setCheckState(checked)
        self.list.blockSignals(False)
        self.search.clear()

    def _filter(self, text: str) -> None:
        wanted = normalise(text)
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(wanted) and wanted not in normalise(item.text()))

    def _tick_first_shown(self) -> None:
        shown = [self.list.item(r) for r in range(self.list.count())]
        first = next((item for item in shown if not item.isHidden()), None)
        if first is not None:
            first.setCheckState(Qt.CheckState.Checked)
            self.search.selectAll()

    def _flip(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _changed(self, item: QListWidgetItem) -> None:
        self.sig_toggled.emit(item.data(CODE_ROLE), item.checkState() == Qt.CheckState.Checked)
