"""Quotable units of a passage: a calendar row keeps its date, and only its own."""

from __future__ import annotations

from index.chunk import Chunk
from index.units import passage_units


def _chunk(text: str) -> Chunk:
    return Chunk(id="c1", doc="d", title="Work plan", short="Work plan", section=[], text=text, start=0, end=len(text))


def _texts(text: str) -> list[str]:
    return [unit.text for unit in passage_units(_chunk(text)) if not unit.fragment]


def test_a_date_cell_stays_with_the_row_below_it():
    texts = _texts("APRIL - 2019\nInformal meeting of the CAM with the observers of the Program.")
    assert texts == ["APRIL - 2019\nInformal meeting of the CAM with the observers of the Program."]


def test_of_a_column_of_dates_only_the_last_is_kept():
    texts = _texts(
        "September 30 and October 1, 2004\nApril 2005\nMay 2005\nSpecial meeting of the GT/TM on the Program."
    )
    assert texts == ["May 2005\nSpecial meeting of the GT/TM on the Program."]


def test_a_numbered_paragraph_never_takes_a_date_from_the_table_above():
    text = "April 2005\n8. To instruct the General Secretariat to support the Program with its resources."
    assert _texts(text) == ["8. To instruct the General Secretariat to support the Program with its resources."]


def test_a_bulleted_row_of_a_schedule_keeps_its_date():
    texts = _texts("Fourth week October\n· Presentation of written comments of member states on the report")
    assert texts == ["Fourth week October\n· Presentation of written comments of member states on the report"]
