"""The salt of user hashes: configured, or random and kept beside the database.

User ids are stored and logged as salted hashes (`Store.user_hash`). A salt written in the source
code would let anyone who reads it reverse a hash by trying every Telegram id (under a second);
a random one made at the first start and kept in `data/` cannot be guessed.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

SALT_FILE = "hash_salt"


def hash_salt(settings) -> tuple[str, bool]:
    """MIGRANTSBOT_HASH_SALT, else the one made at the first start and kept in `data/hash_salt`
    (readable by the bot's user only); True when this call made it."""
    if settings.hash_salt is not None and settings.hash_salt.get_secret_value():
        return settings.hash_salt.get_secret_value(), False
    path = Path(settings.data_dir) / SALT_FILE
    if path.is_file() and path.read_text(encoding="utf-8").strip():
        return path.read_text(encoding="utf-8").strip(), False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".hash_salt.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:  # mkstemp makes it 0600
        out.write(secrets.token_hex(32) + "\n")
    try:
        os.link(temporary, path)  # atomic, and never over a salt another process just made
        made = True
    except FileExistsError:
        made = False
    finally:
        os.unlink(temporary)
    return path.read_text(encoding="utf-8").strip(), made
