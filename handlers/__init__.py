"""Everything Telegram: the Application factory (app), the typed context, role guards, background
jobs, and one module per command family, each thin over the plain functions of `bot/`."""
