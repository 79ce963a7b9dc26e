"""Usage statistics as text for maintainers (`migrantsbot stats`, `/stats`)."""

from __future__ import annotations

from bot.database import Stats
from bot.texts import t


def stats_text(stats: Stats, lang: str = "en") -> str:
    if not stats.total:
        return t(lang, "stats.none")
    share = f"{stats.answered_share * 100:.0f}{' %' if lang == 'fr' else '%'}"  # French spaces its %
    lines = [
        t(lang, "stats.summary", total=stats.total, share=share, up=stats.feedback_up, down=stats.feedback_down),
        "",
        t(lang, "stats.per_day"),
        *(t(lang, "stats.day", day=d.day, asked=d.asked, answered=d.answered) for d in stats.per_day[-14:]),
        "",
        t(lang, "stats.most_asked"),
        *(f"  {n}× {q[:100]}" for q, n in stats.most_asked),
    ]
    if stats.unanswered:
        lines += ["", t(lang, "stats.unanswered"), *(f"  {n}× {q[:100]}" for q, n in stats.unanswered)]
    return "\n".join(lines)
