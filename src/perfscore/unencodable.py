"""Text that cannot be encoded: shown with U+FFFD (or "?"), never an error.

Lone surrogates (the undecodable bytes of a file name, as Python keeps them) and
characters a terminal's encoding lacks (latin-1, ASCII, GBK) are replaced by the
``REPLACE`` error handler, which the standard streams (render/console.py) and the
writing gate (output.py) both use. Its own module, small: every run prepares its
streams, and only a run that writes a file needs the writing gate.
"""

from __future__ import annotations

import codecs
import re
from functools import cache


def _replace_unencodable(exc: UnicodeError) -> tuple[str | bytes, int]:
    """Codec error handler: U+FFFD where the encoding has it, else "?" (one per character).

    The mark is returned encoded: CPython's UTF-8 encoder takes only ASCII text
    from an error handler, and bytes from any.
    """
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    count = exc.end - exc.start
    encoding = exc.encoding.lower().replace("_", "-")
    if encoding.startswith(("utf-16", "utf-32")):  # the mark would carry a BOM
        return "?" * count, exc.end
    try:
        return "\ufffd".encode(exc.encoding) * count, exc.end
    except (UnicodeError, LookupError):
        return "?" * count, exc.end


# The name streams and files use for "replace what cannot be shown": lone surrogates (the
# undecodable bytes of a file name) and characters the terminal's encoding lacks.
REPLACE = "perfscore.replace"
codecs.register_error(REPLACE, _replace_unencodable)


def encode(data: str | bytes) -> bytes:
    """UTF-8 bytes of ``data``; a lone surrogate becomes U+FFFD instead of an error."""
    if isinstance(data, bytes):
        return data
    return data.encode("utf-8", REPLACE)


@cache
def _surrogates() -> re.Pattern[str]:
    """Lone surrogates; compiled when a message first needs it (0.4 ms, at every start)."""
    return re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with the undecodable bytes of a file name (lone surrogates) shown as U+FFFD."""
    return _surrogates().sub("\ufffd", text)
