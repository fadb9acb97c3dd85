"""A one-leaf evaluation for rule tests: the leaf starts on line 4, its rule on line 6."""

from __future__ import annotations

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
    """The YAML of one leaf scored by ``rule``; ``body`` lines start on line 7."""
    return ONE_LEAF.format(rule=rule, body=body, points=points)


def assert_one_error(result, path, line: int, message: str) -> None:
    """Exit 1 and exactly one located line on stderr for the leaf 指标."""
    assert result.exit_code == 1, result.stdout
    assert result.stderr.strip() == f"{path}:{line}: [指标] {message}"
