"""`migrantsbot index …` and `migrantsbot corpus …`: the corpus folder and its index, for maintainers."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from bot.config import Settings


def cmd_index_build(args: argparse.Namespace, settings: Settings) -> int:
    from bot.services import make_encoder
    from index.store import build_index

    started = time.perf_counter()
    encoder = make_encoder(settings)
    loaded = time.perf_counter()
    new_files: list = []

    def _print_new_files(found: list) -> None:
        new_files.extend(found)
        _print_found(found)

    manifest = build_index(
        settings.source_dirs,
        settings.index_dir,
        encoder,
        show_progress=True,
        on_chunked=lambda n: print(f"Parsed the corpus into {n} passages; embedding them…"),
        on_new_files=_print_new_files,
    )
    built = time.perf_counter()
    print(
        f"Index built: {manifest.chunk_count} passages from {len(manifest.documents)} documents, "
        f"model {manifest.model}, {manifest.faiss_type} FAISS index, in {built - loaded:.1f} s "
        f"(model load {loaded - started:.1f} s) → {settings.index_dir}"
    )
    refused = {found.file for found in new_files if found.error}
    for file, reason in manifest.failed.items():
        if file not in refused:  # those were said above
            print(f"! {file}: left out ({reason})")
    return 1 if manifest.failed else 0


def _describe(info) -> str:
    symbols = f"; {', '.join(info.symbols)}" if info.symbols else ""
    return f"{info.title!r} (short: {info.short!r}; date: {info.date or 'not found'}; kind: {info.kind}{symbols})"


def _print_found(new_files) -> int:
    """Each file found in the folder: the metadata detected and listed, or why it was not added."""
    problems = 0
    for found in new_files:
        if found.error:
            problems += 1
            print(f"! {found.file}: not added: {found.error}")
        else:
            print(
                f"+ {found.file}: new in the folder, added to manifest.toml; metadata detected: {_describe(found.info)}."
                f" Correct it with `migrantsbot corpus edit {found.file} --title … --date …` or in manifest.toml."
            )
    return problems


def _print_update(result) -> int:
    """The summary a maintainer reads after an update; the number of files that could not be read."""
    problems = _print_found(result.new_files)
    for missing in result.plan.missing:
        print(f"? {missing}: listed in manifest.toml but not in the folder; left out (put it back or remove its entry)")
    plan = result.plan
    if plan.added or plan.changed or plan.removed or plan.full_rebuild:
        print(plan.index_summary())
        print(
            f"Embedded {result.embedded_chunks} passages, reused {result.reused_chunks}; "
            f"{result.manifest.chunk_count} passages now serve, in {result.seconds:.1f} s."
        )
    elif not result.new_files:
        print("The index was up to date: nothing to do.")
    for file, reason in result.failed.items():
        problems += 1
        print(f"! {file}: could not be read ({reason}); search keeps the version indexed before, if any")
    return problems


@contextmanager
def _services(settings: Settings) -> Iterator:
    """The same services the bot runs on; the caller re-indexes, so a stale index is not updated first."""
    from bot.services import build_services

    services = build_services(settings, update_if_stale=False)
    try:
        yield services
    finally:
        services.close()


def cmd_index_update(args: argparse.Namespace, settings: Settings) -> int:
    """Bring the index in line with the corpus folder; exit 1 when a file could not be read."""
    from bot.services import make_encoder
    from index.store import current_version
    from index.update import plan_update

    if args.dry_run:  # changes nothing, so it must not build or load an index either
        plan = plan_update(settings.source_dirs, settings.index_dir, make_encoder(settings))
        print(plan.summary() if plan.has_work or plan.missing else "The index is up to date: nothing to do.")
        return 0
    if current_version(settings.index_dir) is None:
        return cmd_index_build(args, settings)
    with _services(settings) as services:
        return 1 if _print_update(services.update_index(show_progress=True)) else 0


def _locked(settings: Settings):
    """The corpus and index lock every writer holds (the bot too); says so when it must wait."""
    from index.store import locked

    return locked(settings.index_dir, waiting=lambda message: print(message, file=sys.stderr))


def cmd_corpus_edit(args: argparse.Namespace, settings: Settings) -> int:
    """Correct a document's metadata in manifest.toml (comments and order kept), then re-index it."""
    from index.corpus import update_entry

    with _locked(settings):
        updated = update_entry(
            settings.corpus_dir,
            args.file,
            title=args.title,
            short=args.short,
            date=args.date,
            kind=args.kind,
            symbols=args.symbol,
        )
    print(f"Updated {updated.file}: {_describe(updated)}")
    if not args.no_index:
        return cmd_index_update(argparse.Namespace(dry_run=False), settings)
    return 0


def cmd_corpus_add(args: argparse.Namespace, settings: Settings) -> int:
    from bot.documents import prepare_document
    from index.corpus import add_document

    info, text = prepare_document(
        args.file,
        settings.corpus_dir,
        source_dirs=settings.source_dirs,
        title=args.title,
        short=args.short,
        date=args.date,
        kind=args.kind,
        symbols=args.symbol,
    )
    if args.no_index:  # only the corpus folder changes; the model is not even loaded
        with _locked(settings):
            add_document(settings.corpus_dir, args.file, info, replace=args.replace)
    else:
        with _services(settings) as services:
            info, result = services.add_document(
                args.file, info, replace=args.replace, rename_if_taken=True, show_progress=True
            )
    print(f"Added {info.file}: {info.title} ({info.date or 'no date'}, {info.kind}); {len(text)} characters of text.")
    if not args.no_index:
        _print_update(result)
    return 0


def cmd_corpus_remove(args: argparse.Namespace, settings: Settings) -> int:
    from index.corpus import remove_document

    if args.no_index:
        with _locked(settings):
            removed = remove_document(settings.corpus_dir, args.file)
    else:
        with _services(settings) as services:
            removed, result = services.remove_document(args.file, show_progress=True)
    print(f"Removed {removed.file} ({removed.title}).")
    if not args.no_index:
        _print_update(result)
    return 0


def cmd_corpus_list(args: argparse.Namespace, settings: Settings) -> int:
    from index.corpus import load_manifest

    for doc in load_manifest(settings.corpus_dir):
        print(f"{doc.file:48} {doc.date or ''!s:10} {doc.kind:14} {doc.short}")
    return 0
