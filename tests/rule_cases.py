"""A one-leaf evaluation for rule tests: the leaf starts on line 4, its rule on line 6."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

ONE_LEAF = """\
perfscore: 1
project: {{name: 测试}}
indicators:
  - name: 指标
    points: {points}
    rule: {rule}
{body}
"""


def one_leaf(rule: str, body: str, points: str = "5") -> str:
    """The YAML of one leaf scored by ``rule``; ``body`` lines start on line 7. The file's
    base (``points:`` at the end) is the leaf's points, when they are a number."""
    text = ONE_LEAF.format(rule=rule, body=body, points=points)
    try:
        base = Decimal(points)
    except InvalidOperation:
        return text
    return text + f"points: {base}\n" if base > 0 else text


def assert_one_error(result, path, line: int, message: str) -> None:
    """Exit 1 and exactly one located line on stderr for the leaf 指标."""
    assert result.exit_code == 1, result.stdout
    assert result.stderr.strip() == f"{path}:{line}: [指标] {message}"
