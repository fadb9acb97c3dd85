"""The grade of a total (docs/rules.md §1): the first band, highest first, the total reaches."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from .decimals import at_least
from .model import Grade


def grade_for(total: Decimal | Fraction, grades: tuple[Grade, ...]) -> str:
    """The first band (highest first) whose lower bound the total reaches."""
    for grade in grades:
        if at_least(total, grade.min):
            return grade.name
    return grades[-1].name  # unreachable for checked tables: the lowest band starts at 0


def grade_of(total: Decimal, points: Decimal, grades: tuple[Grade, ...]) -> str:
    """The grade of ``total`` out of ``points``. The grade table is on a 100-point scale; a
    tree on another base is graded on its exact share of 100, its 得分率 (never on the rounded
    rate: 89.995 is not 90)."""
    if points == 100:  # the common base: the share is the total itself
        return grade_for(total, grades)
    return grade_for(Fraction(total) * 100 / Fraction(points), grades)
