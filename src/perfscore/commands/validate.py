"""``perfscore validate FILE...``: perfscore's checks and the JSON Schema, nothing scored."""

from __future__ import annotations

from ..errors import EXIT_INPUT, EXIT_OK, PerfscoreError
from ._options import FilesArgument, LangOption


def validate_file(file: str) -> None:
    """Raise :class:`~perfscore.errors.InputError` listing what is wrong with ``file``."""
    from ..load import load_yaml
    from ..schema import schema_problems
    from ..validation import build_evaluation

    raw = load_yaml(file)
    build_evaluation(raw, file)
    schema_problems(raw, file)


def validate(files: FilesArgument, lang: LangOption = None) -> int:
    """检查：只做格式（JSON Schema）与算术检查 / check files against the schema and arithmetic."""
    import typer

    from ..render.console import report_error

    failed = False
    for file in files:
        try:
            validate_file(file)
        except PerfscoreError as error:
            report_error(error)
            failed = True
            continue
        typer.echo(f"{file}: OK")
    return EXIT_INPUT if failed else EXIT_OK
