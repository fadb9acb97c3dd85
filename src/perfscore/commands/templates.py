"""``perfscore templates`` and ``perfscore init --template NAME FILE`` (:mod:`perfscore.templates`)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import EXIT_OK
from ..templates import t
from ._options import LangOption


def templates(lang: LangOption = None) -> int:
    """列出指标体系模板 / list the indicator-system templates for perfscore init."""
    from ..templates import templates as known_templates

    known = known_templates()
    width = max(len(name) for name in known)
    for item in known.values():
        typer.echo(f"{item.name.ljust(width)}  {item.description}")
    return EXIT_OK


def init(
    file: Annotated[
        str, typer.Argument(help="要写出的新评价文件；- 为标准输出 / the new file.", metavar="FILE")
    ],
    template_name: Annotated[
        str,
        typer.Option(
            "--template",
            "-t",
            metavar="NAME",
            help="模板名称（见 perfscore templates）/ template name (see perfscore templates).",
        ),
    ],
    lang: LangOption = None,
) -> int:
    """从模板新建评价文件（不覆盖已有文件）/ start a new evaluation from a template."""
    from ..templates import write_template

    chosen = write_template(template_name, file)
    if file != "-":
        typer.echo(t("template_written", path=file, name=chosen.name))
    return EXIT_OK
