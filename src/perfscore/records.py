"""``@record``: the frozen dataclass of perfscore's models, results and rule parameters.

``@dataclass(frozen=True)`` makes every instance through ``object.__setattr__``, one call
a field: an 18-field :class:`~perfscore.model.Node` took 3.5 µs to make, against 0.6 µs
for a slotted class with plain assignments, and making nodes, results and checks was
about a tenth of a batch's CPU (docs/performance.md). A record is that slotted dataclass,
with the frozen one's ``__init__``, ``__repr__``, equality and hash (``unsafe_hash``: the
same hash of the fields that ``frozen=True`` gives). That nothing assigns to a record's
fields is checked by mypy, which reads this decorator as ``frozen=True`` (an assignment
is an error in the checks, ``tests/test_records.py``), not at run time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar, dataclass_transform

_Class = TypeVar("_Class", bound=type)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: _Class) -> _Class:
    """The class as a slotted dataclass, frozen for mypy (see the module docstring)."""
    return dataclass(slots=True, unsafe_hash=True)(cls)  # type: ignore[return-value]
