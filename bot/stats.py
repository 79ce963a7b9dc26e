"""Usage statistics as text for maintainers (`migrantsbot stats`, `/stats`)."""

from __future__ import annotations

from bot.database import Stats


def stats_text(stats: Stats) -> str:
    if not stats.total:
        return "No questions yet."
    lines = [
        f"Questions: {stats.total}, answered {stats.answered_share:.0%}. Feedback: 👍 {stats.feedback_up} / 👎 {stats.feedback_down}",
        "",
        "Per day:",
        *(f"  {d.day}: {d.asked} asked, {d.answered} answered" for d in stats.per_day[-14:]),
        "",
        "Most asked:",
        *(f"  {n}× {q[:100]}" for q, n in stats.most_asked),
    ]
    if stats.unanswered:
        lines += ["", "Unanswered (documents may be missing):", *(f"  {n}× {q[:100]}" for q, n in stats.unanswered)]
    return "\n".join(lines)
