"""``@record``: the frozen dataclass of perfscore's models, results and rule parameters.

``@dataclass(frozen=True)`` makes every instance through ``object.__setattr__``, one call
a field: an 18-field :class:`~perfscore.model.Node` took 3.5 µs to make, against 0.6 µs
for a slotted class with plain assignments, and making nodes, results and checks was
about a tenth of a batch's CPU (docs/performance.md). A record is that slotted class,
with the frozen dataclass's ``__init__``, ``__repr__``, equality and hash (the hash of
the fields' tuple, as ``frozen=True`` gives). That nothing assigns to a record's fields
is checked by mypy, which reads this decorator as ``frozen=True`` (an assignment is an
error in the checks, ``tests/test_records.py``), not at run time.

Why not ``dataclass(slots=True)`` itself: it compiles four generated methods a class
(one ``exec`` each), reads the signature back with ``inspect`` for a docstring, and makes
each class twice: about 0.5 ms a class, and ``evaluate`` makes 23 of them at start-up.
Here the class is made once, with its slots; its ``__init__`` (the hot one: batches make
millions of records), ``__eq__`` and ``__hash__`` are those of its shape (the number of
fields, which have a default_factory), with the fields' names put in: the shapes without
a factory come compiled with the package (``_shapes.py``), any other is compiled once a
process. ``__repr__`` is shared. ``__dataclass_fields__`` is filled in as a dataclass's
is, so that ``dataclasses.fields``, ``replace`` and ``asdict`` work on records.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Sequence
from dataclasses import MISSING, Field, field
from functools import cache
from reprlib import recursive_repr
from types import CodeType, FunctionType
from typing import Any, TypeVar, dataclass_transform

from . import _shapes

_Class = TypeVar("_Class", bound=type)

# Stands for "not given" in an __init__ whose field has a default_factory (as in dataclasses).
_FACTORY = object()


@recursive_repr()
def _repr(self: Any) -> str:
    """``Name(field=value!r, …)``, word for word what a dataclass prints."""
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
    return f"{self.__class__.__qualname__}({shown})"


def _field(cls: type, name: str) -> Field[Any]:
    """The dataclass ``Field`` of ``name``: its default (or factory) from the class body."""
    value = cls.__dict__.get(name, MISSING)
    made: Field[Any] = value if isinstance(value, Field) else field(default=value)
    if made.default is not MISSING and made.default.__class__.__hash__ is None:
        raise ValueError(
            f"mutable default {type(made.default)} for field {name}: a default_factory"
        )
    made.name, made.type = name, cls.__dict__["__annotations__"][name]  # noqa: RUF063
    made._field_type = dataclasses._FIELD  # type: ignore[attr-defined]  # what fields() keeps
    return made


def _placeholder(index: int) -> str:
    return f"_f{index}"


_METHODS = ("__init__", "__eq__", "__hash__")


def _source(factories: tuple[bool, ...], names: Sequence[str] = _METHODS) -> str:
    """The source of ``__init__``, ``__eq__`` and ``__hash__`` (under ``names``) of a record
    whose fields are named ``_f0``, ``_f1`` … (``factories``: which have a default_factory)."""
    params, body = ["self"], []
    for index, factory in enumerate(factories):
        name = _placeholder(index)
        params.append(name)
        if factory:
            body.append(f"    self.{name} = _factory_{name}() if {name} is _FACTORY else {name}")
        else:
            body.append(f"    self.{name} = {name}")
    mine = "".join(f"self.{_placeholder(i)}," for i in range(len(factories)))
    theirs = mine.replace("self.", "other.")
    init, eq, hash_ = names
    return "\n".join(
        [
            f"def {init}({', '.join(params)}):",
            *(body or ["    pass"]),
            "",
            f"def {eq}(self, other):",
            "    if other.__class__ is self.__class__:",
            f"        return ({mine}) == ({theirs})",
            "    return NotImplemented",
            "",
            f"def {hash_}(self):",
            f"    return hash(({mine}))",
            "",
        ]
    )


@cache
def _template(factories: tuple[bool, ...]) -> dict[str, CodeType]:
    """``__init__``, ``__eq__`` and ``__hash__`` of a record of that shape, with its fields
    named ``_f0``, ``_f1`` …; :func:`_methods` renames them for each class.

    Compiling them was most of what making a record cost (about 0.15 ms a shape, a tenth
    of evaluate's own start-up for its 11 shapes): the shapes without a default_factory
    come compiled with the package (``_shapes.py``, written from :func:`_source` by
    ``python -m perfscore.records``); any other shape is compiled here, once.
    """
    if not any(factories) and len(factories) <= _shapes.LARGEST:
        count = len(factories)
        return {name: getattr(_shapes, f"{name.strip('_')}_{count}").__code__ for name in _METHODS}
    scope: dict[str, Any] = {}
    exec(compile(_source(factories), "<record>", "exec"), scope)
    return {name: scope[name].__code__ for name in _METHODS}


def shapes_module(largest: int = 20) -> str:
    """The text of ``_shapes.py``: every shape's methods up to ``largest`` fields."""
    head = (
        '"""The methods of records without a default_factory, by field count (records.py).\n\n'
        "Written by ``python -m perfscore.records``; do not edit (tests/test_records.py checks\n"
        'that it is what records.py would write)."""\n\n'
        "# fmt: off\n# ruff: noqa\n# mypy: ignore-errors\n\n"
        f"LARGEST = {largest}\n\n\n"
    )
    shapes = (
        _source((False,) * count, [f"{name.strip('_')}_{count}" for name in _METHODS])
        for count in range(largest + 1)
    )
    return head + "\n\n".join(shapes)


def _methods(cls: type, fields: dict[str, Field[Any]]) -> dict[str, Any]:
    """``__init__`` (the fields in order, positional or by name, defaults last), ``__eq__``
    and ``__hash__`` of ``cls``: its shape's template with the placeholders renamed.

    A renamed code object runs the same bytecode a compiled one would.
    """
    made = list(fields.values())
    factories = tuple(f.default_factory is not MISSING for f in made)
    renamed = {_placeholder(index): name for index, name in enumerate(fields)}
    scope: dict[str, Any] = {"_FACTORY": _FACTORY, "__builtins__": builtins}
    defaults: list[Any] = []
    for index, f in enumerate(made):
        if f.default_factory is not MISSING:
            scope[f"_factory_{_placeholder(index)}"] = f.default_factory
            defaults.append(_FACTORY)
        elif f.default is not MISSING:
            defaults.append(f.default)
        elif defaults:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    methods = {}
    for name, code in _template(factories).items():
        code = code.replace(
            co_names=tuple(renamed.get(n, n) for n in code.co_names),
            co_varnames=tuple(renamed.get(n, n) for n in code.co_varnames),
            co_name=name,
            co_qualname=f"{cls.__qualname__}.{name}",
            co_filename=f"<record {cls.__qualname__}>",
        )
        methods[name] = FunctionType(
            code, scope, name, tuple(defaults) if name == "__init__" else None
        )
    return methods


def _refuse_what_a_dataclass_would_do_otherwise(cls: type, own: dict[str, Any]) -> None:
    """A record reads only its class's own annotations: a base's fields and ``ClassVar``s,
    which a dataclass would inherit or leave out, are refused rather than silently lost or
    made fields (no record needs them)."""
    if any("__dataclass_fields__" in base.__dict__ for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__qualname__}: a record cannot extend a record or a dataclass")
    for name, annotation in own.items():
        if str(annotation).replace("typing.", "").startswith("ClassVar"):
            raise TypeError(f"{cls.__qualname__}.{name}: a ClassVar in a record")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: _Class) -> _Class:
    """The class as a slotted record, frozen for mypy (see the module docstring)."""
    # The class's own annotations (inspect.get_annotations would import inspect: 9 ms).
    own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
    _refuse_what_a_dataclass_would_do_otherwise(cls, own)
    fields = {name: _field(cls, name) for name in own}
    namespace = {
        key: value
        for key, value in cls.__dict__.items()
        if key not in fields and key not in ("__dict__", "__weakref__")
    }
    namespace.update(_methods(cls, fields))
    namespace.update(
        __slots__=tuple(fields),
        __match_args__=tuple(fields),
        __repr__=_repr,
        __dataclass_fields__=fields,
    )
    return type(cls)(cls.__name__, cls.__bases__, namespace)


if __name__ == "__main__":  # python -m perfscore.records: write _shapes.py again
    from pathlib import Path

    Path(__file__).with_name("_shapes.py").write_text(shapes_module(), encoding="utf-8")
