"""Every inline button's value, as a typed model: parsed and validated once, by its prefix.

A button's callback data comes back from the user's client, which anyone can forge
(`ref:activity foo<b>`, `kind:bogus`, `rpwd:99999`). So every button of the bot is one of the
models below: `.data` writes the value (prefix, then the fields in order, joined by ":"), and
`parse_button` reads it back — the prefix picks the model, pydantic checks each field (type,
range, allowed values) and the value must be written exactly as `.data` would write it, so no
variant slips through. A `ButtonHandler` takes a button only when it parses to its model and
hands the model to the callback as `context.button`; anything else falls through to the
catch-all in handlers/errors.py, which answers with the stale-button text in the user's
language. What a valid value may do *now* (is the report still the user's, is the activity one
of the buttons offered) is the handler's check, with the same friendly answer.

    ButtonHandler(KindButton, kind_chosen)       # context.button.kind is one of REPORT_KINDS
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot.handoffs import Reason
from bot.reporting.reports import ProgramRef, ReportKind

CALLBACK_DATA_LIMIT = 64  # bytes, Telegram's limit
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
Key = Annotated[str, Field(pattern=r"^[0-9a-f]{12}$")]  # a document's short hash (handlers/documents.py)
UploadId = Annotated[str, Field(pattern=r"^[0-9a-f]{16}$")]


class Button(BaseModel):
    """A button value: PREFIX, then the model's fields in order."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    PREFIX: ClassVar[str]
    registry: ClassVar[dict[str, type[Button]]] = {}

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if cls.PREFIX in Button.registry:
            raise ValueError(f"two button models use the prefix {cls.PREFIX!r}")
        Button.registry[cls.PREFIX] = cls

    @property
    def data(self) -> str:
        values = [str(getattr(self, name)) for name in type(self).model_fields]
        data = ":".join([self.PREFIX, *values])
        if len(data.encode()) > CALLBACK_DATA_LIMIT:
            raise ValueError(f"callback data over {CALLBACK_DATA_LIMIT} bytes: {data!r}")
        return data


def parse_button(data: object) -> Button | None:
    """The button `data` encodes, or None when it is not one this bot writes."""
    if not isinstance(data, str) or len(data.encode()) > CALLBACK_DATA_LIMIT:
        return None
    prefix, *values = data.split(":")
    model = Button.registry.get(prefix)
    if model is None or len(values) != len(model.model_fields):
        return None
    try:
        button = model.model_validate(dict(zip(model.model_fields, values, strict=True)))
    except ValidationError:
        return None
    return button if button.data == data else None  # one spelling only: no "015", " 15", "+15"


class ButtonHandler(CallbackQueryHandler):
    """A CallbackQueryHandler for buttons of the given model(s); the parsed model is `context.button`."""

    def __init__(self, models: type[Button] | tuple[type[Button], ...], callback, **kwargs) -> None:
        super().__init__(callback, **kwargs)
        self.models = models

    def check_update(self, update: object) -> Button | None:
        if not isinstance(update, Update) or update.callback_query is None:
            return None
        button = parse_button(update.callback_query.data)
        return button if isinstance(button, self.models) else None

    def collect_additional_context(self, context, update: Update, application: Application, check_result) -> None:
        context.button = check_result


# -- questions (handlers/ask.py) ------------------------------------------------------------------


class PassageButton(Button):
    PREFIX = "psg"
    question: Id
    n: Annotated[int, Field(ge=1, le=20)]


class PageButton(Button):
    """◀ ▶ under a long answer: which page of it to show (0-based)."""

    PREFIX = "pg"
    question: Id
    page: Annotated[int, Field(ge=0, le=99)]


class FeedbackButton(Button):
    PREFIX = "fb"
    question: Id
    value: Literal[1, -1]

    @field_validator("value", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        """Callback data is text; the Literal is of numbers."""
        return (
            int(value)
            if isinstance(value, str) and value.removeprefix("-").isascii() and value.lstrip("-").isdigit()
            else value
        )


class FeedbackReasonButton(Button):
    """What was wrong with an answer after 👎 (handlers/feedback.py)."""

    PREFIX = "fbr"
    question: Id
    reason: Reason


class HandoffButton(Button):
    """🙋 Ask the Secretariat about this question (handlers/feedback.py)."""

    PREFIX = "hand"
    question: Id


# -- browsing, language (handlers/browse.py, handlers/start.py) ----------------------------------


class ActorButton(Button):
    PREFIX = "acts"
    actor: Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-]{1,20}$")]


class LanguageButton(Button):
    PREFIX = "lang"
    lang: Literal["en", "es", "fr", "pt"]  # bot.texts.LANGUAGES (tests/test_callbacks.py checks)


# -- maintainers (handlers/admin.py, handlers/documents.py) ---------------------------------------


class RevokeButton(Button):
    PREFIX = "fprev"
    telegram_id: Id


class AddDocumentButton(Button):
    PREFIX = "doc"
    action: Literal["add", "cancel"]
    upload: UploadId


class ReindexButton(Button):
    PREFIX = "reidx"
    action: Literal["run", "cancel"]


class RemoveButton(Button):
    PREFIX = "rm"
    key: Key


class RemoveConfirmButton(Button):
    PREFIX = "rmyes"
    key: Key


class KeepButton(Button):
    PREFIX = "rmno"


# -- focal points (handlers/focal.py, handlers/report.py) ----------------------------------------


class EditReportButton(Button):
    PREFIX = "rpedit"
    report: Id


class WithdrawButton(Button):
    PREFIX = "rpwd"
    report: Id


class WithdrawConfirmButton(Button):
    PREFIX = "rpwdyes"
    report: Id


class RefButton(Button):
    """A Program reference offered in /report: "activity 15", "specific objective 8", "other", or
    "objectives" (the list of objectives, one step deeper)."""

    PREFIX = "ref"
    target: Annotated[str, Field(pattern=r"^(objectives|other|(activity|specific objective) [1-9][0-9]{0,2})$")]

    @property
    def program_ref(self) -> ProgramRef | None:
        return None if self.target == "objectives" else ProgramRef.parse(self.target)

    @classmethod
    def of(cls, ref: ProgramRef) -> RefButton:
        return cls(target=ref.key)


class KindButton(Button):
    PREFIX = "kind"
    kind: ReportKind


class SubmitButton(Button):
    PREFIX = "rsub"


class EditMenuButton(Button):
    PREFIX = "redit"


class CancelReportButton(Button):
    PREFIX = "rcancel"


class FieldButton(Button):
    PREFIX = "rfield"
    field: Literal["ref", "kind", "period", "description", "link"]


REPORT_BUTTONS = (RefButton, KindButton, SubmitButton, EditMenuButton, CancelReportButton, FieldButton)


# -- the Secretariat: curated answers, the digest, review (handlers/curated.py, digest.py, review.py) --


class CurateHandoffButton(Button):
    """⭐ under a delivered hand-off reply: save that reply (a `handoff_messages` row) as the curated answer."""

    PREFIX = "cuho"
    message: Id


class CurateQuestionButton(Button):
    """✍ on a logged question (from /curate or the digest): write the curated answer for it."""

    PREFIX = "cuq"
    question: Id


class CuratedEditButton(Button):
    PREFIX = "cued"
    curated: Id


class CuratedRetireButton(Button):
    PREFIX = "curet"
    curated: Id


class OpenHandoffButton(Button):
    """A hand-off listed in the digest: show it again, to reply to."""

    PREFIX = "dho"
    handoff: Id


class ApproveButton(Button):
    """✅ on a report in /review: the decision is on that version only."""

    PREFIX = "rvok"
    report: Id
    version: Annotated[int, Field(ge=1, le=10_000)]


class ReturnButton(Button):
    """↩ on a report in /review: asks for the comment (a reply), then returns that version."""

    PREFIX = "rvret"
    report: Id
    version: Annotated[int, Field(ge=1, le=10_000)]
