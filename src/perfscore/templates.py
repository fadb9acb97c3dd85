"""``perfscore templates`` and ``perfscore init --template NAME FILE``: reusable indicator systems.

The templates are the YAML files of the top-level ``indicators/`` folder. An
installed perfscore ships them as the package data of ``perfscore.indicators``
(pyproject.toml maps that package onto ``indicators/``, so there is one copy of
each file); a source checkout without that mapping installed reads the folder
directly. Each template's first comment line is its Chinese one-line
description, its second the English one.

``init`` copies a template as it is, comments included, and never overwrites
an existing file (it creates the file exclusively: of several runs racing for
one name, exactly one writes it). Its placeholders are ``~`` (empty) values, which
``perfscore validate`` rejects line by line until they are filled.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from .errors import Problem, UsageError
from .messages import Messages, language

SUFFIX = ".yaml"

MESSAGES = Messages(
    {
        "template_unknown": (
            "没有名为“{name}”的模板（可用：{known}）；perfscore templates 列出全部模板",
            "no template named '{name}' (known: {known}); perfscore templates lists them",
        ),
        "template_written": (
            "已写出 {path}（模板 {name}）。把每个 ~ 换成实际内容后运行：perfscore validate {path}",
            "Wrote {path} (template {name}). Replace every ~ with your values, then run: "
            "perfscore validate {path}",
        ),
    }
)
t = MESSAGES.t


@dataclass(frozen=True)
class Template:
    """One indicator system: its name (the file's stem), descriptions and YAML text."""

    name: str
    description_zh: str
    description_en: str
    text: str

    @property
    def description(self) -> str:
        return self.description_en if language() == "en" else self.description_zh


def template_folder() -> Traversable:
    """Where the templates are: the installed package data, else the checkout's indicators/."""
    try:
        return resources.files("perfscore.indicators")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "indicators"


def _description(lines: list[str], index: int) -> str:
    line = lines[index] if index < len(lines) else ""
    return line.lstrip("#").strip() if line.startswith("#") else ""


def templates() -> dict[str, Template]:
    """Every template by name, in name order."""
    found: dict[str, Template] = {}
    entries = sorted(template_folder().iterdir(), key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_file() and entry.name.endswith(SUFFIX):
            text = entry.read_text(encoding="utf-8")
            lines = text.splitlines()
            name = entry.name[: -len(SUFFIX)]
            found[name] = Template(name, _description(lines, 0), _description(lines, 1), text)
    return found


def template(name: str) -> Template:
    """The template ``name``; UsageError naming the known ones if there is none."""
    known = templates()
    if name not in known:
        raise UsageError(Problem(t("template_unknown", name=name, known=", ".join(known))))
    return known[name]


def write_template(name: str, path: str) -> Template:
    """Write template ``name`` to ``path`` (``-``: standard output), never over an existing
    file: created exclusively, so a file that appears meanwhile (another ``init``) is kept."""
    from .output import write_output

    chosen = template(name)
    write_output(path, chosen.text, exclusive=True)
    return chosen
