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
each class twice; for the 25 records a command imports that was about a tenth of
``evaluate``'s start-up. Here one ``exec`` a class makes its ``__init__`` (the hot one:
batches make millions of records) and its ``__eq__`` and ``__hash__``; ``__repr__`` is
shared. ``__dataclass_fields__`` is filled in as a dataclass's is, so that
``dataclasses.fields``, ``replace`` and ``asdict`` work on records.
"""

from __future__ import annotations

import dataclasses
from dataclasses import MISSING, Field, field
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform

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
    made.name, made.type = name, cls.__dict__["__annotations__"][name]  # noqa: RUF063
    made._field_type = dataclasses._FIELD  # type: ignore[attr-defined]  # what fields() keeps
    return made


def _methods(cls: type, fields: dict[str, Field[Any]]) -> dict[str, Any]:
    """``__init__``, ``__eq__`` and ``__hash__``, compiled from one source."""
    scope: dict[str, Any] = {"_FACTORY": _FACTORY, "MISSING": MISSING}
    params, body = ["self"], []
    for name, made in fields.items():
        if made.default_factory is not MISSING:
            scope[f"_factory_{name}"] = made.default_factory
            params.append(f"{name}=_FACTORY")
            body.append(f" self.{name} = _factory_{name}() if {name} is _FACTORY else {name}")
        elif made.default is not MISSING:
            scope[f"_default_{name}"] = made.default
            params.append(f"{name}=_default_{name}")
            body.append(f" self.{name} = {name}")
        else:
            params.append(name)
            body.append(f" self.{name} = {name}")
    mine = "".join(f"self.{name}," for name in fields)
    theirs = "".join(f"other.{name}," for name in fields)
    source = "\n".join(
        [
            f"def __init__({', '.join(params)}):",
            *(body or [" pass"]),
            "def __eq__(self, other):",
            " if other.__class__ is self.__class__:",
            f"  return ({mine}) == ({theirs})",
            " return NotImplemented",
            "def __hash__(self):",
            f" return hash(({mine}))",
        ]
    )
    exec(compile(source, f"<record {cls.__qualname__}>", "exec"), scope)
    methods = {name: scope[name] for name in ("__init__", "__eq__", "__hash__")}
    for method in methods.values():
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
    return methods


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: _Class) -> _Class:
    """The class as a slotted record, frozen for mypy (see the module docstring)."""
    # The class's own annotations (inspect.get_annotations would import inspect: 9 ms).
    own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
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
