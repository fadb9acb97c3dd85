"""``perfscore schema``: the JSON Schema of evaluation files (docs/format.md §1)."""

from __future__ import annotations

from ..errors import EXIT_OK
from ._options import LangOption


def schema(lang: LangOption = None) -> int:
    """打印评价文件的 JSON Schema / print the JSON Schema of evaluation files."""
    import typer

    from ..schema import schema_text

    typer.echo(schema_text(), nl=False)
    return EXIT_OK
