"""Typed, located reads from one YAML mapping.

Every reader returns the value or None, and records a located
:class:`~perfscore.errors.Problem` for anything wrong, so that one pass over
a file reports every mistake in it, each with file, line and indicator path.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from .errors import Problem
from .expr import Quantity, parse_expression
from .load import YList, YMap
from .messages import t

# Decimal's default context carries 28 significant digits; perfscore's exact
# arithmetic (Fraction) does not need the limit, but a number longer than this
# is a typing or generating mistake in an evaluation, never a real value.
MAX_DIGITS = 28


class Fields:
    """Reads the keys of one mapping, recording problems instead of raising."""

    def __init__(self, raw: YMap, file: str, path: str, problems: list[Problem]) -> None:
        self.raw = raw
        self.file = file
        self.path = path
        self.problems = problems

    # -- location --------------------------------------------------------------
    def line(self, key: str | None = None) -> int:
        if key is not None and key in self.raw.key_lines:
            return self.raw.key_lines[key]
        return self.raw.line

    def problem(self, key: str | None, message: str) -> None:
        self.problems.append(Problem(message, self.file, self.line(key), self.path or None))

    def has(self, key: str) -> bool:
        return key in self.raw

    # -- shape -----------------------------------------------------------------
    def reject_unknown(self, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        for key in self.raw:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = t("unknown_key_hint", close=close[0]) if close else ""
                self.problem(key, t("unknown_key", key=key, hint=hint))

    # -- values ----------------------------------------------------------------
    def text(self, key: str, *, required: bool = False) -> str | None:
        if key not in self.raw:
            if required:
                self.problem(None, t("missing_key", key=key))
            return None
        value = self.raw[key]
        if isinstance(value, (YMap, YList)) or value is None or isinstance(value, bool):
            self.problem(key, t("not_text", key=key))
            return None
        text = value if isinstance(value, str) else str(value)
        if not text.strip():
            self.problem(key, t("empty_text", key=key))
            return None
        return text.strip()

    def number(self, key: str, *, required: bool = False, minimum: Decimal | None = None) -> Decimal | None:
        if key not in self.raw:
            if required:
                self.problem(None, t("missing_key", key=key))
            return None
        return self.as_number(key, self.raw[key], minimum=minimum)

    def as_number(self, key: str, value: Any, *, minimum: Decimal | None = None,
                  line: int | None = None) -> Decimal | None:
        """Check that ``value`` (read at ``key``) is a usable finite number."""

        def fail(message: str) -> None:
            self.problems.append(Problem(message, self.file, line or self.line(key), self.path or None))

        if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
            shown = value if isinstance(value, str) else type(value).__name__
            if isinstance(value, str) and value.lower().lstrip("+-") in (".inf", ".nan"):
                fail(t("not_finite", key=key, value=value))
            else:
                fail(t("not_number", key=key, value=shown))
            return None
        number = Decimal(value)
        if not number.is_finite():
            fail(t("not_finite", key=key, value=value))
            return None
        if len(number.as_tuple().digits) > MAX_DIGITS or abs(number.adjusted()) > MAX_DIGITS:
            fail(t("too_many_digits", key=key, value=value, limit=MAX_DIGITS))
            return None
        if number.is_zero():
            number = abs(number)  # -0 is 0
        if minimum is not None and number < minimum:
            fail(t("negative_amount", key=key, value=value))
            return None
        return number

    def boolean(self, key: str, default: bool) -> bool:
        if key not in self.raw:
            return default
        value = self.raw[key]
        if not isinstance(value, bool):
            self.problem(key, t("not_bool", key=key, value=value))
            return default
        return value

    def expression(self, key: str) -> Quantity | None:
        """A target/actual expression: a number, or text such as ``≥30人次``."""
        if key not in self.raw:
            return None
        value = self.raw[key]
        if isinstance(value, (YMap, YList)) or value is None or isinstance(value, bool):
            self.problem(key, t("not_scalar", key=key))
            return None
        if isinstance(value, Decimal):
            if self.as_number(key, value) is None:
                return None
        elif not str(value).strip():
            self.problem(key, t("empty_text", key=key))
            return None
        quantity = parse_expression(value)
        if quantity.value is not None and self.as_number(key, quantity.value) is None:
            return None
        return quantity

    def mapping(self, key: str, *, required: bool = False) -> YMap | None:
        if key not in self.raw:
            if required:
                self.problem(None, t("missing_key", key=key))
            return None
        value = self.raw[key]
        if not isinstance(value, YMap):
            self.problem(key, t("not_mapping", key=key))
            return None
        return value

    def sequence(self, key: str, *, required: bool = False) -> YList | None:
        if key not in self.raw:
            if required:
                self.problem(None, t("missing_key", key=key))
            return None
        value = self.raw[key]
        if not isinstance(value, YList):
            self.problem(key, t("not_list", key=key))
            return None
        if not value:
            self.problem(key, t("empty_list", key=key))
            return None
        return value

    def child(self, raw: YMap) -> "Fields":
        """Fields of a nested mapping, at the same indicator path."""
        return Fields(raw, self.file, self.path, self.problems)
