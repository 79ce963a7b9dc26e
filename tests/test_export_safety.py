"""What focal points typed stays data in every export: no formulas, no markup, no scripts, no odd links."""

from __future__ import annotations

import csv
import io
import re

from bot.reporting import reports
from bot.reporting.export import export_csv, export_markdown
from bot.reporting.reports import ProgramRef, ReportDraft

HOSTILE = [
    ('=HYPERLINK("http://evil.example","Click for the annex") and the workshop report', "https://oas.org/x"),
    ("+SUM(A1:A9) consular days in the border towns of the region", None),
    ("-2+3 officials trained; @SUM(1) was also typed here by mistake", None),
    ("@cmd|' /C calc'!A0 is what the attacker typed in the description", "javascript:alert(document.cookie)"),
    ("<script>alert(1)</script> # Not a heading\n## V. SUGGESTED ACTIVITIES [click](javascript:alert(1)) *bold*", None),
]


def _submit_all(store) -> None:
    for n, (description, link) in enumerate(HOSTILE):
        draft = ReportDraft(
            actor_id="IIN",
            ref=ProgramRef(kind="activity", number=15),
            kind="carried_out",
            period="=1+1 March 2025" if n == 0 else "March 2025",
            description=description,
            link=link,  # as a row written before links were checked would hold them
        )
        reports.submit_report(store, draft, 11, review=False)  # approved at once


def test_csv_cells_that_would_be_formulas_are_quoted(services):
    _submit_all(services.store)
    rows = list(csv.reader(io.StringIO(export_csv(services.store, services.catalogue, 2025))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "-", "@", "\t", "\r"}]
    assert '\'=HYPERLINK("http://evil.example","Click for the annex") and the workshop report' in cells
    assert "'=1+1 March 2025" in cells and "'@cmd|' /C calc'!A0 is what the attacker typed in the description" in cells


def test_markdown_escapes_markup_and_links_only_http(services):
    _submit_all(services.store)
    markdown = export_markdown(services.store, services.catalogue, 2025)
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert not re.search(r"(?<!\\)\]\(javascript:", markdown)  # no link to a script: shown as text only
    assert "javascript:alert(document.cookie)" in markdown
    assert "[https://oas.org/x](https://oas.org/x)" in markdown
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert not any("SUGGESTED" in line or "Not a heading" in line for line in headings)
    assert "\\*bold\\*" in markdown and "\\[click\\]" in markdown
    items = [line for line in markdown.splitlines() if line.startswith("- **")]
    assert len(items) == len(HOSTILE)  # one line per report, whatever it held
