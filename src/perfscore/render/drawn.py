"""A table drawn by :func:`perfscore.render.boxes.box_table`, and how it is handed to rich.

Apart from :mod:`.boxes` because that module is compiled (docs/performance.md, "The compiled
core"): a subclass of rich's ``Text`` stays a plain Python class.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.text import Text


class DrawnTable(Text):
    """A table laid out by :func:`~.boxes.box_table`: a rich Text, which :func:`printable` prints
    without rich's splitting and joining of its lines."""

    simple = True  # no tab, and no line break inside a cell or a styled text


class _Printed:
    """A drawn table as rich prints it with ``overflow="ignore"``, rendered directly.

    Printed so, a Text is joined with the others printed alongside, split into its lines
    (each line a Text of its own), and joined again before it is rendered: for a
    10,000-leaf tree that is most of the printing time, and it changes nothing here,
    where every line is laid out already and no style crosses a line. Without colour (a
    pipe or a file: no colour system) rich writes a style as nothing, so the table is
    written as one piece of text; with colour, or recorded for an export, every styled
    span is rendered. Any other way of printing it (another overflow, a justify) renders
    the Text the usual way.
    """

    def __init__(self, table: DrawnTable) -> None:
        self.table = table

    def __rich_console__(self, console: Any, options: Any) -> Any:
        if options.justify not in (None, "default") or options.overflow != "ignore":
            yield self.table
        elif console.color_system is None and not console.record:
            yield Segment(self.table.plain)
            if self.table.end:
                yield Segment(self.table.end)
        else:
            yield from self.table.render(console, end=self.table.end)


def printable(table: Text) -> Any:
    """What to hand ``console.print(..., crop=False, overflow="ignore")`` for a table of
    :func:`~.boxes.box_table`: the same output, without rich's work on its lines (:class:`_Printed`)."""
    if isinstance(table, DrawnTable) and table.simple:
        return _Printed(table)
    return table
