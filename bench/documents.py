"""Documents as they really arrive: the bundled texts as PDFs and Word files, and documents in other languages.

    python bench/documents.py [--formats txt,pdf,docx] [--no-multilingual] [--runs 3] [--show]

The test documents are made once by bench/make_documents.py (see bench/eval/documents/README.md).
For each format an index is built from a temporary corpus folder holding the five bundled
documents in that format (the manifest entries of corpus/manifest.toml, file names changed),
with the default encoder, and measured on every development question that has evidence
(bench/eval/dev.jsonl and dev2.jsonl, both parts: formats are compared, nothing is tuned here):

- retrieval: share of questions with an evidence span in the fused top 1 / top 5 passages;
- answers: share whose answer sentences hold an evidence span (extractive mode, as bench/answers.py);
- furniture: passages whose text, section path or label holds a running header or a page footer
  the PDFs print (the header lines of bench/make_documents.py, "- N -"); must be 0;
- pages (PDF): passages whose first words are printed on the page their label names;
- Word against text: the labelled items (label, start of text) and table rows (column headers,
  cells) that are the same in both.

Then, from the PDFs alone with no manifest entry, the metadata detected for each document against
its manifest entry (title: every word of the manifest title is in the detected one); the time PDF
extraction takes against the build of the text index (median of --runs); and, on an index of the
five texts plus the Spanish (PDF), French (Word) and Portuguese (PDF) test documents listed by
the folder scan, recall@1/@5 and evidence in the answer of bench/eval/documents/multilingual/
questions.jsonl per question language, per (question, document) language pair, and the near
misses declined.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.answers import score
from bench.common import LANGS, contains, first_hit, questions
from bench.make_documents import BUNDLED
from bot.config import Settings
from bot.services import load_answerer, make_encoder
from index.store import build_index

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "bench" / "eval" / "documents"
FOOTER = re.compile(r"(?:^|\s)- ?\d{1,3} ?-(?:\s|$)")


def corpus_folder(folder: Path, suffix: str) -> Path:
    """The five bundled documents in one format, with their manifest entries."""
    folder.mkdir(parents=True)
    manifest = (ROOT / "corpus" / "manifest.toml").read_text(encoding="utf-8")
    if suffix == ".txt":
        for name in BUNDLED:
            shutil.copy(ROOT / "corpus" / name, folder / name)
    else:
        for name in BUNDLED:
            stem = Path(name).stem
            shutil.copy(DOCUMENTS / "bundled" / f"{stem}{suffix}", folder / f"{stem}{suffix}")
            manifest = manifest.replace(f'file = "{name}"', f'file = "{stem}{suffix}"')
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    return folder


def settings_for(corpus: Path, data: Path) -> Settings:
    return Settings(corpus_dir=corpus, data_dir=data)


def furniture_strings() -> list[str]:
    lines = set()
    for _, header, first_page, _ in BUNDLED.values():
        lines |= {line for line in header + first_page if len(line) > 8}
    return sorted(lines)


def furniture(chunks, strings: list[str]) -> dict[str, int]:
    """How often each header line, and any "- N -" footer, is in the passages' text and in their
    section paths or labels (symbols and names also occur in the documents' own sentences: the
    text files' counts are the baseline)."""
    counts: dict[str, int] = {}
    for chunk in chunks:
        for where, part in (("text", chunk.text), ("path", " › ".join([*chunk.section, chunk.label or ""]))):
            for string in strings:
                if string in part:
                    counts[f"{where}: {string}"] = counts.get(f"{where}: {string}", 0) + part.count(string)
            footers = len(FOOTER.findall(part))
            if footers:
                counts[f"{where}: - N -"] = counts.get(f"{where}: - N -", 0) + footers
    return counts


def letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def page_texts(pdf: Path) -> dict[str, str]:
    """Each printed page label ("- N -" footers: the page number) → the page's letters."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return {str(number + 1): letters(page.extract_text() or "") for number, page in enumerate(document.pages)}


def pages_right(chunks, folder: Path) -> tuple[int, int]:
    texts = {}
    right = total = 0
    for chunk in chunks:
        if chunk.page is None:
            continue
        if chunk.doc not in texts:
            texts[chunk.doc] = page_texts(folder / chunk.doc)
        words = letters(" ".join(chunk.text.split()[:6]))[:30]
        if len(words) < 10:
            continue
        total += 1
        page = texts[chunk.doc].get(chunk.page, "")
        right += words in page or words[: len(words) // 2] in page  # the first words, maybe hyphenated there
    return right, total


def labelled_items(chunks) -> set[tuple[str, str]]:
    return {
        (chunk.doc.rsplit(".", 1)[0], f"{chunk.label}: {letters(chunk.text)[:80]}") for chunk in chunks if chunk.label
    }


def table_rows(chunks) -> set[tuple[str, str]]:
    return {
        (chunk.doc.rsplit(".", 1)[0], f"{chunk.context} || {letters(chunk.text)}")
        for chunk in chunks
        if chunk.context.startswith("Columns: ")
    }


def measure_format(suffix: str, encoder, items: list[dict], workdir: Path, show: bool) -> dict:
    corpus = corpus_folder(workdir / f"corpus{suffix}", suffix)
    settings = settings_for(corpus, workdir / f"data{suffix}")
    started = time.perf_counter()
    build_index(settings.source_dirs, settings.index_dir, encoder)
    build = time.perf_counter() - started
    answerer = load_answerer(settings, encoder=encoder, allow_llm=False, update_if_stale=False)
    chunks = answerer.searcher.chunks
    ranks, texts = [], []
    for item in items:
        hits = answerer.searcher.search(item["question"], k=5)
        rank = first_hit([hit.chunk.text for hit in hits], item["evidence"])
        ranks.append(rank)
        row = score(answerer.answer(item["question"], cached=False), item)
        texts.append(row["text"])
        if show and suffix != ".txt" and rank is None:
            print(f"  miss {suffix} {item['id']} [{item['lang']}] {item['question'][:90]}")
    strings = furniture_strings()
    result = {
        "suffix": suffix,
        "build": build,
        "passages": len(chunks),
        "r1": statistics.fmean(1.0 if rank == 1 else 0.0 for rank in ranks),
        "r5": statistics.fmean(1.0 if rank else 0.0 for rank in ranks),
        "text": statistics.fmean(1.0 if hit else 0.0 for hit in texts),
        "furniture": furniture(chunks, strings),
        "items": labelled_items(chunks),
        "rows": table_rows(chunks),
    }
    if suffix == ".pdf":
        result["pages"] = pages_right(chunks, corpus)
    return result


def metadata_from_pdfs(workdir: Path) -> list[str]:
    from index.corpus import register_new_files
    from index.text import fold

    truth = {
        entry["file"]: entry for entry in tomllib.loads((ROOT / "corpus" / "manifest.toml").read_text())["document"]
    }
    lines, right = [], {"title": 0, "kind": 0, "date": 0, "symbols": 0}
    for name in BUNDLED:
        stem = Path(name).stem
        folder = workdir / f"metadata-{stem}"
        folder.mkdir()
        (folder / "manifest.toml").write_text("", encoding="utf-8")
        shutil.copy(DOCUMENTS / "bundled" / f"{stem}.pdf", folder / f"{stem}.pdf")
        found = register_new_files(folder)[0]
        info, expected = found.info, truth[name]
        if info is None:
            lines.append(f"  {stem}: not added ({found.error})")
            continue
        small = {"of", "the", "and", "for", "in", "on", "to", "a"}
        words = [w for w in re.findall(r"[\w/-]+", fold(expected["title"])) if w not in small]
        checks = {
            "title": all(word in fold(info.title) for word in words),
            "kind": info.kind == expected["kind"],
            "date": str(info.date) == expected["date"],
            "symbols": sorted(info.symbols) == sorted(expected.get("symbols", [])),
        }
        for key, ok in checks.items():
            right[key] += ok
        marks = " ".join(f"{key}:{'ok' if ok else 'WRONG'}" for key, ok in checks.items())
        lines.append(
            f"  {stem}: {marks}\n      title {info.title!r}\n      kind {info.kind}, date {info.date}, symbols {info.symbols}"
        )
    total = len(BUNDLED)
    lines.insert(
        0, "metadata from the PDFs, no manifest entry: " + ", ".join(f"{k} {v}/{total}" for k, v in right.items())
    )
    return lines


def extraction_seconds(runs: int) -> float:
    """Median time to extract the five PDFs, nothing cached."""
    from index import extract as extract_module

    times = []
    for _ in range(runs):
        cached = getattr(extract_module, "_read_cached", None)
        if cached is not None:
            cached.cache_clear()
        started = time.perf_counter()
        for name in BUNDLED:
            extract_module.extract(DOCUMENTS / "bundled" / f"{Path(name).stem}.pdf")
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def multilingual(encoder, workdir: Path, show: bool) -> list[str]:
    folder = corpus_folder(workdir / "corpus-multilingual", ".txt")
    source = DOCUMENTS / "multilingual"
    for name in (
        "es-plan-trabajo-cam-2025.pdf",
        "fr-rapport-suivi-programme-2024.docx",
        "pt-relatorio-oficina-2023.pdf",
    ):
        shutil.copy(source / name, folder / name)
    settings = settings_for(folder, workdir / "data-multilingual")
    build_index(settings.source_dirs, settings.index_dir, encoder)  # lists the three new files itself
    answerer = load_answerer(settings, encoder=encoder, allow_llm=False, update_if_stale=False)
    items = [json.loads(line) for line in (source / "questions.jsonl").read_text(encoding="utf-8").splitlines() if line]
    by_lang: dict[str, list[tuple[int | None, bool]]] = {}
    by_pair: dict[tuple[str, str], list[tuple[int | None, bool]]] = {}
    declined = []
    for item in items:
        answer = answerer.answer(item["question"], cached=False)
        if not item["evidence"]:
            declined.append(not answer.found)
            if show and answer.found:
                print(f"  near miss answered [{item['lang']}] {item['question']}: {answer.text[:100]!r}")
            continue
        hits = answerer.searcher.search(item["question"], k=5)
        rank = first_hit([hit.chunk.text for hit in hits], item["evidence"])
        in_answer = answer.found and contains(" ".join(s.text for s in answer.sentences), item["evidence"])
        by_lang.setdefault(item["lang"], []).append((rank, in_answer))
        by_pair.setdefault((item["lang"], item["doc_lang"]), []).append((rank, in_answer))
        if show and rank != 1:
            print(f"  rank {rank} [{item['lang']}→{item['doc_lang']}] {item['question'][:100]}")

    def figures(values: list[tuple[int | None, bool]]) -> str:
        r1 = statistics.fmean(1.0 if rank == 1 else 0.0 for rank, _ in values)
        r5 = statistics.fmean(1.0 if rank else 0.0 for rank, _ in values)
        text = statistics.fmean(1.0 if hit else 0.0 for _, hit in values)
        return f"n {len(values):2}  r@1 {r1:.2f}  r@5 {r5:.2f}  in answer {text:.2f}"

    lines = ["documents in es/fr/pt (questions in bench/eval/documents/multilingual/questions.jsonl):"]
    lines += [f"  questions in {lang}: {figures(by_lang[lang])}" for lang in LANGS if lang in by_lang]
    lines.append(f"  all:             {figures([v for values in by_lang.values() for v in values])}")
    for (question, document), values in sorted(by_pair.items()):
        lines.append(f"    {question} → {document} document: {figures(values)}")
    lines.append(f"  near misses declined: {sum(declined)}/{len(declined)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--formats", default="txt,pdf,docx", help='"" for none (metadata, timing, other languages only)'
    )
    parser.add_argument("--no-multilingual", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="timed passes of the PDF extraction")
    parser.add_argument("--show", action="store_true", help="print misses, furniture found, near misses answered")
    args = parser.parse_args()

    encoder = make_encoder(Settings())
    items = [item for item in questions("all") if item.get("evidence")]
    workdir = Path(tempfile.mkdtemp(prefix="documents-bench-"))
    try:
        results = {}
        for suffix in ("." + name for name in args.formats.split(",") if name):
            results[suffix] = measure_format(suffix, encoder, items, workdir, args.show)
        print(f"{len(items)} development questions with evidence; encoder {encoder.name}")
        print(
            f"{'format':7} {'passages':>8} {'build s':>8} {'r@1':>5} {'r@5':>5} {'in answer':>9} {'furniture':>9}  pages right"
        )
        baseline = results.get(".txt", {}).get("furniture", {})
        for result in results.values():
            extra = {key: count - baseline.get(key, 0) for key, count in result["furniture"].items()}
            result["leaked"] = {key: count for key, count in extra.items() if count > 0}
        for suffix, result in results.items():
            pages = result.get("pages")
            print(
                f"{suffix:7} {result['passages']:8} {result['build']:8.1f} {result['r1']:5.2f} {result['r5']:5.2f}"
                f" {result['text']:9.2f} {sum(result['leaked'].values()):9}  {f'{pages[0]}/{pages[1]}' if pages else '—'}"
            )
            if args.show and result["leaked"]:
                print(f"    header or footer text beyond the text files': {result['leaked']}")
        if ".txt" in results:
            for suffix in (".docx", ".pdf"):
                if suffix in results:
                    for key, name in (("items", "labelled items"), ("rows", "table rows")):
                        mine, theirs = results[suffix][key], results[".txt"][key]
                        print(
                            f"{suffix} {name} the same as the text files': {len(mine & theirs)}/{len(theirs)} (and {len(mine - theirs)} others)"
                        )
                        if args.show:
                            for missing in sorted(theirs - mine)[:8]:
                                print(f"    only in text: {missing[0]} {missing[1][:110]}")
                            for extra in sorted(mine - theirs)[:8]:
                                print(f"    only in {suffix}: {extra[0]} {extra[1][:110]}")
        print("\n".join(metadata_from_pdfs(workdir)))
        seconds = extraction_seconds(args.runs)
        if ".txt" in results:
            share = seconds / results[".txt"]["build"]
            print(
                f"PDF extraction of the five documents: {seconds:.1f} s (median of {args.runs}), {share:.0%} of the text index build ({results['.txt']['build']:.1f} s)"
            )
        else:
            print(f"PDF extraction of the five documents: {seconds:.1f} s (median of {args.runs})")
        if not args.no_multilingual:
            print("\n".join(multilingual(encoder, workdir, args.show)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
