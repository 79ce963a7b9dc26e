"""migrantsbot: the Telegram assistant of the OAS Inter-American Program on the human rights of migrants."""

__version__ = "0.1.0"
