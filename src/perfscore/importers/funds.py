"""The 项目资金 block → a ``rule: execution`` leaf (docs/format.md §1a, the budget row).

Header words give the columns (年初预算数 | 全年预算数（A） | 全年执行数（B） | 分值 | 执行率
（B/A） | 得分); the first row under them is the 年度资金总额 row, the rows after it its 其中
rows (当年财政拨款, 上年结转资金, 其他资金), each named by the last label cell left of the
amounts. Amounts are written as printed: a stored or printed number as an exact decimal,
"620.82万元" as text; "-" and blank cells are absent. A block that prints no 分值 gets
``points: 0`` (it is shown and scores nothing); what an item row prints beyond its amounts
(some sheets repeat 分值, 执行率 and 得分 there) goes into the leaf's ``note``.
"""

from __future__ import annotations

from decimal import Decimal

from ..messages import Messages
from . import reading
from .cells import Grid, text_number
from .reading import row_source, source
from .words import fund_role, is_blank, strip_item_label
from .writer import Doc, Source

MESSAGES = Messages(
    {
        "budget_row_name": ("预算执行率", "预算执行率"),
        "c_no_points": ("原表未印分值：本行不计分", "no points printed: the row scores nothing"),
        "c_budget_row": ("{label}行", "the {label} row"),
        "item_extra": ("{name} 一行另印 {cells}", "the {name} row also prints {cells}"),
        "item_blank": ("{name} 一行各金额为空", "the {name} row prints no amounts"),
        "fund_points": ("分值 {value}", "points {value}"),
        "fund_rate": ("执行率 {value}", "rate {value}"),
        "fund_score": ("得分 {value}", "score {value}"),
    }
)
t = MESSAGES.t

AMOUNTS = ("budget_initial", "budget", "spent")


def _columns(grid: Grid, header: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, cell in grid.rows[header].filled():
        role = fund_role(cell.text)
        if role is not None:
            found.setdefault(role, col)
    return found


def _label(grid: Grid, r: int, before: int) -> str:
    """The row's own label: the last non-empty cell of its own left of the amounts."""
    for col in range(before - 1, -1, -1):
        cell = reading.own_cell(grid, r, col)
        if cell is not None and cell.text:
            return cell.text
    return ""


def _amount(grid: Grid, r: int, col: int | None) -> Decimal | str | None:
    """An amount as printed: a number, or its text ("620.82万元"); None when blank."""
    if col is None:
        return None
    cell = reading.own_cell(grid, r, col)
    if cell is None or is_blank(cell.text):
        return None
    if cell.number is not None:
        return cell.number
    value = text_number(cell.text)
    return value if value is not None else cell.text


def read_funds(grid: Grid, header: int, stop: int) -> Doc | None:
    """The budget leaf from the block's header row to ``stop`` (None when it has no rows)."""
    columns = _columns(grid, header)
    amounts = [columns[key] for key in AMOUNTS if key in columns]
    first_amount = min(amounts) if amounts else min(columns.values())
    rows = [
        r
        for r in range(header + 1, stop)
        if not grid.rows[r].loose and any(_amount(grid, r, c) is not None for c in amounts)
    ]
    if not rows:
        return None
    total = rows[0]
    label = strip_item_label(_label(grid, total, first_amount))
    leaf = Doc(source=row_source(grid, total))
    leaf.comment = f"{row_source(grid, total).short}（{t('c_budget_row', label=label)}）"
    leaf.add("name", t("budget_row_name"), source(grid, total, max(first_amount - 1, 0)))
    points = reading.number(grid, total, columns.get("points"), "points")
    if points is not None:
        leaf.add("points", points, source(grid, total, columns["points"]))
    else:
        leaf.add("points", Decimal(0), Source(row_source(grid, total).full, t("c_no_points")))
    leaf.add("rule", "execution")
    for key in AMOUNTS:
        value = _amount(grid, total, columns.get(key))
        if value is not None:
            leaf.add(key, value, source(grid, total, columns[key]))
    rate = reading.rate(grid, total, columns.get("rate"))
    if rate is not None:
        leaf.add("reported_rate", rate, source(grid, total, columns["rate"]))
    score = reading.number(grid, total, columns.get("score"), "score")
    if score is not None:
        leaf.add("reported", score, source(grid, total, columns["score"]))
    notes: list[str] = []
    items = []
    for r in range(total + 1, stop):
        if "目标" in _label(grid, r, first_amount):  # 年度总体目标: the block has ended
            break
        items.append(_item(grid, r, columns, first_amount, notes))
    listed = [item for item in items if item is not None]
    if listed:
        leaf.add("items", listed)
    if notes:
        leaf.add("note", "；".join(notes))
    return leaf


def _item(
    grid: Grid, r: int, columns: dict[str, int], first_amount: int, notes: list[str]
) -> Doc | None:
    """One 其中 row, or None (a blank row; a row printing no amounts is noted)."""
    row = grid.rows[r]
    if row.loose or not row.filled():
        return None
    name = strip_item_label(_label(grid, r, first_amount))
    if not name:
        return None
    item = Doc(source=row_source(grid, r))
    item.comment = row_source(grid, r).short
    item.add("name", name, source(grid, r, max(first_amount - 1, 0)))
    for key in AMOUNTS:
        value = _amount(grid, r, columns.get(key))
        if value is not None:
            item.add(key, value, source(grid, r, columns[key]))
    extra = []
    for key in ("points", "rate", "score"):
        col = columns.get(key)
        shown = reading.text(grid, r, col) if col is not None else ""
        if shown and not is_blank(shown):
            extra.append(t(f"fund_{key}", value=shown))
    if extra:
        notes.append(t("item_extra", name=name, cells="、".join(extra)))
    if len(item.entries) == 1:
        notes.append(t("item_blank", name=name))
        return None
    return item
