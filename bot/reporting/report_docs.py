"""Focal points' reports as documents, so that search finds them next to the official texts.

Each active report becomes one text file in `data/reports/` with a manifest entry that labels it
as reported by the actor's focal point, with its date, and as not an official document. The
folder is regenerated from the database, which stays the only record. Like the corpus, these
documents are in English (the string table's English labels).
"""

from __future__ import annotations

from pathlib import Path

from bot.database import Store
from bot.reporting.registry import actor
from bot.reporting.reports import Report, active_reports
from bot.texts import t
from index.corpus import DocumentInfo, write_manifest

NOT_OFFICIAL = "not an official document"


def report_text(report: Report, actor_name: str) -> str:
    """One paragraph, so the passage carries its own label wherever search shows it."""
    kind = t("en", f"kind.{report.kind}")
    link = f" Link: {report.link}" if report.link else ""
    return (
        f"{kind}, reported by the focal point of {actor_name} ({NOT_OFFICIAL}); Program {report.ref.label('en')}; "
        f"period: {report.period}. {report.description}{link}\n"
    )


def sync_report_documents(store: Store, reports_dir: Path) -> int:
    """Write the folder from the database: one file per active report; returns how many."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    documents: list[DocumentInfo] = []
    keep: set[str] = set()
    for report in active_reports(store):
        found = actor(store, report.actor_id)
        name = found.name if found else report.actor_id
        file = f"focal-report-{report.id}.txt"
        path = reports_dir / file
        text = report_text(report, name)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            temporary = reports_dir / f".{file}.part"
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(path)
        keep.add(file)
        documents.append(
            DocumentInfo(
                file=file,
                title=f"{t('en', f'kind.{report.kind}')} reported by the focal point of {name} ({NOT_OFFICIAL})",
                short=f"{report.actor_id} focal point report {report.updated_at[:10]} ({NOT_OFFICIAL})",
                kind="focal_point_report",
                date=report.updated_at[:10],
                reported_by=name,
            )
        )
    write_manifest(reports_dir, documents)
    for stale in reports_dir.glob("focal-report-*.txt"):
        if stale.name not in keep:
            stale.unlink()
    return len(documents)
