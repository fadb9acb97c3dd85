"""Exact numbers: one rounding policy and one way to print a number.

docs/format.md: every leaf score is rounded once, ROUND_HALF_UP, to the file's
``precision``; rates (得分率) are rounded HALF_UP to 2 places. Intermediate
arithmetic uses ``Fraction`` so that a quotient such as 5 × 8 / 30 is exact
until that single rounding; no Decimal context precision can interfere.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

Exact = Fraction | Decimal | int

HUNDRED = Decimal(100)
RATE_PLACES = 2


def _ratio(value: Exact) -> tuple[int, int]:
    """(numerator, denominator) of an exact number; the denominator is positive."""
    if type(value) is Decimal:  # the common case first: isinstance on Fraction is an ABC check
        return value.as_integer_ratio()
    if isinstance(value, Fraction):
        return value.numerator, value.denominator
    if isinstance(value, Decimal):
        return value.as_integer_ratio()
    return int(value), 1


def _half_up(n: int, d: int, places: int) -> Decimal:
    # Integer arithmetic on the ratio n/d (d > 0): no Fraction objects (a hot
    # path: every leaf and every rate), no Decimal context involved.
    if places >= 0:
        n *= 10**places
    else:
        d *= 10**-places
    r = (2 * n + d) // (2 * d) if n >= 0 else -((-2 * n + d) // (2 * d))
    return Decimal(r).scaleb(-places)


def round_half_up(value: Exact, places: int) -> Decimal:
    """``value`` rounded half away from zero to ``places`` decimals, exactly."""
    n, d = _ratio(value)
    return _half_up(n, d, places)


def scaled(value: Exact, numerator: Exact, denominator: Exact, places: int) -> Decimal:
    """``value`` × numerator ÷ denominator, exactly, then HALF_UP to ``places`` decimals
    (the 不适用 rescale of docs/rules.md §2; a rule's w × B / A): integers throughout, no
    Fraction made."""
    vn, vd = _ratio(value)
    nn, nd = _ratio(numerator)
    dn, dd = _ratio(denominator)
    n, d = vn * nn * dd, vd * nd * dn
    if d < 0:
        n, d = -n, -d
    return _half_up(n, d, places)


def at_least(value: Exact, bound: Exact) -> bool:
    """``value`` ≥ ``bound``, exactly (cross-multiplied: the denominators are positive)."""
    vn, vd = _ratio(value)
    bn, bd = _ratio(bound)
    return vn * bd >= bn * vd


def rate_of(score: Exact, points: Exact) -> Decimal:
    """得分率 in percent: score / points × 100, HALF_UP to 2 places."""
    sn, sd = _ratio(score)
    pn, pd = _ratio(points)
    if pn < 0:
        sn, pn = -sn, -pn
    if pn == 0:
        raise ZeroDivisionError("rate of zero points")
    return _half_up(sn * pd * 100, sd * pn, RATE_PLACES)


def plain(value: Decimal | int) -> str:
    """A number as people write it: no exponent, no trailing zeros (1.50 → 1.5).

    Works on the text directly so that no Decimal context can round it
    (``format(d, "f")`` without a precision writes every digit exactly).
    """
    if not isinstance(value, Decimal):
        value = Decimal(value)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def fixed(value: Decimal, places: int) -> str:
    """A number with exactly ``places`` decimals, for aligned table columns."""
    return format(round_half_up(value, places), "f")


def percent(value: Exact, places: int = RATE_PLACES) -> str:
    """A fraction (0.894) as a percentage with ``places`` decimals ("89.40%")."""
    return f"{format(round_half_up(Fraction(value) * 100, places), 'f')}%"
