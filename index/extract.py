"""Plain text out of the file formats maintainers send: TXT, Markdown, PDF, DOCX.

Every limit is checked before the work it protects: the file's size before reading it, a DOCX's
uncompressed size before unzipping it (a 389 KB file can hold 86 million characters), the text's
length while it is extracted. A file that cannot become text raises `ExtractionError` with a
message that names the file as the maintainer knows it (`name`, not a staging path).

PDF pages are kept: `Extracted.pages` holds where each page starts in the text and the label the
document prints on it (PDF page labels, else the number printed in its running footer or header,
else the page number), so a citation can say "p. 14".

PDFs are read by their layout (`index/pdf/`: paragraphs rebuilt from geometry, running
headers and footers dropped, hyphenated line ends joined, ruled tables kept as cells) and Word
files in reading order with their list numbers (`index.word`). Both write what `index.parse`
reads: one paragraph a line, table cells led by a tab. `Extracted.headings` marks the lines the
file itself sets as headings (a heading style, bold or larger type); `Extracted.page_one_header`
keeps what page one printed above its body (an OAS symbol block), which the metadata reads.

The same file is often read twice in a row (its metadata when it is found in the folder, then
its passages), so the last few extractions are kept by content hash.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import logging
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = {".txt", ".md", ".pdf", ".docx"}
MAX_FILE_BYTES = 20_000_000  # 20 MB, as maintainers read it
MAX_UNCOMPRESSED_BYTES = 100_000_000  # a DOCX's parts once unzipped
MAX_TEXT_CHARS = 5_000_000  # ~2,500 pages of dense text: far beyond any OAS document
MAX_PDF_PAGES = 3_000


class ExtractionError(Exception):
    """The file cannot become text; the message names the problem for the maintainer."""


@dataclass
class Extracted:
    """A document's text, and for paged formats where each page starts in it."""

    text: str
    pages: list[tuple[int, str]] = field(default_factory=list)  # (offset of the page's first character, label)
    headings: dict[int, int] = field(
        default_factory=dict
    )  # offset of a line the file sets as a heading → level (0: unknown)
    page_one_header: list[str] = field(default_factory=list)  # lines page one printed above its body
    title: str | None = None  # the file's own title property

    def page_at(self, offset: int) -> str | None:
        """The label of the page holding character `offset`, or None for formats without pages."""
        if not self.pages:
            return None
        starts = [start for start, _ in self.pages]
        return self.pages[max(0, bisect.bisect_right(starts, offset) - 1)][1]


def extract(path: Path, *, name: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> Extracted:
    """The text of a file, with page offsets for PDFs; `name` is how messages call the file."""
    name = name or path.name
    suffix = Path(name).suffix.lower() or path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ExtractionError(f"{name}: unsupported file type '{suffix or 'none'}'. Send PDF, DOCX, TXT or Markdown.")
    if not path.is_file():
        raise ExtractionError(f"{name} does not exist or is not a file.")
    size = path.stat().st_size
    if size == 0:
        raise ExtractionError(f"{name} is empty.")
    if size > max_bytes:
        raise ExtractionError(f"{name} is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB.")
    if suffix in {".txt", ".md"}:
        extracted = Extracted(_read_plain(path, name))
    else:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        extracted = _read_cached(digest, suffix, str(path), name)
    if len(extracted.text) > MAX_TEXT_CHARS:
        raise ExtractionError(_too_long(name))
    if not extracted.text.strip():
        raise ExtractionError(f"{name} has no text (a scanned PDF needs OCR first).")
    return extracted


@functools.lru_cache(maxsize=8)
def _read_cached(digest: str, suffix: str, path: str, name: str) -> Extracted:
    """A PDF or DOCX read once per content (the digest is the key; path and name come along)."""
    del digest  # the key only
    return _read_pdf(Path(path), name) if suffix == ".pdf" else _read_docx(Path(path), name)


def extract_text(path: Path, *, name: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> str:
    return extract(path, name=name, max_bytes=max_bytes).text


def _too_long(name: str) -> str:
    return f"{name} holds more than {MAX_TEXT_CHARS:,} characters of text; split it into smaller documents."


def _read_plain(path: Path, name: str) -> str:
    """Decode by byte-order mark, then UTF-8, then Windows-1252, then what charset-normalizer finds.

    Windows-1252 before guessing: the OAS writes in English, Spanish, French and Portuguese, and a
    Word export that is not UTF-8 is almost always in it, where guessers misread short texts.
    Text with NUL bytes and no mark is UTF-16/32 or binary: charset-normalizer tells which.
    """
    raw = path.read_bytes()
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return _checked_text(raw.decode(encoding), name)
            except UnicodeDecodeError as error:
                raise ExtractionError(f"{name} is not valid {encoding.upper()} text ({error.reason}).") from error
    if b"\x00" not in raw:
        for encoding in ("utf-8", "cp1252"):
            try:
                return _checked_text(raw.decode(encoding), name)
            except UnicodeDecodeError:
                continue
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise ExtractionError(f"{name} is not a text file (it looks binary).")
    return _checked_text(str(best), name)


def _checked_text(text: str, name: str) -> str:
    """Text that is mostly control characters is a binary file decoded by accident."""
    sample = text[:20_000]
    control = sum(1 for char in sample if ord(char) < 32 and char not in "\t\n\r\f")
    if sample and control / len(sample) > 0.01:
        raise ExtractionError(f"{name} is not a text file (it looks binary).")
    return text


def _read_pdf(path: Path, name: str) -> Extracted:
    from pypdf import PdfReader

    from index.pdf import LayoutTimeout, read_layout

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise ExtractionError(f"{name} is encrypted; send an unprotected copy.")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ExtractionError(f"{name} has {len(reader.pages)} pages; the limit is {MAX_PDF_PAGES}.")
        layout = read_layout(path, labels=_page_labels(reader))
        title = _pdf_title(reader)
    except ExtractionError:
        raise
    except LayoutTimeout as error:
        raise ExtractionError(f"{name} could not be read in time: {error}.") from error
    except Exception as error:  # pypdf and pdfminer raise many types on a damaged file
        raise ExtractionError(f"{name} is not a readable PDF ({type(error).__name__}: {error}).") from error
    if len(layout.text) > MAX_TEXT_CHARS:
        raise ExtractionError(_too_long(name))
    if layout.skipped:
        logger.warning("%s: pages %s left out (their content is too large to read)", name, layout.skipped)
    return Extracted(
        layout.text,
        layout.pages,
        headings=dict.fromkeys(layout.headings, 0),
        page_one_header=layout.furniture[0] if layout.furniture else [],
        title=title,
    )


def _page_labels(reader) -> list[str] | None:
    """The printed page numbers the PDF defines ("iii", "14"), else None (the layout reader looks
    for numbers printed in running footers, then numbers the pages)."""
    try:
        if "/PageLabels" not in reader.trailer["/Root"]:
            return None
        return [str(label) for label in reader.page_labels]
    except Exception:  # a malformed /PageLabels tree: fall back
        return None


def _pdf_title(reader) -> str | None:
    """The Title property, read on its own: pypdf's metadata object fails as a whole on a
    malformed date (LibreOffice writes CreationDate as "D:20261206134456Z'")."""
    try:
        info = reader.trailer["/Info"].get_object()
        title = info.get("/Title")
    except Exception:
        return None
    return str(title).strip() or None if title is not None else None


def _read_docx(path: Path, name: str) -> Extracted:
    import docx

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise ExtractionError(f"{name} is not a readable DOCX file ({error}).") from error
    if unpacked > MAX_UNCOMPRESSED_BYTES:
        raise ExtractionError(
            f"{name} unpacks to {unpacked / 1e6:.0f} MB; the limit is {MAX_UNCOMPRESSED_BYTES / 1e6:.0f} MB."
        )
    from index.word import read_word

    try:
        document = docx.Document(str(path))
        found = read_word(document, limit=MAX_TEXT_CHARS)
        title = (document.core_properties.title or "").strip() or None
    except OverflowError:
        raise ExtractionError(_too_long(name)) from None
    except Exception as error:  # python-docx and lxml raise KeyError, ValueError, XMLSyntaxError, OpcError…
        raise ExtractionError(f"{name} is not a readable DOCX file ({type(error).__name__}: {error}).") from error
    return Extracted(found.text, headings=found.headings, title=title)
