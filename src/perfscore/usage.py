"""Command-line mistakes in the user's language.

click (vendored by typer) words its usage errors in English only. perfscore
users read Chinese, so the common ones are said again here from the error's
own fields: an unknown option or command, a missing argument, an option
without its value, a value of the wrong kind or outside its choices. Any
other usage error keeps click's sentence.
"""

from __future__ import annotations

import re
from typing import Any

from .messages import Messages, language

MESSAGES = Messages(
    {
        "usage_no_such_option": ("没有选项 {option}{hint}", "no such option: {option}{hint}"),
        "usage_did_you_mean": ("（是否想写 {options}？）", " (did you mean {options}?)"),
        "usage_no_such_command": (
            "没有命令“{command}”（perfscore -h 列出全部命令）",
            "no such command '{command}' (perfscore -h lists them)",
        ),
        "usage_missing": ("缺少{what} {name}", "missing {what} {name}"),
        "usage_argument": ("参数", "argument"),
        "usage_option": ("选项", "option"),
        "usage_needs_value": ("选项 {option} 后须给出一个值", "option {option} needs a value"),
        "usage_takes_no_value": ("选项 {option} 不接受值", "option {option} does not take a value"),
        "usage_extra": ("多余的参数：{args}", "unexpected extra argument(s): {args}"),
        "usage_bad_value": ("{name} 的值无效：{reason}", "invalid value for {name}: {reason}"),
        "usage_not_choice": (
            "“{value}”不是可选的值（可选：{choices}）",
            "'{value}' is not one of {choices}",
        ),
        "usage_not_integer": ("“{value}”不是整数", "'{value}' is not a whole number"),
        "usage_not_number": ("“{value}”不是数字", "'{value}' is not a number"),
        "usage_out_of_range": (
            "{value} 不在允许的范围 {range} 内",
            "{value} is not in the range {range}",
        ),
        "usage_other": ("{message}", "{message}"),
    }
)
t = MESSAGES.t

_CHOICE = re.compile(r"'?(?P<value>.*?)'? is not one of (?P<choices>.+?)\.?$")
_INTEGER = re.compile(r"'?(?P<value>.*?)'? is not a valid integer( range)?\.?$")
_FLOAT = re.compile(r"'?(?P<value>.*?)'? is not a valid float( range)?\.?$")
_RANGE = re.compile(r"(?P<value>.+?) is not in the range (?P<range>.+?)\.?$")
_COMMAND = re.compile(r"No such command '(?P<command>.*)'\.?$")
_EXTRA = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)\.?$")


def _param_name(error: Any) -> str:
    param = getattr(error, "param", None)
    if param is None:
        hint = getattr(error, "param_hint", None)
        return str(hint) if hint else ""
    opts = getattr(param, "opts", None) or []
    if opts and getattr(param, "param_type_name", "") == "option":
        return " / ".join(opts)
    return getattr(param, "metavar", None) or getattr(param, "human_readable_name", "") or ""


def _reason(message: str) -> str:
    for pattern, key in (
        (_CHOICE, "usage_not_choice"),
        (_INTEGER, "usage_not_integer"),
        (_FLOAT, "usage_not_number"),
        (_RANGE, "usage_out_of_range"),
    ):
        found = pattern.match(message)
        if found:
            return t(key, **found.groupdict())
    return message


def usage_message(error: Any) -> str:
    """The sentence of a click usage error, in the current language."""
    kind = type(error).__name__
    message = getattr(error, "message", "") or ""
    if language() == "en" and kind not in ("NoSuchOption", "MissingParameter"):
        return error.format_message()
    if kind == "NoSuchOption":
        possibilities = sorted(getattr(error, "possibilities", None) or ())
        hint = t("usage_did_you_mean", options=", ".join(possibilities)) if possibilities else ""
        return t("usage_no_such_option", option=error.option_name, hint=hint)
    if kind == "MissingParameter":
        param = getattr(error, "param", None)
        what = (
            "usage_option"
            if getattr(param, "param_type_name", "") == "option"
            else "usage_argument"
        )
        return t("usage_missing", what=t(what), name=_param_name(error))
    if kind == "BadOptionUsage":
        option = getattr(error, "option_name", "")
        if "does not take a value" in message:
            return t("usage_takes_no_value", option=option)
        return t("usage_needs_value", option=option)
    if kind in ("BadParameter",):
        return t("usage_bad_value", name=_param_name(error), reason=_reason(message))
    for pattern, key in ((_COMMAND, "usage_no_such_command"), (_EXTRA, "usage_extra")):
        found = pattern.match(message)
        if found:
            return t(key, **found.groupdict())
    return t("usage_other", message=error.format_message())
