"""The options several commands share, declared once.

Every command takes ``--lang`` (also accepted before the command name, and from
``PERFSCORE_LANG``); the commands that write JSON take ``--json`` with one
meaning (``-`` is standard output, and nothing else goes there then); the batch
commands take ``PATH...`` and ``--jobs``.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


class Lang(str, Enum):
    zh = "zh"
    en = "en"


def _set_lang(lang: Lang | None) -> Lang | None:
    # A callback, so that the language is set while the options are parsed and
    # before the command runs (a later usage error is then in that language too).
    if lang is not None:
        from ..messages import set_language

        set_language(lang.value)
    return lang


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="语言 / language: zh (默认 default) or en; 或环境变量 PERFSCORE_LANG.",
        envvar="PERFSCORE_LANG",
        callback=_set_lang,
        show_default=False,
    ),
]
FilesArgument = Annotated[
    list[str],
    typer.Argument(help="评价文件 (YAML) / evaluation files.", metavar="FILE..."),
]
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="评价文件、自评表或文件夹（递归查找 *.yaml、*.yml、*.xlsx、*.xls、*.ods、*.pdf）/ "
        "files, sheets, or folders searched recursively.",
        metavar="PATH...",
    ),
]
JsonOption = Annotated[
    str | None,
    typer.Option(
        "--json",
        metavar="PATH",
        help="写出 JSON（docs/format.md §2）；- 为标准输出 / write JSON; - for standard output.",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="并行进程数（默认：CPU 核数）/ worker processes (default: the cores).",
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="不使用结果缓存（或环境变量 PERFSCORE_NO_CACHE=1）/ "
        "do not use the result cache (or PERFSCORE_NO_CACHE=1).",
    ),
]
