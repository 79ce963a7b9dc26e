"""The composition root: builds the Telegram Application from settings and wires the handlers.

Everything Telegram meets here: persistence, the rate limiter, the typed context, the services
(built once in post_init, closed in post_shutdown), the command menu, the background jobs and
the handlers of every command family, in the one order that matters.

post_init first takes the data folder's bot lock (bot/instance.py): a second bot on the same
data refuses to start, saying which process runs. Nothing Telegram refuses at start-up (the
command menu) stops the bot: it is retried in the background.
"""

from __future__ import annotations

import asyncio
import logging
import time
from urllib.parse import urlparse

from filelock import FileLock
from telegram.error import NetworkError, RetryAfter
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ContextTypes,
)
from telegram.request import BaseRequest

from bot.config import Settings
from bot.instance import hold_instance
from bot.services import Services, build_services
from handlers import (
    admin,
    ask,
    browse,
    chats,
    curated,
    digest,
    documents,
    errors,
    feedback,
    focal,
    inline,
    jobs,
    report,
    review,
    start,
)
from handlers.context import BotData, Context
from handlers.ordering import PerUserUpdateProcessor
from handlers.persistence import SQLitePersistence

logger = logging.getLogger(__name__)


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    services: Services | None = None,
    rate_limiter: bool = True,
    instance: FileLock | None = None,
) -> Application:
    """One factory for production and tests: tests pass a recording request and ready services;
    `instance` is the data folder's bot lock when the caller took it already (`migrantsbot run`)."""
    if settings.telegram_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")

    async def post_init(application: Application) -> None:
        # AlreadyRunning (another bot on this data folder) stops the start here, before any work.
        application.bot_data.instance = instance or await asyncio.to_thread(hold_instance, settings.data_dir)
        ready = services if services is not None else await asyncio.to_thread(build_services, settings)
        application.bot_data.services = ready
        jobs.start_publisher(application)
        jobs.schedule(application)
        digest.schedule(application)
        await jobs.after_start(application)

    async def post_shutdown(application: Application) -> None:
        data = application.bot_data
        if data.publisher is not None:
            await asyncio.to_thread(data.publisher.close)
        if data.services is not None and services is None:  # services passed in belong to the caller
            data.services.close()
        data.writer.shutdown(wait=False, cancel_futures=True)
        if data.instance is not None and instance is None:  # a lock passed in is the caller's to release
            data.instance.release()
            data.instance = None

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    errors.redact_library_logs()  # PTB's own log lines must not print a user's update either
    # Conversations and drafts survive a restart, in the database; bot_data holds live services, not stored.
    persistence = SQLitePersistence(settings)
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_token.get_secret_value())
        .context_types(ContextTypes(context=Context, bot_data=BotData))
        # One slow question must not hold up other users, but one user's updates go in order.
        .concurrent_updates(PerUserUpdateProcessor())
        .persistence(persistence)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if rate_limiter:  # Telegram's flood limits (30 messages/s overall, 20/min per group), with retries
        builder = builder.rate_limiter(AIORateLimiter(max_retries=2))
    if settings.telegram_api_base_url:
        builder = builder.base_url(settings.telegram_api_base_url)
    if settings.telegram_api_file_url:
        builder = builder.base_file_url(settings.telegram_api_file_url)
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application = builder.build()

    # Order matters. Channel posts and edits are dropped first (group -2); replies to the bot's
    # hand-off and comment messages are routed next, in a group of their own (-1); then feature
    # handlers; catch-alls (unknown command, non-text, stale button) last. The report conversation
    # comes before `ask`, whose catch-all text handler would take its answers.
    application.add_handlers(chats.handlers(), group=chats.GROUP)
    application.add_handlers(feedback.reply_handlers(), group=feedback.REPLIES_GROUP)
    for feature in (start, browse, admin, curated, digest, review, documents, focal, report, feedback, inline, ask):
        application.add_handlers(feature.handlers())
    application.add_handlers(errors.handlers())
    application.add_error_handler(errors.error_handler)
    return application


START_RETRY_SECONDS = (5, 300)  # Telegram unreachable at start-up: first wait, longest wait


def run_bot(
    settings: Settings,
    services: Services | None = None,
    *,
    instance: FileLock | None = None,
    request: BaseRequest | None = None,
) -> None:
    """Serve Telegram until stopped; `services` built by the caller (who says how the start went).

    A start Telegram does not answer (getMe or deleteWebhook: a 5xx, a time-out, no network) is
    tried again, waiting longer each time, instead of ending the process; errors once running are
    the error handler's."""
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines contain the bot token
    wait, longest = START_RETRY_SECONDS
    while True:
        application = build_application(settings, services=services, instance=instance, request=request)
        try:
            _serve(application, settings)
            return
        except (NetworkError, RetryAfter) as error:  # TimedOut is a NetworkError
            if application.running:
                raise
            logger.warning("Telegram did not answer at start-up (%s); trying again in %d s", error, wait)
            time.sleep(wait)
            wait = min(wait * 2, longest)


def _serve(application: Application, settings: Settings) -> None:
    # close_loop=False: a start that failed is tried again on the same event loop
    if settings.telegram_webhook_url:
        secret = settings.telegram_webhook_secret.get_secret_value() if settings.telegram_webhook_secret else None
        application.run_webhook(
            listen=settings.telegram_webhook_listen,
            port=settings.telegram_webhook_port,
            url_path=urlparse(settings.telegram_webhook_url).path.lstrip("/"),
            webhook_url=settings.telegram_webhook_url,
            secret_token=secret,
            bootstrap_retries=-1,
            close_loop=False,
        )
    else:
        application.run_polling(bootstrap_retries=-1, close_loop=False)
