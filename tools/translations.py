"""The translators' workflow, with babel: extract, update, compile. One command after a merge:

    python tools/translations.py          # = extract + update + compile

- ``extract``: the messages of the code (``_()``, ``N_()``, ``ngettext``, and ``pgettext`` /
  ``npgettext`` with their context) into
  ``translations/messages.pot``, as ``pybabel extract -F translations/babel.cfg`` does.
- ``update``: every catalog ``translations/<lang>/<area>.po`` from the template, as
  ``pybabel update`` does: a new message goes into the area file that already holds the other
  messages of its source file, with an empty translation; a message gone from the code is
  dropped. Existing entries keep their order, so a translator's diff shows only what changed.
- ``compile``: each language's area files merged into one
  ``homestart_desktop/locale/<lang>/LC_MESSAGES/homestart.mo``, which the app reads with the
  standard library's ``gettext``. ``pip install`` (editable or wheel) runs this too.

Only babel and the standard library are used here: ``setup.py`` runs it while building the
package, before the app's own dependencies are installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import tomllib
from collections import Counter
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "translations"
TEMPLATE = SOURCES / "messages.pot"
MAPPING = SOURCES / "babel.cfg"
PACKAGE = "homestart_desktop"
COMPILED = ROOT / PACKAGE / "locale"
DOMAIN = "homestart"
LANGUAGES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_BE"}
# The rule the .mo carries: catalogs fill two forms (French's CLDR "many" form stays empty).
PLURAL_FORMS = {
    "nl": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "en": "nplurals=2; plural=(n != 1);",
}
FALLBACK_AREA = "shell"
PROJECT = "Home-Start Desktop"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
# A fixed date in the compiled header, so the same catalogs always compile to the same bytes.
_FIXED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
HOW_TO_FIX = "Run: python tools/translations.py   (extract + update + compile; see README)"


# ---- Extract

# babel's own keywords (``pgettext`` and ``npgettext`` with their context among them), ``tr``:
# documents translate into the document's language (not the app's) through
# ``tr = translator(lang)``, and ``NP_``, the context's ``N_``.
KEYWORDS = {**DEFAULT_KEYWORDS, "tr": None, "NP_": ((1, "c"), 2)}


def extract_template() -> Catalog:
    """The messages of the code, each with the files it appears in (no line numbers, so a
    moved line does not change the template)."""
    with MAPPING.open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    template = Catalog(project=PROJECT, version=VERSION, charset="utf-8", fuzzy=False)
    for filename, _lineno, message, comments, context in extract_from_dir(
        str(ROOT / PACKAGE), method_map, options_map, keywords=KEYWORDS
    ):
        if isinstance(message, tuple) and any(part is None for part in message):
            continue  # ngettext with a non-literal argument: nothing to translate
        if not message:
            continue
        location = f"{PACKAGE}/{Path(filename).as_posix()}"
        template.add(message, None, [(location, None)], auto_comments=comments, context=context)
    return template


def _template_key(catalog: Catalog) -> list[tuple[object, tuple[str, ...]]]:
    return [
        ((message.context, message.id), tuple(sorted({path for path, _line in message.locations})))
        for message in catalog
        if message.id
    ]


def template_problems() -> list[str]:
    """How ``messages.pot`` differs from the code; empty when it is up to date."""
    if not TEMPLATE.is_file():
        return [f"{TEMPLATE.relative_to(ROOT)} is missing"]
    with TEMPLATE.open("rb") as fh:
        written = dict(_template_key(read_po(fh)))
    wanted = dict(_template_key(extract_template()))
    problems = [f"new in the code: {key!r}" for key in wanted if key not in written]
    problems += [f"gone from the code: {key!r}" for key in written if key not in wanted]
    problems += [
        f"moved to {wanted[key]}: {key!r}"
        for key in wanted
        if key in written and wanted[key] != written[key]
    ]
    return problems


def extract() -> bool:
    """Write ``messages.pot`` when the code's messages changed; whether it was written."""
    if TEMPLATE.is_file() and not template_problems():
        return False
    buffer = io.BytesIO()
    write_po(buffer, extract_template(), width=100, include_lineno=False)
    TEMPLATE.write_bytes(buffer.getvalue())
    return True


# ---- Update


def _read(path: Path, lang: str) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=LANGUAGES[lang])


def _write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, ignore_obsolete=True)
    path.write_bytes(buffer.getvalue())


def _area_files(lang: str) -> dict[str, Path]:
    return {path.stem: path for path in sorted((SOURCES / lang).glob("*.po"))}


def _key(message: Message) -> tuple[str | None, str]:
    """A message's identity across languages: its context and its (singular) id.

    The same English word with two contexts is two messages, each in its own area.
    """
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return message.context, msgid


def _choose_areas(template: Catalog, lang: str) -> dict[object, str]:
    """The area of each template message: where it is already, else where its file's are."""
    held: dict[object, str] = {}
    for lang_seen in [lang, *(other for other in LANGUAGES if other != lang)]:
        for area, path in _area_files(lang_seen).items():
            for message in _read(path, lang_seen):
                key = _key(message)
                if message.id and key not in held:
                    held[key] = area
    by_file: dict[str, Counter[str]] = {}
    for message in template:
        key = _key(message)
        if key in held:
            for path, _line in message.locations:
                by_file.setdefault(path, Counter())[held[key]] += 1
    chosen: dict[object, str] = {}
    for message in template:
        if not message.id:
            continue
        key = _key(message)
        if key in held:
            chosen[key] = held[key]
            continue
        votes: Counter[str] = Counter()
        for path, _line in message.locations:
            votes.update(by_file.get(path, Counter()))
        chosen[key] = votes.most_common(1)[0][0] if votes else FALLBACK_AREA
    return chosen


def update() -> list[Path]:
    """Bring every area catalog in line with ``messages.pot``; the files written."""
    with TEMPLATE.open("rb") as fh:
        template = read_po(fh)
    written = []
    for lang, locale in LANGUAGES.items():
        areas = _choose_areas(template, lang)
        files = _area_files(lang)
        for area in sorted(set(areas.values()) | set(files)):
            path = files.get(area, SOURCES / lang / f"{area}.po")
            part = Catalog(project=PROJECT, charset="utf-8", fuzzy=False)
            for message in template:
                if message.id and areas.get(_key(message)) == area:
                    part[message.id] = Message(
                        message.id, None, message.locations, context=message.context
                    )
            if path.is_file():
                catalog = _read(path, lang)
            else:
                catalog = Catalog(locale=locale, project=PROJECT, charset="utf-8", fuzzy=False)
            before = [(m.context, m.id, m.string, m.fuzzy) for m in catalog if m.id]
            order = [(m.context, m.id) for m in catalog if m.id]
            catalog.update(part, update_header_comment=False)
            # Entries keep the file's order; new ones follow in the code's order.
            kept = {(m.context, m.id): m for m in catalog if m.id}
            ordered = [key for key in order if key in kept]
            ordered += [key for key in kept if key not in ordered]
            after = [(*key, kept[key].string, kept[key].fuzzy) for key in ordered]
            if after == before and path.is_file():
                continue
            rewritten = Catalog(locale=locale, project=PROJECT, charset="utf-8", fuzzy=False)
            rewritten.mime_headers = catalog.mime_headers
            rewritten.header_comment = catalog.header_comment
            for key in ordered:
                rewritten[kept[key].id] = kept[key]
            if not ordered and not path.is_file():
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            _write(path, rewritten)
            written.append(path)
    return written


# ---- Compile


def merged_catalog(lang: str, sources: Path = SOURCES) -> Catalog:
    """Every area's translations of one language in one catalog, ready for a .mo."""
    merged = Catalog(
        locale=LANGUAGES[lang],
        domain=DOMAIN,
        project=PROJECT,
        charset="utf-8",
        creation_date=_FIXED,
        revision_date=_FIXED,
        fuzzy=False,
    )
    merged.mime_headers = [*merged.mime_headers, ("Plural-Forms", PLURAL_FORMS[lang])]
    for path in sorted((sources / lang).glob("*.po")):
        for message in _read(path, lang):
            if not message.id or message.fuzzy:
                continue
            if isinstance(message.string, tuple):
                forms = tuple(form for form in message.string if form)
                if len(forms) < 2:
                    continue
                merged[message.id] = Message(message.id, forms[:2], context=message.context)
            elif message.string:
                merged[message.id] = Message(message.id, message.string, context=message.context)
    return merged


def compiled_bytes(lang: str, sources: Path = SOURCES) -> bytes:
    """The .mo the catalogs of ``lang`` compile to (the same catalogs: the same bytes)."""
    buffer = io.BytesIO()
    write_mo(buffer, merged_catalog(lang, sources))
    return buffer.getvalue()


def compiled_path(lang: str, folder: Path = COMPILED) -> Path:
    return folder / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def compile_catalogs(sources: Path = SOURCES, folder: Path = COMPILED) -> list[Path]:
    """Write each language's .mo when it differs from its catalogs; the files written."""
    written = []
    for lang in LANGUAGES:
        path = compiled_path(lang, folder)
        data = compiled_bytes(lang, sources)
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def stale_compiled() -> list[str]:
    """The .mo files that are missing or older than their catalogs."""
    return [
        str(compiled_path(lang).relative_to(ROOT))
        for lang in LANGUAGES
        if not compiled_path(lang).is_file()
        or compiled_path(lang).read_bytes() != compiled_bytes(lang)
    ]


# ---- Command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "step", nargs="?", default="all", choices=["all", "extract", "update", "compile"]
    )
    step = parser.parse_args(argv).step
    if step in ("all", "extract"):
        print("messages.pot", "written" if extract() else "up to date")
    if step in ("all", "update"):
        for path in update():
            print("updated", path.relative_to(ROOT))
    if step in ("all", "compile"):
        for path in compile_catalogs():
            print("compiled", path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
