"""The template workbook (*Sjabloon downloaden*): the app's columns, ready to fill in.

One sheet per list (families, volunteers, running matches) with the fields' names in the
branch's language as headers, the lists as drop-downs (Excel data validation on a hidden sheet
of choices) and dates formatted dd/mm/yyyy. The import recognises its own headers and labels
in every language, so a filled-in template maps itself.
"""

from __future__ import annotations

from pathlib import Path

from homestart_desktop.data.importing.fields import FIELDS, KIND_LABELS, LISTS
from homestart_desktop.i18n import gettext

_ROWS_PREPARED = 2000


def write_template(path: Path, *, lang: str = "nl") -> Path:
    """Save the template workbook in ``lang`` (nl, fr or en) at ``path`` (.xlsx)."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    book.remove(book.active)
    choices = book.create_sheet(gettext("Lists", lang=lang))
    ranges: dict[str, str] = {}
    for column, (name, codes) in enumerate(LISTS.items(), start=1):
        letter = get_column_letter(column)
        choices.cell(row=1, column=column, value=name)
        for row, (label, _words) in enumerate(codes.values(), start=2):
            choices.cell(row=row, column=column, value=gettext(label, lang=lang))
        quoted = choices.title.replace("'", "''")
        ranges[name] = f"'{quoted}'!${letter}$2:${letter}${len(codes) + 1}"
    choices.sheet_state = "hidden"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for kind, fields in FIELDS.items():
        sheet = book.create_sheet(
            gettext(KIND_LABELS[kind], lang=lang)[:31], index=len(book.worksheets) - 1
        )
        for column, field in enumerate(fields, start=1):
            letter = get_column_letter(column)
            cell = sheet.cell(row=1, column=column, value=field.title(lang))
            cell.font, cell.fill = bold, fill
            sheet.column_dimensions[letter].width = max(14, len(field.title(lang)) + 2)
            cells = f"{letter}2:{letter}{_ROWS_PREPARED}"
            if field.reads == "date":
                for row in range(2, 101):
                    sheet.cell(row=row, column=column).number_format = "DD/MM/YYYY"
            if field.choices and field.reads != "tags":  # a drop-down offers one value only
                rule = DataValidation(
                    type="list", formula1=f"={ranges[field.choices]}", allow_blank=True
                )
                rule.error = gettext("Choose a value from the list.", lang=lang)
                rule.showErrorMessage = True
                sheet.add_data_validation(rule)
                rule.add(cells)
        sheet.freeze_panes = "A2"
    book.active = 0
    path = Path(path)
    book.save(path)
    return path
