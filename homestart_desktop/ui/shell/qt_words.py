"""Qt's own words (file dialogs, standard buttons, context menus) in the app's language.

Qt ships its catalogs (``qtbase_nl.qm``, ``qtbase_fr.qm``) beside PySide6; they are loaded when
the language is set and swapped when it changes. Qt 6 gave some file dialog labels a shortcut
(``&Look in:``, ``Files of &type:``) that those catalogs still only know without one, so a
second translator finds the plain words and puts the shortcut back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator


class _ShortcutFallback(QTranslator):
    """Translates ``&Look in:`` as Qt's catalog translates ``Look in:``, keeping a shortcut."""

    def __init__(self, catalog: QTranslator, parent: QObject) -> None:
        super().__init__(parent)
        self._catalog = catalog

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def translate(  # noqa: N802 (Qt's name)
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        at = source.find("&")
        if at < 0 or at + 1 >= len(source):
            return ""
        plain = source[:at] + source[at + 1 :]
        found = self._catalog.translate(context, plain, disambiguation, n)
        if not found or "&" in found:
            return found or ""
        return _with_shortcut(found, source[at + 1])


def _with_shortcut(text: str, letter: str) -> str:
    """Put ``&`` before a word starting with ``letter``, else before any such letter, else first."""
    lower, wanted = text.lower(), letter.lower()
    starts = [
        i for i, c in enumerate(lower) if c == wanted and (i == 0 or not lower[i - 1].isalpha())
    ]
    anywhere = [i for i, c in enumerate(lower) if c == wanted]
    at = (starts or anywhere or [0])[0]
    return text[:at] + "&" + text[at:]


class QtWords(QObject):
    """Holds the translators of Qt's own words for the running app."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []

    def loaded(self) -> bool:
        """Whether Qt's own words are in a language other than English now."""
        return bool(self._installed)

    def set_language(self, lang: str) -> bool:
        """Load Qt's catalog for ``lang`` (nl, fr; en needs none); False when none was found."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        if lang == "en":
            return True
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalog = QTranslator(self)
        if not catalog.load(f"qtbase_{lang}", folder):
            return False
        # The last installed is asked first: Qt's catalog, then the shortcut fallback.
        fallback = _ShortcutFallback(catalog, self)
        for translator in (fallback, catalog):
            self._app.installTranslator(translator)
            self._installed.append(translator)
        return True
