"""The central office's quarterly report as a PDF: totals, trends, charts, branches, who is missing."""

from __future__ import annotations

import math
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from homestart_desktop.data.settings import BranchSettings
from homestart_desktop.documents.common import (
    ACCENT,
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    RULE,
    escape,
    register_fonts,
    render_pdf,
    styles,
)
from homestart_desktop.i18n import _, current_language, format_number
from homestart_desktop.sync.central.combine import HEADLINE_LABELS, HEADLINES, Combined, Total
from homestart_desktop.sync.labels import ORDER, lines, row_label, shown, table_label, value_of

PALETTE = [
    ACCENT,
    colors.HexColor("#c0703a"),
    colors.HexColor("#5a8f3a"),
    colors.HexColor("#8a5aa8"),
]


MIN_FONT = 7.0  # nothing in the report is smaller


def total_text(total: Total | None, row: str) -> str:
    """A Flanders total; ``*`` when branch cells were withheld (version 1) and are not in it."""
    if total is None or total.value is None:
        return "—"
    if total.missing:
        return "x" if total.partial else "—"  # every branch withheld it, or nobody reported
    return shown(total.value, row) + ("*" if total.partial else "")


def _table(data: list[list], widths: list[float], *, header_rows: int = 1) -> Table:
    table = Table(data, colWidths=widths, repeatRows=header_rows)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 7.5),
                ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, 7.5),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
                ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, RULE),
                (
                    "ROWBACKGROUNDS",
                    (0, header_rows),
                    (-1, -1),
                    [colors.white, colors.HexColor("#f1f4f7")],
                ),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _nothing_to_show(text: str) -> Paragraph:
    st = styles()
    return Paragraph(escape(text), st["body"])


def _referrals_chart(combined: Combined) -> Drawing | Paragraph:
    keys = list(ORDER["referrals"])
    totals = [combined.totals[("referrals", k)] for k in keys]
    if not any(t.value for t in totals if not t.missing):
        total = combined.totals[("referrals", "total")]
        if total.missing or not total.value:
            return _nothing_to_show(_("No referrals to show for this quarter."))
        return _nothing_to_show(
            _(
                "The {total} referrals are spread so thinly over the referrers that no "
                "referrer's count can be shown."
            ).format(total=format_number(total.value))
        )
    values = [float(t.value or 0) for t in totals]
    drawing = Drawing(CONTENT_WIDTH, 84 * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 50 * mm, 5 * mm, CONTENT_WIDTH - 60 * mm, 76 * mm
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = [row_label(k, "referrals") for k in reversed(keys)]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = MIN_FONT
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    top = max([*values, 1.0])
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = max(1, round(top / 5))
    chart.valueAxis.labelTextFormat = "%d"
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


TREND_SERIES = (("flow", "waiting_at_end"), ("flow", "active_at_end"), ("flow", "started"))


def _trend_chart(combined: Combined) -> Drawing | Paragraph:
    """Lines per headline over the quarters, broken where a quarter has no data or not every
    branch reported (those points are hollow and marked under the axis)."""
    quarters = [q for q, _t in combined.trends[TREND_SERIES[0]]]
    registered = max(1, len(combined.branches))
    reported = [combined.trend_reported.get(q, 0) for q in quarters]
    series = [
        [None if t.missing else float(t.value) for _q, t in combined.trends[s]]  # type: ignore[arg-type]
        for s in TREND_SERIES
    ]
    if all(v is None for line in series for v in line):
        return _nothing_to_show(_("No quarter of this period has figures to show yet."))
    left, bottom, plot_w, plot_h = 14 * mm, 27 * mm, CONTENT_WIDTH - 16 * mm, 44 * mm
    drawing = Drawing(CONTENT_WIDTH, bottom + plot_h + 4 * mm)
    top = max(v for line in series for v in line if v is not None) or 1.0
    step = _nice_step(top / 4)
    top = step * math.ceil(top / step)
    x_of = lambda i: left + plot_w * (i + 0.5) / len(quarters)  # noqa: E731
    y_of = lambda v: bottom + plot_h * v / top  # noqa: E731
    for tick in range(0, int(round(top / step)) + 1):
        y = y_of(tick * step)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(_text(left - 2, y - 2.5, f"{tick * step:g}", anchor="end"))
    complete = [count >= registered for count in reported]
    for index, quarter in enumerate(quarters):
        drawing.add(_text(x_of(index), bottom - 9, quarter))
        if not complete[index]:
            note = (
                _("no data")
                if reported[index] == 0
                else _("{count} of {total}").format(count=reported[index], total=registered)
            )
            drawing.add(_text(x_of(index), bottom - 17, note, colour=MUTED))
    for colour, line in zip(PALETTE, series, strict=False):
        run: list[float] = []
        for index, value in enumerate([*line, None]):
            whole = index < len(line) and value is not None and complete[index]
            if whole:
                run += [x_of(index), y_of(value)]  # type: ignore[arg-type]
            elif len(run) >= 4:
                drawing.add(PolyLine(run, strokeColor=colour, strokeWidth=1.5))
            if not whole:
                run = []
            if index < len(line) and value is not None:
                drawing.add(_dot(x_of(index), y_of(value), colour, filled=complete[index]))
    # The legend, under the axis: a line with its dot per series, then the hollow dot; an entry
    # that would run past the right edge starts a new line.
    x, y = left, 8 * mm
    for colour, (_table_name, row) in zip(PALETTE, TREND_SERIES, strict=False):
        label = row_label(row)
        width = 18 + stringWidth(label, FONT, MIN_FONT) + 12
        if x + width > CONTENT_WIDTH:
            x, y = left, y - 11
        drawing.add(Line(x, y + 2.5, x + 14, y + 2.5, strokeColor=colour, strokeWidth=1.5))
        drawing.add(_dot(x + 7, y + 2.5, colour, filled=True))
        drawing.add(_text(x + 18, y, label, anchor="start"))
        x += width
    hollow = _("hollow: not every branch reported")
    if x + 14 + stringWidth(hollow, FONT, MIN_FONT) > CONTENT_WIDTH:
        x, y = left, y - 11
    drawing.add(_dot(x + 7, y + 2.5, MUTED, filled=False))
    drawing.add(_text(x + 14, y, hollow, anchor="start"))
    return drawing


def _text(x: float, y: float, text: str, *, anchor: str = "middle", colour=None) -> String:
    return String(
        x, y, text, fontName=FONT, fontSize=MIN_FONT, textAnchor=anchor, fillColor=colour or INK
    )


def _dot(x: float, y: float, colour, *, filled: bool) -> Circle:
    return Circle(
        x, y, 2, strokeColor=colour, strokeWidth=1, fillColor=colour if filled else colors.white
    )


class _Upright(Flowable):
    """A column heading written bottom to top, so that narrow columns keep whole words."""

    def __init__(self, text: str, size: float = MIN_FONT) -> None:
        super().__init__()
        self.text, self.size = text, size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size * 1.2, stringWidth(self.text, FONT_BOLD, self.size) + 2

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(FONT_BOLD, self.size)
        canvas.setFillColor(INK)
        canvas.rotate(90)
        canvas.drawString(0, -self.size, self.text)
        canvas.restoreState()


def _nice_step(rough: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) near ``rough``."""
    power = 10 ** math.floor(math.log10(max(rough, 1e-9)))
    for factor in (1, 2, 5, 10):
        if rough <= factor * power:
            return max(1.0, factor * power)
    return max(1.0, 10 * power)


def _method_note(combined: Combined) -> str:
    """How to read the numbers: the noise, the margin of a total, the old format."""
    text = _(
        "Every count carries a small random noise (cell key method: at most 4 either way, "
        "never 1 or 2, on average exact), so that no family can be recognised. A Flanders total "
        "adds every branch's published count; the column “±” gives the margin that 95% of "
        "totals stay within ({each} for one branch)."
    ).format(each=f"±{format_number(combined.margin_each)}")
    if combined.old_format:
        text += " " + _(
            "Branches that still send the old format ({branches}) publish “<5” (1 to 4) and "
            "“x” (withheld); a total marked * leaves those cells out."
        ).format(branches=", ".join(combined.old_format))
    return text


def _branch_table(combined: Combined) -> Table:
    """Per branch, the headline figures, with Flanders below."""
    st = styles()
    first = 18 * mm
    column = (CONTENT_WIDTH - first) / len(HEADLINES)
    head = ParagraphStyle("head", parent=st["small"], fontName=FONT_BOLD, fontSize=MIN_FONT)
    rows: list[list] = [
        [Paragraph(escape(_("Branch")), head)]
        + [_Upright(_(HEADLINE_LABELS[line])) for line in HEADLINES]
    ]
    for branch in sorted(combined.reported):
        figures = combined.reported[branch]
        rows.append([branch] + [shown(value_of(figures, t, r), r) for t, r in HEADLINES])
    rows.append(
        [_("Flanders")] + [total_text(combined.totals.get(line), line[1]) for line in HEADLINES]
    )
    table = _table(rows, [first] + [column] * len(HEADLINES))
    table.setStyle(
        TableStyle(
            [("FONT", (0, -1), (-1, -1), FONT_BOLD, 7.5), ("ALIGN", (1, 0), (-1, 0), "RIGHT")]
        )
    )
    return table


def report_pdf(
    combined: Combined,
    previous: Combined,
    year_before: Combined,
    *,
    out: Path | None = None,
    lang: str | None = None,
) -> bytes:
    """The report for ``combined.quarter``, with the previous quarter and the year before."""
    register_fonts()
    st = styles()
    lang = lang or current_language()
    story: list = [
        Paragraph(
            escape(_("Quarterly figures {quarter}: all branches").format(quarter=combined.quarter)),
            st["title"],
        ),
        Paragraph(
            escape(
                _("{reported} of {registered} branches reported.").format(
                    reported=len(combined.reported), registered=len(combined.branches)
                )
            ),
            st["subtitle"],
        ),
        Paragraph(escape(_method_note(combined)), st["small"]),
        Paragraph(escape(_("Branches that have not reported")), st["h2"]),
        Paragraph(
            escape(", ".join(combined.missing) or _("None: every branch reported.")), st["body"]
        ),
        Paragraph(escape(_("Trends over the last quarters (Flanders)")), st["h2"]),
        _trend_chart(combined),
        Paragraph(escape(_("Per branch")), st["h2"]),
    ]
    story.append(_branch_table(combined))
    story += [
        Paragraph(escape(_("New referrals by referrer (Flanders)")), st["h2"]),
        _referrals_chart(combined),
    ]
    story.append(Paragraph(escape(_("Flanders: every figure")), st["h2"]))
    data = [[_("Figure"), combined.quarter, _("± (95%)"), previous.quarter, year_before.quarter]]
    current_table = None
    for table, row in lines():
        if table != current_table:
            data.append([table_label(table), "", "", "", ""])
            current_table = table
        total = combined.totals.get((table, row))
        margin = f"±{format_number(total.margin)}" if total and total.margin else ""
        data.append(
            ["   " + row_label(row, table), total_text(total, row), margin]
            + [total_text(c.totals.get((table, row)), row) for c in (previous, year_before)]
        )
    flanders = _table(data, [CONTENT_WIDTH - 4 * 24 * mm] + [24 * mm] * 4)
    headings = [i for i, line in enumerate(data) if line[1:] == ["", "", "", ""] and i > 0]
    flanders.setStyle(
        TableStyle(
            [("FONT", (0, i), (0, i), FONT_BOLD, 7.5) for i in headings]
            + [("TEXTCOLOR", (0, i), (0, i), ACCENT) for i in headings]
        )
    )
    story.append(flanders)
    story.append(Spacer(1, 3 * mm))
    if any(t.partial for t in combined.totals.values()):
        story.append(
            Paragraph(escape(_("* leaves out cells that branches withheld.")), st["small"])
        )
    office = BranchSettings(branch_name=_("Home-Start Vlaanderen: central office"))
    return render_pdf(
        story,
        title=_("Quarterly figures {quarter}").format(quarter=combined.quarter),
        branch=office,
        lang=lang,
        out=out,
    )
