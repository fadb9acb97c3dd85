"""Every sentence a module asks for exists in its own table, in both languages."""

from __future__ import annotations

import ast
import importlib

import pytest

from perfscore.messages import Messages

from .test_imports import MODULES, SRC


def _literal_keys(module: str) -> list[tuple[int, str]]:
    """(line, key) of every t("literal") call in the module's source."""
    path = SRC.joinpath(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.args[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "t"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]


@pytest.mark.parametrize("module", MODULES)
def test_every_key_a_module_uses_is_in_its_table(module):
    """t("key") in a module resolves in the Messages table that module's t belongs to."""
    keys = _literal_keys(module)
    if not keys:
        return
    imported = importlib.import_module(module)
    table = getattr(imported.t, "__self__", None)
    assert isinstance(table, Messages), f"{module}.t is not a Messages table's t"
    missing = [(line, key) for line, key in keys if key not in table]
    assert missing == []


# Sentences whose languages differ on purpose: the Chinese result line is worded as the
# published reports word it ("绩效评价得分：78.49 分"), which does not name the base.
PLACEHOLDERS_DIFFER = {"rpt_result_line"}


def test_every_sentence_has_both_languages():
    """No table has an empty Chinese or English sentence, and placeholders agree."""
    import string

    for module in MODULES:
        table = getattr(importlib.import_module(module), "MESSAGES", None)
        if not isinstance(table, Messages):
            continue
        for key, (zh, en) in table.entries.items():
            assert zh.strip() and en.strip(), (module, key)
            fields = [
                {name for _, name, _, _ in string.Formatter().parse(text) if name}
                for text in (zh, en)
            ]
            assert fields[0] == fields[1] or key in PLACEHOLDERS_DIFFER, (module, key)
