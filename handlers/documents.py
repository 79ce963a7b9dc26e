"""Maintainers add, re-index and remove documents from the chat, without stopping the bot.

A document sent by a maintainer is downloaded, checked (type, size, text), shown with the
metadata found in it, and added only after the maintainer confirms. The caption may correct the
metadata: `title: …; short: …; date: 2020-05-01; kind: resolution; symbol: AG/RES. …`. The work
itself is `Services.add_document` / `remove_document` / `update_index`, as for the CLI.

Each upload has its own id, in its folder under `data/uploads/` and in its preview's buttons, so
✅ Add under an earlier preview adds that document, not the latest one; its staged copy is
removed on Add, on Cancel, on a refusal, and by `jobs.clean_uploads` once it is a day old. The
same content is added once: two previews of one file, or ✅ Add pressed again after a kill, find
it already there (`Services.add_document` checks under the lock). In a group, a file is looked
at only when its caption mentions the bot or it replies to the bot.

While manifest.toml does not parse, /reindex, /remove and ✅ Add say so, with the file and line,
and change nothing; the bot keeps answering from the index as it is.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import shutil
import time
import uuid
from pathlib import Path

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler, MessageHandler, filters

from bot.documents import (
    DOCUMENT_ERRORS,
    KINDS,
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    DocumentInfo,
    document_error,
    prepare_document,
)
from bot.services import DuplicateDocument
from handlers.callbacks import (
    AddDocumentButton,
    ButtonHandler,
    KeepButton,
    ReindexButton,
    RemoveButton,
    RemoveConfirmButton,
)
from handlers.chats import ADDRESSED
from handlers.common import answer_query, edit_text, escape, keyboard, reply_html, reply_text
from handlers.context import Context
from handlers.guards import maintainers_only
from handlers.jobs import UPLOAD_TTL_SECONDS
from index.corpus import CorpusError
from index.versions import IndexBusyError

logger = logging.getLogger(__name__)

PENDING = "pending_documents"  # user_data: upload id → {"path", "info", "at"}
_CAPTION_FIELD = re.compile(r"(title|short|date|kind|symbol)\s*[:=]\s*([^;\n]+)", re.IGNORECASE)


def parse_caption(caption: str | None) -> dict[str, str]:
    return {key.lower(): value.strip() for key, value in _CAPTION_FIELD.findall(caption or "")}


def uploads_dir(context: Context) -> Path:
    return context.services.settings.data_dir / "uploads"


def _pending(context: Context) -> dict[str, dict]:
    """This maintainer's uploads waiting for ✅ Add; entries of an older format or past their day are dropped."""
    stored = context.user_data.get(PENDING)
    pending = stored if isinstance(stored, dict) else {}
    fresh = {
        upload: entry
        for upload, entry in pending.items()
        if isinstance(entry, dict) and time.time() - entry.get("at", 0) < UPLOAD_TTL_SECONDS  # as jobs.clean_uploads
    }
    context.user_data[PENDING] = fresh  # the one dict callers add to and take from
    return fresh


async def _corpus_refused(update: Update, context: Context, error: Exception) -> None:
    """Why the corpus cannot change now: manifest.toml does not parse (file, line), or another
    process has held the lock too long."""
    problem = await asyncio.to_thread(context.services.corpus_problem)
    if problem is not None:
        await reply_text(update, context.t("notice.manifest_broken", error=problem))
    else:
        await reply_text(update, context.t("doc.not_added", error=str(error)))


def _doc_key(file: str) -> str:
    """Callback data is limited to 64 bytes: refer to documents by a short hash of their name."""
    return hashlib.sha1(file.encode(), usedforsecurity=False).hexdigest()[:12]


@maintainers_only
async def receive_document(update: Update, context: Context) -> None:
    """A file from a maintainer: checked and shown, added only after ✅ Add."""
    services = context.services
    document = update.effective_message.document
    name = document.file_name or "document"
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        await reply_text(update, context.t("doc.unsupported", name=name))
        return
    if document.file_size and document.file_size > MAX_FILE_BYTES:
        size, limit = f"{document.file_size / 1e6:.1f}", f"{MAX_FILE_BYTES / 1e6:.0f}"
        await reply_text(update, context.t("doc.too_large", name=name, size=size, limit=limit))
        return
    upload = uuid.uuid4().hex[:16]
    staging = uploads_dir(context) / upload
    staging.mkdir(parents=True)
    local = staging / f"upload{suffix}"
    kept = False
    try:
        try:
            telegram_file = await document.get_file()
            await telegram_file.download_to_drive(local)
        except TelegramError as error:
            await reply_text(update, context.t("doc.download_failed", name=name, error=error.message))
            return
        overrides = parse_caption(update.effective_message.caption)
        try:
            info, text = await asyncio.to_thread(
                prepare_document,
                local,
                services.settings.corpus_dir,
                source_dirs=services.settings.source_dirs,
                original_name=name,
                title=overrides.get("title"),
                short=overrides.get("short"),
                date=overrides.get("date"),
                kind=overrides.get("kind"),
                symbols=[overrides["symbol"]] if "symbol" in overrides else None,
            )
        except DOCUMENT_ERRORS as error:
            await reply_text(update, context.t("doc.not_added", error=document_error(error, context.lang)))
            return
        _pending(context)[upload] = {"path": str(local), "info": info.model_dump(mode="json"), "at": time.time()}
        kept = True
    finally:  # refused, failed or crashed: nothing of it stays staged
        if not kept:
            shutil.rmtree(staging, ignore_errors=True)
    summary = context.t(
        "doc.summary",
        name=escape(name),
        characters=f"{len(text):,}",
        title=escape(info.title),
        short=escape(info.short),
        date=escape(info.date or context.t("doc.date_not_found")),
        kind=(
            context.t("doc.kind_unsure", kind=escape(info.kind), kinds=escape(", ".join(KINDS[:-1])))
            if info.kind == "other"
            else escape(info.kind)
        ),
        symbols=escape(", ".join(info.symbols) or context.t("doc.no_symbols")),
        file=escape(info.file),
    )
    buttons = keyboard(
        [
            (context.t("doc.button_add"), AddDocumentButton(action="add", upload=upload).data),
            (context.t("button.cancel"), AddDocumentButton(action="cancel", upload=upload).data),
        ]
    )
    await reply_html(update, summary, reply_markup=buttons)


@maintainers_only
async def confirm_document(update: Update, context: Context) -> None:
    """✅ Add or ✖ Cancel under one upload's preview: that upload, whichever came later."""
    query, button = update.callback_query, context.button
    pending = _pending(context).pop(button.upload, None)
    staged = Path(pending["path"]) if pending else None
    if staged is None or not staged.is_file():
        await answer_query(query, context.t("doc.nothing_pending"), show_alert=True)
        return
    if button.action == "cancel":
        shutil.rmtree(staged.parent, ignore_errors=True)
        await answer_query(query, context.t("button.cancelled"))
        await edit_text(query, context.t("doc.cancelled"))
        return
    await answer_query(query, context.t("doc.adding"))
    info = DocumentInfo.model_validate(pending["info"])
    try:
        info, result = await context.bot_data.write(context.services.add_document, staged, info, rename_if_taken=True)
    except DuplicateDocument as twin:
        await reply_text(update, context.t("doc.already_added", file=twin.twin.file, short=twin.twin.short))
        return
    except IndexBusyError as error:
        await reply_text(update, context.t("doc.not_added", error=str(error)))
        return
    except DOCUMENT_ERRORS as error:
        if await asyncio.to_thread(context.services.corpus_problem):
            await _corpus_refused(update, context, error)
        else:
            await reply_text(update, context.t("doc.not_added", error=document_error(error, context.lang)))
        return
    finally:
        shutil.rmtree(staged.parent, ignore_errors=True)
    entry = next(e for e in result.manifest.documents if e.file == info.file)  # add_document checked it
    date = info.date or context.t("doc.no_date")
    text = context.t(
        "doc.added",
        short=info.short,
        date=date,
        chunks=entry.chunks,
        sections=entry.sections,
        total=result.manifest.chunk_count,
    )
    await reply_text(update, text)


@maintainers_only
async def reindex(update: Update, context: Context) -> None:
    try:
        plan = await asyncio.to_thread(context.services.plan_update)
    except CorpusError as error:
        await _corpus_refused(update, context, error)
        return
    if not plan.has_work:
        await reply_text(update, context.t("reindex.up_to_date"))
        return
    buttons = keyboard(
        [
            (context.t("reindex.button_run"), ReindexButton(action="run").data),
            (context.t("button.cancel"), ReindexButton(action="cancel").data),
        ]
    )
    await reply_html(update, context.t("reindex.plan", plan=escape(plan.summary())), reply_markup=buttons)


@maintainers_only
async def reindex_chosen(update: Update, context: Context) -> None:
    query = update.callback_query
    if context.button.action == "cancel":
        await answer_query(query, context.t("button.cancelled"))
        await edit_text(query, context.t("reindex.cancelled"))
        return
    await answer_query(query, context.t("reindex.running"))
    try:
        result = await context.bot_data.write(context.services.update_index)
    except (CorpusError, IndexBusyError) as error:
        await _corpus_refused(update, context, error)
        return
    text = context.t(
        "reindex.done",
        seconds=f"{result.seconds:.1f}",
        embedded=result.embedded_chunks,
        reused=result.reused_chunks,
        total=result.manifest.chunk_count,
    )
    await reply_text(update, text)


@maintainers_only
async def remove(update: Update, context: Context) -> None:
    try:
        documents = await asyncio.to_thread(context.services.documents)
    except CorpusError as error:
        await _corpus_refused(update, context, error)
        return
    rows = [[(f"🗑 {doc.short}", RemoveButton(key=_doc_key(doc.file)).data)] for doc in documents]
    await reply_text(update, context.t("remove.which"), reply_markup=keyboard(*rows))


@maintainers_only
async def remove_chosen(update: Update, context: Context) -> None:
    """🗑 asks for confirmation; "Yes, remove it" removes the document and re-indexes."""
    query, key = update.callback_query, context.button.key
    try:
        documents = await asyncio.to_thread(context.services.documents)
    except CorpusError as error:
        await answer_query(query)
        await _corpus_refused(update, context, error)
        return
    document = next((doc for doc in documents if _doc_key(doc.file) == key), None)
    if document is None:
        await answer_query(query, context.t("remove.gone"), show_alert=True)
        return
    if isinstance(context.button, RemoveButton):
        buttons = keyboard(
            [
                (context.t("remove.button_yes"), RemoveConfirmButton(key=key).data),
                (context.t("remove.button_keep"), KeepButton().data),
            ]
        )
        await answer_query(query)
        text = context.t("remove.confirm", short=escape(document.short), file=escape(document.file))
        await reply_html(update, text, reply_markup=buttons)
        return
    await answer_query(query, context.t("remove.removing"))
    try:
        _, result = await context.bot_data.write(context.services.remove_document, document.file)
    except (CorpusError, IndexBusyError) as error:
        await _corpus_refused(update, context, error)
        return
    await reply_text(update, context.t("remove.done", short=document.short, total=result.manifest.chunk_count))


async def keep_document(update: Update, context: Context) -> None:
    await answer_query(update.callback_query, context.t("remove.kept_short"))
    await edit_text(update.callback_query, context.t("remove.kept"))


def handlers() -> list[BaseHandler]:
    return [
        MessageHandler(filters.Document.ALL & ADDRESSED, receive_document),  # in a group: only when addressed
        ButtonHandler(AddDocumentButton, confirm_document),
        CommandHandler("reindex", reindex),
        ButtonHandler(ReindexButton, reindex_chosen),
        CommandHandler("remove", remove),
        ButtonHandler((RemoveButton, RemoveConfirmButton), remove_chosen),
        ButtonHandler(KeepButton, keep_document),
    ]
