"""The box-drawn terminal tables: CJK widths, justification, footer, folding."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from perfscore.render.boxes import Column, _fold, box_table
from perfscore.render.drawn import printable


def test_layout_with_chinese_widths():
    """A Chinese character is two cells wide; numbers are right-justified; the footer is ruled off."""
    table = box_table(
        [Column("指标"), Column("分值", "right")],
        [["决策", "15"], ["过程", "5"]],
        footer=["合计", "20"],
    )
    assert table.plain.splitlines() == [
        "┏━━━━━━┳━━━━━━┓",
        "┃ 指标 ┃ 分值 ┃",
        "┡━━━━━━╇━━━━━━┩",
        "│ 决策 │   15 │",
        "│ 过程 │    5 │",
        "├──────┼──────┤",
        "│ 合计 │   20 │",
        "└──────┴──────┘",
    ]


def test_fold_column_takes_the_rest_and_folds():
    """The fold column shrinks to the width and continues on further lines; others stay whole."""
    table = box_table(
        [Column("名称"), Column("说明", fold=True)], [["甲", "一二三四五六七八九十一二"]], width=21
    )
    # 21 cells: "│ " + 4 + " │ " + 10 + " │"; the fold column gets the 10 left.
    assert table.plain.splitlines() == [
        "┏━━━━━━┳━━━━━━━━━━━━┓",
        "┃ 名称 ┃ 说明       ┃",
        "┡━━━━━━╇━━━━━━━━━━━━┩",
        "│ 甲   │ 一二三四五 │",
        "│      │ 六七八九十 │",
        "│      │ 一二       │",
        "└──────┴────────────┘",
    ]
    assert all(cell_len(line) == 21 for line in table.plain.splitlines())


def _lines(cell: str | Text, width: int) -> list[str]:
    plain = cell.plain if isinstance(cell, Text) else cell
    return [text for (text, _style, _spans), _size in _fold(cell, plain, width)]


def test_fold_keeps_numbers_whole():
    """A line break never splits "1.86" or "P323" when the run fits on a line."""
    assert _lines("依据评分规则得 1.86 分", 15) == ["依据评分规则得 ", "1.86 分"]


def test_fold_of_a_string_and_of_a_text_agree():
    """A plain string (cut as a string) and the same words as a Text (cut as rich cuts
    one) fold to the same lines, the indent kept: 2 spaces + 4 characters (10 cells)
    and then the continuation under the indent."""
    words = "  一二三四五六七八九十"
    assert _lines(words, 10) == _lines(Text(words), 10) == ["  一二三四", "  五六七八", "  九十"]


def test_fold_moves_a_texts_styles_with_its_words():
    """A style on the last characters of a Text follows them onto their line: 12 cells
    hold "  一二三四五" (2 + 5 × 2); the second line is "  六七八九" (the indent, then
    characters 7-10), so "八九" (characters 9-10 of the cell) sit at 4-6 there."""
    cell = Text("  一二三四五六七八九")
    cell.stylize("red", 9, 11)
    (_, second) = _fold(cell, cell.plain, 12)[:2]
    (text, _style, spans), size = second
    assert text == "  六七八九" and size == 10
    assert [(span.start, span.end, span.style) for span in spans] == [(4, 6, "red")]


def test_fold_of_an_emoji_sequence():
    """A joined emoji (👩‍💻: two wide characters and a joiner, two cells as a whole)
    folds without an error, every line within the width (it used to run off the text)."""
    cell = "说明👩\u200d💻👩\u200d💻👩\u200d💻"
    lines = _lines(cell, 6)
    assert "".join(lines) == cell
    assert all(cell_len(line) <= 6 for line in lines)


def test_styles_survive():
    """A styled cell (a red mismatch mark) keeps its style in the table."""
    cell = Text("1.33")
    cell.append(" ≠报告 1.34", style="bold red")
    table = box_table([Column("得分", "right")], [[cell]])
    assert any("red" in str(span.style) for span in table.spans)


def _printed(renderable, colour: bool = True) -> str:
    import io

    from rich.console import Console

    out = Console(
        file=io.StringIO(),
        width=60,
        force_terminal=colour,
        color_system="truecolor" if colour else None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    out.print(renderable, crop=False, overflow="ignore")
    return out.file.getvalue()


def test_printable_prints_what_the_text_prints():
    """The drawn table handed over by printable() prints the very bytes (colours and all)
    that printing the Text itself gives: a styled name, a red mark, a folded cell, a footer."""
    mark = Text("1.33")
    mark.append(" ≠报告 1.34", style="bold red")
    table = box_table(
        [Column("指标", fold=2), Column("得分", "right"), Column("说明", fold=1, style="dim")],
        [
            [Text("决策", style="bold"), mark, "依据评分规则得 1.86 分，扣除部分" * 3],
            ["  项目立项", "15", "a\rb"],
        ],
        title="指标得分表",
        footer=["合计", "16.33", ""],
        width=40,
    )
    assert _printed(printable(table)) == _printed(table)
    assert _printed(printable(table), colour=False) == _printed(table, colour=False)
    assert printable(table) is not table  # the direct way is taken


def test_a_recorded_table_keeps_its_styles():
    """Printed without colour (one piece of text) but recorded, a drawn table still exports
    its styles: the HTML of a recording console is the one the Text itself gives."""
    import io

    from rich.console import Console

    mark = Text("1.33")
    mark.append(" ≠报告 1.34", style="bold red")
    table = box_table([Column("得分", "right")], [[mark]])

    def exported(renderable) -> str:
        out = Console(file=io.StringIO(), width=40, color_system=None, record=True)
        out.print(renderable, crop=False, overflow="ignore")
        return out.export_html()

    assert exported(printable(table)) == exported(table)
    assert "bold" in exported(printable(table)) or "font-weight" in exported(printable(table))


def test_tab_in_a_cell_prints_the_usual_way():
    """A cell with a tab (which rich expands when it prints) is printed as the Text itself."""
    table = box_table([Column("名称")], [["甲\t乙"]])
    assert printable(table) is table
