"""Numbers typed after a command (`/activity 27`, `/export 2025`, `--days 7`), read one way everywhere.

`str.isdigit()` says yes to "²" and "٣", which `int()` then refuses or reads as another number;
here a number is ASCII digits only, within the bounds the command accepts, or None.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"[0-9]{1,9}")

YEARS = (2000, 2100)  # report years, /export and /deadline
INVITATION_DAYS = (1, 365)  # how long an invitation code may stay valid
STATS_DAYS = (1, 3650)  # how far back `stats --days` looks
RESULTS = (1, 50)  # passages `search --k` shows
_ID = re.compile(r"[0-9]{1,16}")


def whole_number(text: str | None, low: int, high: int) -> int | None:
    """`text` as an integer in [low, high], or None when it is not one."""
    if text is None or _DIGITS.fullmatch(text.strip()) is None:
        return None
    number = int(text.strip())
    return number if low <= number <= high else None


def telegram_id(text: str | None) -> int | None:
    """A Telegram user id (a positive whole number of up to 16 ASCII digits), or None."""
    if text is None or _ID.fullmatch(text.strip()) is None:
        return None
    number = int(text.strip())
    return number if number > 0 else None
