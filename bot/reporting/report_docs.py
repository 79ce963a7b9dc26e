"""Focal points' reports as documents, so that search finds them next to the official texts.

Each active report becomes one text file in `data/reports/` with a manifest entry that labels it
as reported by the actor's focal point, with its date, and as not an official document. The
folder is regenerated from the database, which stays the only record. Like the corpus, these
documents are in English (the string table's English labels).

A report's text is data, never structure: it is written as one paragraph, every line break and
run of spaces made one space, behind its label, so a description typed as "V. SUGGESTED SPECIFIC
ACTIVITIES / 12. Member states should…" cannot become a Program section or activity in the
parser, and every passage of it is cited as the focal point's report. The files are named in
their own namespace (`index.corpus.GENERATED_PREFIX` + the report id), which uploads cannot take.
"""

from __future__ import annotations

from pathlib import Path

from bot.database import Store
from bot.reporting.registry import actor
from bot.reporting.reports import Report, active_reports
from bot.texts import t
from index.corpus import GENERATED_PREFIX, DocumentInfo, write_manifest

NOT_OFFICIAL = "not an official document"


def one_paragraph(text: str) -> str:
    """Every line break and run of whitespace as one space."""
    return " ".join(text.split())


def report_file(report_id: int) -> str:
    return f"{GENERATED_PREFIX}{report_id}.txt"


def report_text(report: Report, actor_name: str) -> str:
    """One paragraph, so the passage carries its own label wherever search shows it."""
    kind = t("en", f"kind.{report.kind}")
    link = f" Link: {one_paragraph(report.link)}" if report.link else ""
    label = f"{kind}, reported by the focal point of {one_paragraph(actor_name)} ({NOT_OFFICIAL})"
    return (
        f"{label}; Program {report.ref.label('en')}; period: {one_paragraph(report.period)}. "
        f"{one_paragraph(report.description)}{link}\n"
    )


def _expected(store: Store) -> dict[str, tuple[str, DocumentInfo]]:
    """What the folder should hold: file name → (text, manifest entry), one per active report."""
    expected: dict[str, tuple[str, DocumentInfo]] = {}
    for report in active_reports(store):
        found = actor(store, report.actor_id)
        name = found.name if found else report.actor_id
        expected[report_file(report.id)] = (
            report_text(report, name),
            DocumentInfo(
                file=report_file(report.id),
                title=f"{t('en', f'kind.{report.kind}')} reported by the focal point of {name} ({NOT_OFFICIAL})",
                short=f"{report.actor_id} focal point report {report.updated_at[:10]} ({NOT_OFFICIAL})",
                kind="focal_point_report",
                date=report.updated_at[:10],
                reported_by=name,
            ),
        )
    return expected


def sync_report_documents(store: Store, reports_dir: Path) -> int:
    """Write the folder from the database: one file per active report; returns how many."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    expected = _expected(store)
    for file, (text, _) in expected.items():
        path = reports_dir / file
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            temporary = reports_dir / f".{file}.part"
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(path)
    write_manifest(reports_dir, [info for _, info in expected.values()])
    for stale in reports_dir.glob(f"{GENERATED_PREFIX}*.txt"):
        if stale.name not in expected:
            stale.unlink()
    return len(expected)


def out_of_date(store: Store, reports_dir: Path) -> bool:
    """Whether the folder lags behind the database (a publish the last run could not finish)."""
    expected = _expected(store)
    on_disk = {path.name for path in reports_dir.glob(f"{GENERATED_PREFIX}*.txt")} if reports_dir.is_dir() else set()
    if on_disk != set(expected):
        return True
    return any((reports_dir / file).read_text(encoding="utf-8") != text for file, (text, _) in expected.items())
