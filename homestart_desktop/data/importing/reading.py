"""Read a branch's list: an Excel workbook (.xlsx, old .xls) or a CSV export, into plain rows.

.xlsx through openpyxl (it knows hidden columns and merged title rows), .xls through
python-calamine, CSV with ``;`` or ``,`` in UTF-8 (with or without BOM) or Windows-1252, the
three encodings Excel on a Belgian PC writes. The header row is suggested as the first row that
looks like headers; title rows above it and empty rows are skipped.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import re
import string
import zipfile
from pathlib import Path

from homestart_desktop.data.importing.cells import FormulaWithoutValue, text
from homestart_desktop.i18n import _

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")
SAMPLE_COUNT = 5


class UnreadableWorkbook(ValueError):
    """The file cannot be read as a list; the message says why, in words."""


@dataclasses.dataclass(frozen=True)
class RawSheet:
    """Every row of one sheet as it is, and which columns (0-based) are hidden."""

    name: str
    rows: tuple[tuple[object, ...], ...]
    hidden_columns: frozenset[int] = frozenset()


@dataclasses.dataclass(frozen=True)
class Column:
    index: int
    header: str
    hidden: bool
    samples: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Table:
    """The rows under the header row, each with its row number as Excel shows it."""

    sheet: str
    header_row: int  # 1-based, as Excel numbers rows
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    row_numbers: tuple[int, ...]

    def column(self, header: str) -> Column | None:
        return next((c for c in self.columns if c.header == header), None)


# ---- Reading a file


def sheet_names(path: Path) -> list[str]:
    """The sheets of a workbook (a CSV file has one, named after the file)."""
    return [sheet.name for sheet in read_workbook(path)]


def read_workbook(path: Path) -> list[RawSheet]:
    """Every sheet of the file; :class:`UnreadableWorkbook` when it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnreadableWorkbook(
            _(
                "Choose an Excel workbook (.xlsx or .xls) or a CSV file; this is a {kind} file."
            ).format(kind=suffix or "?")
        )
    try:
        if suffix == ".csv":
            return [_read_csv(path)]
        if suffix == ".xls":
            return _read_with_calamine(path)
        return _read_xlsx(path)
    except UnreadableWorkbook:
        raise
    except Exception as error:  # a damaged or password-protected file: say it, never crash
        raise UnreadableWorkbook(
            _("This file cannot be read as a workbook. Open it in Excel and save it again.")
        ) from error


def _read_xlsx(path: Path) -> list[RawSheet]:
    """Values through calamine (fast: 3,000 rows in a blink, where openpyxl takes seconds);
    hidden columns from the sheet's own XML; formulas Excel never computed marked."""
    sheets = _read_with_calamine(path)
    hidden = _hidden_columns(path)
    sheets = [
        dataclasses.replace(s, hidden_columns=hidden.get(s.name, frozenset())) for s in sheets
    ]
    return _mark_formulas_without_value(path, sheets) if _has_formulas(path) else sheets


_RELATION = re.compile(
    r'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"|'
    r'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"'
)
_COL = re.compile(r"<(?:\w+:)?col\b([^>]*)/?>")


def _hidden_columns(path: Path) -> dict[str, frozenset[int]]:
    """0-based indexes of the hidden columns of each sheet, read from ``<cols>``."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        targets = {}
        for found in _RELATION.finditer(rels):
            rel_id, target = (
                (found.group(1), found.group(2))
                if found.group(1)
                else (found.group(4), found.group(3))
            )
            targets[rel_id] = target.lstrip("/").removeprefix("xl/")
        hidden: dict[str, frozenset[int]] = {}
        for found in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)/?>", book):
            attributes = found.group(1)
            name = re.search(r'\bname="([^"]*)"', attributes)
            rel = re.search(r'\br:id="([^"]*)"', attributes) or re.search(
                r':id="([^"]*)"', attributes
            )
            if not name or not rel or f"xl/{targets.get(rel.group(1), '')}" not in names:
                continue
            xml = archive.read(f"xl/{targets[rel.group(1)]}")
            head = xml[: xml.find(b"<sheetData")].decode("utf-8", "replace")
            columns: set[int] = set()
            for col in _COL.finditer(head):
                attrs = col.group(1)
                if re.search(r'\bhidden="(1|true)"', attrs):
                    low = int(re.search(r'\bmin="(\d+)"', attrs).group(1))
                    high = int(re.search(r'\bmax="(\d+)"', attrs).group(1))
                    columns.update(range(low - 1, min(high, low + 200)))
            hidden[html.unescape(name.group(1))] = frozenset(columns)
    return hidden


def _has_formulas(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return any(
            b"<f>" in archive.read(name) or b"<f " in archive.read(name)
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        )


def _mark_formulas_without_value(path: Path, sheets: list[RawSheet]) -> list[RawSheet]:
    """A formula Excel never computed reads as empty; mark it so the preview can say why."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    marked = []
    for raw, sheet in zip(sheets, book.worksheets, strict=True):
        rows = [list(row) for row in raw.rows]
        for r, row in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True)):
            for c, value in enumerate(row):
                if (
                    isinstance(value, str)
                    and value.startswith("=")
                    and r < len(rows)
                    and c < len(rows[r])
                    and rows[r][c] is None
                ):
                    rows[r][c] = FormulaWithoutValue(value)
        marked.append(dataclasses.replace(raw, rows=tuple(tuple(row) for row in rows)))
    book.close()
    return marked


def _read_with_calamine(path: Path) -> list[RawSheet]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    sheets = []
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        sheets.append(RawSheet(name, tuple(tuple(_calamine_cell(c) for c in row) for row in rows)))
    return sheets


def _calamine_cell(value: object) -> object:
    return None if value == "" else value


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _read_csv(path: Path) -> RawSheet:
    content = _decode(path.read_bytes())
    first_lines = "\n".join(content.splitlines()[:20])
    delimiter = ";" if first_lines.count(";") >= first_lines.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    rows = tuple(tuple(cell if cell.strip() else None for cell in row) for row in reader)
    return RawSheet(path.stem, rows)


# ---- The header row and the table under it


def _filled(row: tuple[object, ...]) -> list[object]:
    return [cell for cell in row if cell is not None and text(cell) != ""]


def suggest_header_row(rows: tuple[tuple[object, ...], ...]) -> int:
    """The 1-based number of the first row that looks like headers: several short texts, no
    dates or numbers, with most of the following row's columns named."""
    widest = max((len(_filled(row)) for row in rows[:30]), default=0)
    for index, row in enumerate(rows[:30]):
        cells = _filled(row)
        if len(cells) < 2 or len(cells) < widest * 0.6:
            continue  # a merged title, a date line or an empty row
        if all(isinstance(c, str) and len(c) <= 60 and not _is_number(c) for c in cells):
            return index + 1
    return 1


def _is_number(value: str) -> bool:
    return value.strip().replace(",", "").replace(".", "").isdigit()


def column_letter(index: int) -> str:
    """0 → 'A', 27 → 'AB'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def make_table(sheet: RawSheet, header_row: int | None = None) -> Table:
    """The table under ``header_row`` (suggested when None): empty rows left out, headers
    unique (a repeated or empty header is named after its column letter)."""
    header_row = header_row or suggest_header_row(sheet.rows)
    header_cells = sheet.rows[header_row - 1] if 0 < header_row <= len(sheet.rows) else ()
    body = sheet.rows[header_row:]
    width = max([len(header_cells), *(len(row) for row in body)], default=0)
    headers: list[str] = []
    for index in range(width):
        header = text(header_cells[index]) if index < len(header_cells) else ""
        if not header or header in headers:
            header = _("Column {letter}").format(letter=column_letter(index)) + (
                f" ({header})" if header else ""
            )
        headers.append(header)
    rows, numbers = [], []
    for offset, row in enumerate(body):
        if not _filled(row):
            continue
        rows.append(tuple(row) + (None,) * (width - len(row)))
        numbers.append(header_row + 1 + offset)
    columns = tuple(
        Column(
            index=index,
            header=header,
            hidden=index in sheet.hidden_columns,
            samples=tuple(text(row[index]) for row in rows[:50] if text(row[index]))[:SAMPLE_COUNT],
        )
        for index, header in enumerate(headers)
    )
    return Table(sheet.name, header_row, columns, tuple(rows), tuple(numbers))


def load_table(path: Path, sheet: str | None = None, header_row: int | None = None) -> Table:
    """The table of one sheet (the first when None) of a workbook or CSV file."""
    sheets = read_workbook(path)
    chosen = next((s for s in sheets if s.name == sheet), None) if sheet else sheets[0]
    if chosen is None:
        raise UnreadableWorkbook(_("This workbook has no sheet named {sheet}.").format(sheet=sheet))
    return make_table(chosen, header_row)
