"""Focal points' registry, invitations and reports as plain functions; the export; reports in search."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering.catalogue import Catalogue
from bot.database import Store
from bot.reporting import invitations, registry, reports
from bot.reporting.export import export, export_csv, export_markdown
from bot.reporting.report_docs import sync_report_documents
from bot.reporting.reports import InvalidField, ProgramRef, ReportDraft


@pytest.fixture
def store():
    opened = Store.open(":memory:")
    yield opened
    opened.close()


def _draft(**values) -> ReportDraft:
    base = {
        "actor_id": "IIN",
        "ref": ProgramRef(kind="activity", number=15),
        "kind": "carried_out",
        "period": "March 2025",
        "description": "Regional workshop on the protection of unaccompanied migrant children at borders.",
    }
    return ReportDraft(**{**base, **values})


def test_registry_is_seeded_with_program_actors_and_35_member_states(store):
    rows = registry.actors(store)
    assert {"GS", "CAM", "IACHR", "CIM", "IIN", "PAHO", "MX", "US", "BR"} <= {a.id for a in rows}
    assert sum(1 for a in rows if a.group == "member_states") == 35
    registry.add_actor(store, "UNHCR", "Office of the UN High Commissioner for Refugees", group="multilateral")
    assert registry.actor(store, "unhcr").name.startswith("Office")
    iachr = registry.actor(store, "IACHR")
    assert iachr.name_in("fr") == "Commission interaméricaine des droits de l'homme (CIDH)"
    assert iachr.name_in("es") == "Comisión Interamericana de Derechos Humanos (CIDH)"
    assert registry.actor(store, "MX").name_in("pt") == "Mexico"  # no Portuguese name recorded: English


def test_register_with_good_used_expired_and_wrong_codes(store):
    code = invitations.create_invitation(store, "IACHR")
    assert code not in str(list(store.db["invitations"].rows))  # only the hash is stored
    assert invitations.register(store, 11, "Ana", code).id == "IACHR"
    assert registry.focal_point(store, 11).actor_id == "IACHR"
    with pytest.raises(invitations.RegistrationError, match="already been used"):
        invitations.register(store, 12, "Bob", code)
    old = invitations.create_invitation(store, "CIM", now=dt.datetime.now(dt.UTC) - dt.timedelta(days=8))
    with pytest.raises(invitations.RegistrationError, match="expired"):
        invitations.register(store, 13, "Cy", old)
    with pytest.raises(invitations.RegistrationError, match="not valid"):
        invitations.register(store, 13, "Cy", "NOPE-NOPE-NOPE")


def test_repeated_wrong_codes_are_slowed_down(store):
    good = invitations.create_invitation(store, "PAHO")
    for _ in range(invitations.MAX_FAILURES):
        with pytest.raises(invitations.RegistrationError, match="not valid"):
            invitations.register(store, 21, "Eve", "WRONG")
    with pytest.raises(invitations.RegistrationError, match="wait 10 minutes"):
        invitations.register(store, 21, "Eve", good)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=11)
    assert invitations.register(store, 21, "Eve", good, now=later).id == "PAHO"


def test_submit_once_edit_keeps_versions_withdraw(store):
    draft = _draft()
    first, created = reports.submit_report(store, draft, 11)
    again, created_again = reports.submit_report(store, draft, 11)  # double tap: same draft key
    assert created and not created_again and first.id == again.id
    assert store.db["reports"].count == 1

    edit = _draft(
        report_id=first.id,
        description="Regional workshop, with 40 officials from 6 countries, on unaccompanied children.",
    )
    edited, _ = reports.submit_report(store, edit, 11)
    assert edited.version == 2 and "40 officials" in edited.description
    assert reports.versions(store, first.id)[0]["description"].startswith("Regional workshop on the protection")

    assert not reports.withdraw_report(store, first.id, 11)  # 11 is not (or no longer) IIN's focal point
    invitations.register(store, 12, "Bea", invitations.create_invitation(store, "PAHO"))
    assert not reports.withdraw_report(store, first.id, 12)  # another actor's focal point
    invitations.register(store, 11, "Ana", invitations.create_invitation(store, "IIN"))
    assert reports.withdraw_report(store, first.id, 11)
    assert not reports.withdraw_report(store, first.id, 11)
    assert reports.reports_of(store, 11) == []


def test_incomplete_draft_and_field_validation(store):
    with pytest.raises(ValueError, match="missing"):
        reports.submit_report(store, ReportDraft(actor_id="IIN"), 1)
    assert reports.parse_period("March 2025") == "March 2025"
    with pytest.raises(InvalidField) as error:
        reports.parse_period("soon")
    assert error.value.key == "report.invalid_period_year"
    with pytest.raises(InvalidField) as error:
        reports.parse_description("too short")
    assert (error.value.key, error.value.values) == ("report.invalid_description", {"length": 9})
    with pytest.raises(InvalidField):
        reports.parse_link("not a link")
    assert reports.parse_link("https://oas.org/x") == "https://oas.org/x"


def test_program_reference_is_a_kind_and_a_number():
    assert ProgramRef.parse("activity 15") == ProgramRef(kind="activity", number=15)
    assert ProgramRef.parse("specific objective 8").label("fr") == "objectif spécifique 8"
    assert ProgramRef.parse("other") == ProgramRef(kind="other") and ProgramRef(kind="other").key == "other"
    for bad in ("activity", "activity fifteen", "objective 8", ""):
        with pytest.raises(ValueError):
            ProgramRef.parse(bad)
    with pytest.raises(ValueError):
        ProgramRef(kind="activity")  # an item needs its number
    # a draft persisted by the release that kept the reference as text still loads
    assert ReportDraft.model_validate({"actor_id": "IIN", "ref": "activity 16"}).ref == ProgramRef(
        kind="activity", number=16
    )


def test_export_has_sections_per_actor_and_coverage(store, services, tmp_path):
    reports.submit_report(store, _draft(), 11, review=False)
    reports.submit_report(
        store,
        _draft(
            actor_id="MX",
            ref=ProgramRef(kind="activity", number=27),
            kind="planned",
            period="2025",
            description="Mobile consulates will issue identity documents to Mexicans abroad.",
        ),
        12,
        review=False,
    )
    reports.submit_report(
        store,
        _draft(kind="best_practice", period="2024", description="A 2024 practice, outside the year asked for."),
        11,
        review=False,
    )
    catalogue: Catalogue = services.catalogue
    markdown = export_markdown(store, catalogue, 2025)
    iin = markdown.index("Inter-American Children's Institute (IIN)")
    mexico = markdown.index("## ", markdown.index("Mexico") - 10)
    assert "### 1. Activities carried out" in markdown[iin:] and "Regional workshop" in markdown[iin:]
    assert "### 2. Activities planned" in markdown[mexico:] and "[Program activity 27]" in markdown
    assert "2024 practice" not in markdown
    assert (
        "| 15 | IIN | 1 |" in markdown and "| 27 | MEMBER_STATES | 1 |" in markdown and "| 1 | GS | none |" in markdown
    )
    assert "Mobile consulates" in export_csv(store, catalogue, 2025)
    out = export(store, catalogue, 2025, "docx", tmp_path / "draft.docx")
    import docx

    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Activities carried out" in text and "Regional workshop" in text
    activity_15 = next(i for i in catalogue.program_items("activity") if i.number == 15)
    assert f"Program activity 15: {activity_15.text[:40]}" in text  # the number and the activity's own words
    not_reported = text[text.index("Actors that did not report") : text.index("Coverage of the Program activities")]
    assert "General Secretariat" in not_reported and "Inter-American Commission on Human Rights" in not_reported
    assert "Inter-American Children's Institute" not in not_reported and "Mexico" not in not_reported
    coverage = document.tables[-1]
    row_15 = next(row for row in coverage.rows if row.cells[0].text == "15")
    assert row_15.cells[1].text.startswith(activity_15.text[:40]) and row_15.cells[3].text == "1"

    spanish = docx.Document(str(export(store, catalogue, 2025, "docx", tmp_path / "es.docx", lang="es")))
    spanish_text = "\n".join(p.text for p in spanish.paragraphs)
    assert "Actores que no presentaron informes" in spanish_text and "Regional workshop" in spanish_text


def test_submitted_report_is_found_by_search(services):
    store = services.store
    reports.submit_report(
        store,
        _draft(description="The IIN trained 200 border officials on unaccompanied children in Darién in 2025."),
        11,
        review=False,
    )
    services.publish_reports()
    hits = services.searcher.search("IIN trained 200 border officials Darién", k=5)
    reported = next(hit.chunk for hit in hits if "Darién" in hit.chunk.text)
    assert "not an official document" in reported.short and reported.kind == "focal_point_report"
    assert "reported by the focal point of Inter-American Children's Institute (IIN)" in reported.text
    assert sync_report_documents(store, services.settings.reports_dir) == 1
