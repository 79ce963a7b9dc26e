"""migrantsbot's Telegram-free core: configuration, services, database, answering, focal points'
reporting, the string table, the CLI and the console chat. Nothing here imports Telegram; the
Telegram side is `handlers/`."""

__version__ = "0.1.0"
