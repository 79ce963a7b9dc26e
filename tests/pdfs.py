"""Small PDFs for tests, written with pypdf: pages of raw content streams in Helvetica (F1)."""

from __future__ import annotations

import io
import zlib

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, StreamObject


def pdf_writer(pages: list[bytes], *, compressed: bool = False) -> PdfWriter:
    """A writer holding one 400×300 page per content stream ("BT /F1 10 Tf 10 200 Td (…) Tj ET");
    `compressed` stores the streams Flate-compressed, as most PDFs do."""
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    for content in pages:
        page = writer.add_blank_page(width=400, height=300)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        if compressed:
            stream = StreamObject()
            stream._data = zlib.compress(content)
            stream[NameObject("/Filter")] = NameObject("/FlateDecode")
        else:
            stream = DecodedStreamObject()
            stream.set_data(content)
        page[NameObject("/Contents")] = writer._add_object(stream)
    return writer


def pdf_bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
