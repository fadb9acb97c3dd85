"""Reading evaluation files: bytes → text (:mod:`.text`, the reading gate), then
YAML → values that remember their lines (:mod:`.yaml`, into the types of :mod:`.values`).
"""

from .text import MAX_FILE_BYTES, decode, read_text
from .values import NumberLike, YList, YMap
from .yaml import (
    MAX_ALIAS_CHARS,
    MAX_ALIAS_VALUES,
    MAX_DEPTH,
    MAX_SCALAR_CHARS,
    MAX_VALUES,
    load_yaml,
    parse,
    plain_scalar,
)

__all__ = [
    "MAX_ALIAS_CHARS",
    "MAX_ALIAS_VALUES",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_SCALAR_CHARS",
    "MAX_VALUES",
    "NumberLike",
    "YList",
    "YMap",
    "decode",
    "load_yaml",
    "parse",
    "plain_scalar",
    "read_text",
]
