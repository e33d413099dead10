"""The central office's quarterly report as a PDF: totals, trends, charts, branches, who is missing."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from homestart_desktop.data.settings import BranchSettings
from homestart_desktop.documents.common import (
    ACCENT,
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    RULE,
    escape,
    register_fonts,
    render_pdf,
    styles,
)
from homestart_desktop.i18n import _, current_language
from homestart_desktop.sync.central.combine import HEADLINE_LABELS, HEADLINES, Combined, Total
from homestart_desktop.sync.labels import ORDER, lines, row_label, shown, table_label, value_of

PALETTE = [
    ACCENT,
    colors.HexColor("#c0703a"),
    colors.HexColor("#5a8f3a"),
    colors.HexColor("#8a5aa8"),
]


def total_text(total: Total | None, row: str) -> str:
    """A Flanders total; ``*`` when branch cells were withheld and are not in it."""
    if total is None or total.value is None:
        return "—"
    if total.partial and not total.published:
        return "x"  # every branch withheld it
    return shown(total.value, row) + ("*" if total.partial else "")


def _table(data: list[list[str]], widths: list[float], *, header_rows: int = 1) -> Table:
    table = Table(data, colWidths=widths, repeatRows=header_rows)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 7.5),
                ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, 7.5),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, RULE),
                (
                    "ROWBACKGROUNDS",
                    (0, header_rows),
                    (-1, -1),
                    [colors.white, colors.HexColor("#f1f4f7")],
                ),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
            ]
        )
    )
    return table


def _referrals_chart(combined: Combined) -> Drawing:
    keys = list(ORDER["referrals"])
    values = [float(combined.totals[("referrals", k)].value or 0) for k in keys]
    drawing = Drawing(CONTENT_WIDTH, 80 * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 45 * mm, 5 * mm, CONTENT_WIDTH - 55 * mm, 72 * mm
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = [row_label(k, "referrals") for k in reversed(keys)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    top = max([*values, 1.0])
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = max(1, round(top / 5))
    chart.valueAxis.labelTextFormat = "%d"
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


def _trend_chart(combined: Combined) -> Drawing:
    drawing = Drawing(CONTENT_WIDTH, 62 * mm)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 12 * mm, CONTENT_WIDTH - 85 * mm, 46 * mm
    series = [("flow", "waiting_at_end"), ("flow", "active_at_end"), ("flow", "started")]
    chart.data = [
        [None if t.value is None else float(t.value) for _, t in combined.trends[s]] for s in series
    ]
    chart.categoryAxis.categoryNames = [q for q, _ in combined.trends[series[0]]]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    for index in range(len(series)):
        chart.lines[index].symbol = makeMarker("FilledCircle", size=3)
        chart.lines[index].strokeColor = PALETTE[index]
        chart.lines[index].strokeWidth = 1.5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = CONTENT_WIDTH - 68 * mm, 50 * mm
    legend.alignment = "right"  # swatch first, then the words
    legend.fontName, legend.fontSize = FONT, 7
    legend.colorNamePairs = [(PALETTE[i], row_label(s[1])) for i, s in enumerate(series)]
    drawing.add(legend)
    return drawing


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
        Paragraph(
            escape(
                _(
                    "“<5” is a count from 1 to 4, “x” a cell withheld so that no small count can be "
                    "worked out. A total marked * adds up only what the branches published."
                )
            ),
            st["small"],
        ),
        Paragraph(escape(_("Branches that have not reported")), st["h2"]),
        Paragraph(
            escape(", ".join(combined.missing) or _("None: every branch reported.")), st["body"]
        ),
        Paragraph(escape(_("Trends over the last quarters (Flanders)")), st["h2"]),
        _trend_chart(combined),
        Paragraph(escape(_("Per branch")), st["h2"]),
    ]
    header = [_("Branch")] + [_(HEADLINE_LABELS[line]) for line in HEADLINES]
    first = 17 * mm
    column = (CONTENT_WIDTH - first) / len(HEADLINES) - 13  # less the cell's padding
    # Small enough that the longest word of a heading fits its column (no broken words).
    longest = max(stringWidth(w, FONT, 1) for h in header for w in h.split())
    tiny = ParagraphStyle("tiny", parent=st["small"], fontSize=min(6.5, column / longest))
    tiny.leading = tiny.fontSize * 1.25
    header = [Paragraph(escape(h), tiny) for h in header]
    rows: list[list] = [header]
    for branch in sorted(combined.reported):
        figures = combined.reported[branch]
        rows.append([branch] + [shown(value_of(figures, t, r), r) for t, r in HEADLINES])
    rows.append(
        [_("Flanders")] + [total_text(combined.totals.get(line), line[1]) for line in HEADLINES]
    )
    first = 17 * mm
    story.append(
        _table(rows, [first] + [(CONTENT_WIDTH - first) / len(HEADLINES)] * len(HEADLINES))
    )
    story += [
        Paragraph(escape(_("New referrals by referrer (Flanders)")), st["h2"]),
        _referrals_chart(combined),
    ]
    story.append(Paragraph(escape(_("Flanders: every figure")), st["h2"]))
    data = [[_("Figure"), combined.quarter, previous.quarter, year_before.quarter]]
    current_table = None
    for table, row in lines():
        if table != current_table:
            data.append([table_label(table), "", "", ""])
            current_table = table
        data.append(
            ["   " + row_label(row, table)]
            + [
                total_text(c.totals.get((table, row)), row)
                for c in (combined, previous, year_before)
            ]
        )
    flanders = _table(data, [CONTENT_WIDTH - 3 * 28 * mm] + [28 * mm] * 3)
    headings = [i for i, line in enumerate(data) if line[1:] == ["", "", ""] and i > 0]
    flanders.setStyle(
        TableStyle(
            [("FONT", (0, i), (0, i), FONT_BOLD, 7.5) for i in headings]
            + [("TEXTCOLOR", (0, i), (0, i), ACCENT) for i in headings]
        )
    )
    story.append(flanders)
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(escape(_("* leaves out cells that branches withheld.")), st["small"]))
    office = BranchSettings(branch_name=_("Home-Start Vlaanderen: central office"))
    return render_pdf(
        story,
        title=_("Quarterly figures {quarter}").format(quarter=combined.quarter),
        branch=office,
        lang=lang,
        out=out,
    )
