"""Plain text out of the file formats maintainers send: TXT, Markdown, PDF, DOCX.

Every limit is checked before the work it protects: the file's size before reading it, a DOCX's
uncompressed size before unzipping it (a 389 KB file can hold 86 million characters), the text's
length while it is extracted. A file that cannot become text raises `ExtractionError` with a
message that names the file as the maintainer knows it (`name`, not a staging path).

PDF pages are kept: `Extracted.pages` holds where each page starts in the text and the label the
document prints on it (PDF page labels, else the page number), so a citation can say "p. 14".
"""

from __future__ import annotations

import bisect
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

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
    elif suffix == ".pdf":
        extracted = _read_pdf(path, name)
    else:
        extracted = Extracted(_read_docx(path, name))
    if len(extracted.text) > MAX_TEXT_CHARS:
        raise ExtractionError(_too_long(name))
    if not extracted.text.strip():
        raise ExtractionError(f"{name} has no text (a scanned PDF needs OCR first).")
    return extracted


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

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise ExtractionError(f"{name} is encrypted; send an unprotected copy.")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ExtractionError(f"{name} has {len(reader.pages)} pages; the limit is {MAX_PDF_PAGES}.")
        labels = _page_labels(reader)
        parts: list[str] = []
        pages: list[tuple[int, str]] = []
        length = 0
        for number, page in enumerate(reader.pages):
            text = page.extract_text() or ""
            pages.append((length, labels[number] if number < len(labels) else str(number + 1)))
            parts.append(text)
            length += len(text) + 1
            if length > MAX_TEXT_CHARS:
                raise ExtractionError(_too_long(name))
        return Extracted("\n".join(parts), pages)
    except ExtractionError:
        raise
    except Exception as error:  # pypdf raises many types on a damaged file: PdfReadError, ValueError, KeyError…
        raise ExtractionError(f"{name} is not a readable PDF ({type(error).__name__}: {error}).") from error


def _page_labels(reader) -> list[str]:
    """The printed page numbers the PDF defines ("iii", "14"), else none (the caller numbers pages)."""
    try:
        labels = list(reader.page_labels)
    except Exception:  # a malformed /PageLabels tree: fall back to page numbers
        return []
    return [str(label) for label in labels]


def _read_docx(path: Path, name: str) -> str:
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
    try:
        document = docx.Document(str(path))
        parts: list[str] = []
        length = 0
        for text in _docx_texts(document):
            parts.append(text)
            length += len(text) + 1
            if length > MAX_TEXT_CHARS:
                raise ExtractionError(_too_long(name))
    except ExtractionError:
        raise
    except Exception as error:  # python-docx and lxml raise KeyError, ValueError, XMLSyntaxError, OpcError…
        raise ExtractionError(f"{name} is not a readable DOCX file ({type(error).__name__}: {error}).") from error
    return "\n".join(parts)


def _docx_texts(document):
    for paragraph in document.paragraphs:
        yield paragraph.text
    for table in document.tables:
        for row in table.rows:
            yield " | ".join(cell.text.strip() for cell in row.cells)
