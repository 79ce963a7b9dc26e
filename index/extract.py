"""Plain text out of the file formats maintainers send: TXT, Markdown, PDF, DOCX."""

from __future__ import annotations

from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".md", ".pdf", ".docx"}
MAX_FILE_BYTES = 20_000_000  # 20 MB, as maintainers read it


class ExtractionError(Exception):
    """The file cannot become text; the message names the problem for the maintainer."""


def extract_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ExtractionError(
            f"{path.name}: unsupported file type '{suffix or 'none'}'. Send PDF, DOCX, TXT or Markdown."
        )
    if not path.is_file():
        raise ExtractionError(f"{path} does not exist or is not a file.")
    size = path.stat().st_size
    if size == 0:
        raise ExtractionError(f"{path.name} is empty.")
    if size > max_bytes:
        raise ExtractionError(f"{path.name} is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB.")
    if suffix in {".txt", ".md"}:
        text = _read_plain(path)
    elif suffix == ".pdf":
        text = _read_pdf(path)
    else:
        text = _read_docx(path)
    if not text.strip():
        raise ExtractionError(f"{path.name} has no text (a scanned PDF needs OCR first).")
    return text


def _read_plain(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise ExtractionError(f"{path.name} is encrypted; send an unprotected copy.")
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise ExtractionError(f"{path.name} is not a readable PDF ({error}).") from error


def _read_docx(path: Path) -> str:
    import zipfile

    import docx
    from docx.opc.exceptions import OpcError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OpcError) as error:
        raise ExtractionError(f"{path.name} is not a readable DOCX file ({error}).") from error
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text.strip() for cell in row.cells))
    return "\n".join(parts)
