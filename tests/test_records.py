"""``@record`` (records.py): a frozen dataclass made cheaply, frozen for mypy, equal and
hashed as ``@dataclass(frozen=True)`` is."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from dataclasses import asdict, dataclass, field, fields, replace
from decimal import Decimal
from pathlib import Path

import pytest

from perfscore.model import Node
from perfscore.result import Comparison

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class FrozenComparison:
    """Comparison's fields under ``@dataclass(frozen=True)``, the form records replace."""

    path: str
    of: str
    reported: Decimal | str
    computed: Decimal | str | None
    line: int
    ok: bool | None
    kind: str = "reported"


def test_record_equal_hashed_and_shown_as_a_frozen_dataclass() -> None:
    """Equality, hash and repr of a record are those of the frozen dataclass it replaces."""
    fields = ("产出/数量", "score", Decimal("1.33"), Decimal("1.33"), 12, True, "reported")
    check, frozen = Comparison(*fields), FrozenComparison(*fields)
    assert check == Comparison(*fields)
    assert check != Comparison(*fields[:5], False, "reported")
    assert hash(check) == hash(frozen)  # both: hash of the fields' tuple
    assert repr(check) == repr(frozen).replace("FrozenComparison", "Comparison")


def test_record_slotted_picklable_and_replaceable() -> None:
    """A record has no __dict__, survives pickling (a batch sends checks between
    processes) and works with dataclasses.replace."""
    node = Node("系统培训完成率", "产出/系统培训完成率", 7, Decimal(5))
    assert not hasattr(node, "__dict__")
    assert pickle.loads(pickle.dumps(node)) == node
    assert replace(node, points=Decimal(6)).points == Decimal(6)
    assert node.is_leaf and node.depth == 2


def test_assignment_to_a_record_is_an_error_for_mypy(tmp_path: Path) -> None:
    """mypy, part of the checks, refuses an assignment to a record's field (it reads
    @record as frozen=True) and accepts reading it."""
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "from decimal import Decimal\n"
        "from perfscore.model import Grade\n"
        'grade = Grade("优", Decimal(90))\n'
        "print(grade.name)\n"
        'grade.name = "良"\n',
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", str(tmp_path / "c"),
         "--config-file", str(ROOT / "pyproject.toml"), str(snippet)],
        capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(ROOT / "src")},
    )  # fmt: skip
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1 and "snippet.py:5:" in errors[0] and "read-only" in errors[0]


def test_records_of_one_shape_keep_their_own_fields() -> None:
    """Two records with the same shape (two fields, the second with a default) share
    compiled methods but not names: each takes its own keywords, shows its own fields,
    and a record of one never equals one of the other."""
    from perfscore.records import record

    @record
    class Pair:
        left: int
        right: int = 2

    @record
    class Named:
        name: str
        note: str = "—"

    assert (Pair(1).left, Pair(1).right, Pair(right=5, left=4).right) == (1, 2, 5)
    assert repr(Named("甲")) == "Named(name='甲', note='—')"
    assert Pair(1, 2) != Named(1, 2)  # type: ignore[arg-type]
    assert hash(Pair(1, 2)) == hash((1, 2))


def test_record_fields_factories_and_errors() -> None:
    """dataclasses.fields/asdict see a record's fields in order; a default_factory makes
    a fresh value each time; a field without a default after one with, and a mutable
    default, are refused as dataclass refuses them."""
    from perfscore.records import record

    @record
    class Bag:
        name: str
        items: list[int] = field(default_factory=list)

    first, second = Bag("a"), Bag("b")
    first.items.append(1)
    assert second.items == [] and Bag("c", [3]).items == [3]
    assert [f.name for f in fields(Bag)] == ["name", "items"]
    assert asdict(first) == {"name": "a", "items": [1]}
    with pytest.raises(TypeError, match="follows default"):

        @record
        class Wrong:
            name: str = ""
            points: int  # type: ignore[misc]

    with pytest.raises(ValueError, match="mutable default"):

        @record
        class Shared:
            items: list[int] = []  # noqa: RUF012


def test_record_refuses_a_base_with_fields_and_a_classvar() -> None:
    """A record reads its own annotations only: extending a record (whose fields a
    dataclass would inherit) and a ClassVar (which a dataclass leaves out) are refused."""
    from typing import ClassVar

    from perfscore.records import record

    @record
    class Base:
        name: str

    with pytest.raises(TypeError, match="cannot extend"):

        @record
        class Child(Base):
            points: int

    with pytest.raises(TypeError, match="ClassVar"):

        @record
        class Counted:
            name: str
            made: ClassVar[int] = 0


def test_the_compiled_shapes_are_what_records_writes() -> None:
    """_shapes.py (the methods of every shape without a default_factory, compiled with the
    package) is word for word what `python -m perfscore.records` writes; a record of such
    a shape takes its methods from there, and shows its own names."""
    from perfscore import _shapes, records

    assert (ROOT / "src" / "perfscore" / "_shapes.py").read_text(
        encoding="utf-8"
    ) == records.shapes_module()
    assert Node.__init__.__code__.co_code == _shapes.init_18.__code__.co_code
    assert Node.__init__.__code__.co_varnames[:3] == ("self", "name", "path")
    assert Node.__init__.__name__ == "__init__"
