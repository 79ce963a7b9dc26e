"""`python -m bot.cli …`, the same as the `migrantsbot` script."""

import sys

from bot.cli import main

sys.exit(main())
