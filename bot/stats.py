"""Usage statistics as text for maintainers (`migrantsbot stats`, `/stats`)."""

from __future__ import annotations

from bot.database import Stats
from bot.handoffs import HandoffSummary
from bot.texts import t


def handoff_lines(summary: HandoffSummary, lang: str = "en") -> list[str]:
    """Why 👎, and the hand-offs to the Secretariat: how many are open (the oldest listed) and answered."""
    lines = []
    if summary.reasons:
        reasons = ", ".join(f"{t(lang, f'feedback.reason.{reason}')} {n}" for reason, n in summary.reasons.items())
        lines += [f"{t(lang, 'stats.reasons')} {reasons}"]
    lines.append(t(lang, "stats.handoffs", open=summary.open_count, answered=summary.answered))
    lines += [
        t(lang, "stats.open_handoff", id=number, date=created[:10], question=question[:100])
        for number, created, question in summary.open
    ]
    return lines


def stats_text(stats: Stats, lang: str = "en", handoffs: HandoffSummary | None = None) -> str:
    extra = ["", *handoff_lines(handoffs, lang)] if handoffs is not None else []
    if not stats.total:
        return "\n".join([t(lang, "stats.none"), *extra])
    share = f"{stats.answered_share * 100:.0f}{' %' if lang == 'fr' else '%'}"  # French spaces its %
    lines = [
        t(lang, "stats.summary", total=stats.total, share=share, up=stats.feedback_up, down=stats.feedback_down),
        *([t(lang, "stats.conversation", n=stats.conversation)] if stats.conversation else []),
        *([t(lang, "stats.console", n=stats.console)] if stats.console else []),
        "",
        t(lang, "stats.per_day"),
        *(t(lang, "stats.day", day=d.day, asked=d.asked, answered=d.answered) for d in stats.per_day[-14:]),
        "",
        t(lang, "stats.most_asked"),
        *(f"  {n}× {q[:100]}" for q, n in stats.most_asked),
    ]
    if stats.unanswered:
        lines += [
            "",
            t(lang, "stats.unanswered"),
            *(f"  {n}× {q[:100]}" for q, n in stats.unanswered),
            t(lang, "stats.curate_hint"),
        ]
    return "\n".join(lines + extra)
