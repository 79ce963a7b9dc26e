"""Maintainers add, re-index and remove documents from the chat, without stopping the bot.

A document sent by a maintainer is downloaded, checked (type, size, text), shown with the
metadata found in it, and added only after the maintainer confirms. The caption may correct the
metadata: `title: …; short: …; date: 2020-05-01; kind: resolution; symbol: AG/RES. …`.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import shutil
import uuid
from html import escape
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.documents import prepare_document
from handlers.common import Context, is_maintainer, reply_html, services_of, user_lang
from index.corpus import CorpusError, DocumentInfo, add_document, load_manifest, remove_document
from index.extract import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, ExtractionError
from index.store import plan_update

logger = logging.getLogger(__name__)

ONLY_MAINTAINERS = {
    "en": "Thank you! Only the assistant's maintainers can add documents. If this document should be "
    "in the collection, please send it to the OAS Secretariat.",
    "es": "¡Gracias! Solo los responsables del asistente pueden añadir documentos. Si este documento debe "
    "estar en la colección, envíelo a la Secretaría de la OEA.",
}
_CAPTION_FIELD = re.compile(r"(title|short|date|kind|symbol)\s*[:=]\s*([^;\n]+)", re.IGNORECASE)


def parse_caption(caption: str | None) -> dict[str, str]:
    return {key.lower(): value.strip() for key, value in _CAPTION_FIELD.findall(caption or "")}


def _doc_key(file: str) -> str:
    """Callback data is limited to 64 bytes: refer to documents by a short hash of their name."""
    return hashlib.sha1(file.encode(), usedforsecurity=False).hexdigest()[:12]


async def _refuse(update: Update, context: Context) -> bool:
    if is_maintainer(update, context):
        return False
    await reply_html(update, escape(ONLY_MAINTAINERS[user_lang(update, context)]))
    return True


async def receive_document(update: Update, context: Context) -> None:
    if await _refuse(update, context):
        return
    services = services_of(context)
    document = update.effective_message.document
    name = document.file_name or "document"
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        await reply_html(update, escape(f"{name}: unsupported file type. Send PDF, DOCX, TXT or Markdown."))
        return
    if document.file_size and document.file_size > MAX_FILE_BYTES:
        await reply_html(
            update, escape(f"{name} is {document.file_size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB.")
        )
        return
    staging = services.settings.data_dir / "uploads" / uuid.uuid4().hex
    staging.mkdir(parents=True)
    local = staging / f"upload{suffix}"
    try:
        telegram_file = await document.get_file()
        await telegram_file.download_to_drive(local)
    except TelegramError as error:
        shutil.rmtree(staging, ignore_errors=True)
        await reply_html(update, escape(f"I could not download {name} ({error.message}). Please send it again."))
        return
    overrides = parse_caption(update.effective_message.caption)
    try:
        info, text = await asyncio.to_thread(
            prepare_document,
            local,
            services.settings.corpus_dir,
            original_name=name,
            title=overrides.get("title"),
            short=overrides.get("short"),
            date=overrides.get("date"),
            kind=overrides.get("kind"),
            symbols=[overrides["symbol"]] if "symbol" in overrides else None,
        )
    except (ExtractionError, CorpusError, ValueError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        await reply_html(update, escape(f"Not added: {error}"))
        return
    context.user_data["pending_document"] = {"path": str(local), "info": info.model_dump(mode="json")}
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("✅ Add", callback_data="doc:add"),
                InlineKeyboardButton("✖ Cancel", callback_data="doc:cancel"),
            ]
        ]
    )
    summary = (
        f"<b>{escape(name)}</b>: {len(text):,} characters of text.\n"
        f"Title: {escape(info.title)}\nShort name: {escape(info.short)}\n"
        f"Date: {escape(str(info.date or 'not found'))}\nKind: {escape(info.kind)}\n"
        f"Symbols: {escape(', '.join(info.symbols) or 'none found')}\nFile: {escape(info.file)}\n\n"
        "To correct, send the file again with a caption such as "
        "<code>title: …; date: 2020-05-01; kind: resolution</code>."
    )
    await reply_html(update, summary, reply_markup=keyboard)


async def confirm_document(update: Update, context: Context) -> None:
    query = update.callback_query
    pending = context.user_data.pop("pending_document", None)
    if not is_maintainer(update, context) or pending is None:
        await query.answer("Nothing to add: send the document again.", show_alert=True)
        return
    staged = Path(pending["path"])
    if query.data == "doc:cancel":
        shutil.rmtree(staged.parent, ignore_errors=True)
        await query.answer("Cancelled")
        await query.edit_message_text("Cancelled: nothing was added.")
        return
    await query.answer("Adding…")
    services = services_of(context)
    info = DocumentInfo.model_validate(pending["info"])
    try:
        await asyncio.to_thread(add_document, services.settings.corpus_dir, staged, info)
        result = await asyncio.to_thread(services.update_index)
    except (CorpusError, ExtractionError) as error:
        await reply_html(update, escape(f"Not added: {error}"))
        return
    finally:
        shutil.rmtree(staged.parent, ignore_errors=True)
    entry = next((e for e in result.manifest.documents if e.file == info.file), None)
    chunks, sections = (entry.chunks, entry.sections) if entry else (0, 0)
    await reply_html(
        update,
        escape(
            f"Added {info.short} ({info.date or 'no date'}): {chunks} passages in {sections} sections. "
            f"It is searchable now; {result.manifest.chunk_count} passages in all."
        ),
    )


async def reindex(update: Update, context: Context) -> None:
    if await _refuse(update, context):
        return
    services = services_of(context)
    plan = await asyncio.to_thread(
        plan_update, services.settings.source_dirs, services.settings.index_dir, services.searcher.encoder
    )
    if not plan.has_work:
        await reply_html(update, "The index is up to date: nothing to do.")
        return
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("▶ Re-index", callback_data="reidx:run"),
                InlineKeyboardButton("✖ Cancel", callback_data="reidx:cancel"),
            ]
        ]
    )
    await reply_html(update, f"<b>Re-index will do:</b>\n{escape(plan.summary())}", reply_markup=keyboard)


async def reindex_chosen(update: Update, context: Context) -> None:
    query = update.callback_query
    if not is_maintainer(update, context):
        await query.answer("Only maintainers can re-index.", show_alert=True)
        return
    if query.data == "reidx:cancel":
        await query.answer("Cancelled")
        await query.edit_message_text("Cancelled: the index is unchanged.")
        return
    await query.answer("Re-indexing…")
    result = await asyncio.to_thread(services_of(context).update_index)
    await reply_html(
        update,
        escape(
            f"Done in {result.seconds:.1f} s: embedded {result.embedded_chunks} passages, reused {result.reused_chunks}; "
            f"{result.manifest.chunk_count} passages now serve."
        ),
    )


async def remove(update: Update, context: Context) -> None:
    if await _refuse(update, context):
        return
    documents = load_manifest(services_of(context).settings.corpus_dir)
    rows = [[InlineKeyboardButton(f"🗑 {doc.short}", callback_data=f"rm:{_doc_key(doc.file)}")] for doc in documents]
    await reply_html(update, "Which document should be removed?", reply_markup=InlineKeyboardMarkup(rows))


def _document_for_key(context: Context, key: str):
    documents = load_manifest(services_of(context).settings.corpus_dir)
    return next((doc for doc in documents if _doc_key(doc.file) == key), None)


async def remove_chosen(update: Update, context: Context) -> None:
    query = update.callback_query
    if not is_maintainer(update, context):
        await query.answer("Only maintainers can remove documents.", show_alert=True)
        return
    action, _, key = (query.data or "").partition(":")
    document = _document_for_key(context, key)
    if document is None:
        await query.answer("That document is no longer in the corpus.", show_alert=True)
        return
    if action == "rm":
        keyboard = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton("Yes, remove it", callback_data=f"rmyes:{key}"),
                    InlineKeyboardButton("Keep it", callback_data="rmno:"),
                ]
            ]
        )
        await query.answer()
        await reply_html(
            update,
            f"Remove <b>{escape(document.short)}</b> ({escape(document.file)}) from the corpus and the index?",
            reply_markup=keyboard,
        )
        return
    await query.answer("Removing…")
    services = services_of(context)
    await asyncio.to_thread(remove_document, services.settings.corpus_dir, document.file)
    result = await asyncio.to_thread(services.update_index)
    await reply_html(update, escape(f"Removed {document.short}; {result.manifest.chunk_count} passages now serve."))


async def keep_document(update: Update, context: Context) -> None:
    await update.callback_query.answer("Kept")
    await update.callback_query.edit_message_text("Nothing was removed.")


async def watch_index(services_getter, interval: float = 2.0) -> None:
    """Serve a new index version as soon as one is published (by the CLI or another process)."""
    while True:
        await asyncio.sleep(interval)
        services = services_getter()
        if services is None:
            continue
        try:
            await asyncio.to_thread(services.refresh)
        except Exception:  # a broken new version: keep serving the old one, say why in the log
            logger.exception("Could not load the new index version; still serving %s", services.version)


def handlers() -> list[BaseHandler]:
    return [
        MessageHandler(filters.Document.ALL, receive_document),
        CallbackQueryHandler(confirm_document, pattern=r"^doc:(add|cancel)$"),
        CommandHandler("reindex", reindex),
        CallbackQueryHandler(reindex_chosen, pattern=r"^reidx:"),
        CommandHandler("remove", remove),
        CallbackQueryHandler(remove_chosen, pattern=r"^(rm|rmyes):"),
        CallbackQueryHandler(keep_document, pattern=r"^rmno:"),
    ]
