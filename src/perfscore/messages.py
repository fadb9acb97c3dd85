"""Every user-facing sentence, in Chinese (the default) and English.

The core never hard-codes a sentence: it calls :func:`t` with a key, so that
``--lang en`` switches errors, explain lines and table labels alike. The
language is process-wide state set once by the CLI (like a logging config);
library users call :func:`set_language`.
"""

from __future__ import annotations

_LANG = "zh"
LANGUAGES = ("zh", "en")

# key: (Chinese, English). Placeholders use str.format syntax.
CATALOG: dict[str, tuple[str, str]] = {
    # --- loading -------------------------------------------------------------
    "file_not_found": ("找不到文件", "file not found"),
    "file_unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "is_directory": ("这是一个文件夹，不是文件", "this is a folder, not a file"),
    "not_utf8": (
        "文件不是 UTF-8 编码（第 {line} 行有无法解码的字节）；请用 UTF-8 另存",
        "the file is not UTF-8 (undecodable bytes on line {line}); save it as UTF-8",
    ),
    "yaml_syntax": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "duplicate_key": (
        "键“{key}”重复（第一次出现在第 {first} 行）",
        "duplicate key '{key}' (first on line {first})",
    ),
    "bad_tag": ("不支持的 YAML 标签 {tag}", "unsupported YAML tag {tag}"),
    "complex_key": ("键必须是文字", "keys must be plain text"),
    "leading_zero": (
        "数字 {text} 以 0 开头：YAML 1.1 会把它读成八进制；请去掉前导零，或加引号写成文字",
        "number {text} has a leading zero, which YAML 1.1 reads as octal; drop the zero or quote it",
    ),
    "too_many_aliases": (
        "别名（*引用）展开后的节点过多（超过 {limit} 个）",
        "aliases (*refs) expand to too many nodes (over {limit})",
    ),
    "too_deep": ("嵌套过深（超过 {limit} 层）", "nesting too deep (over {limit} levels)"),
    "empty_file": ("文件是空的", "the file is empty"),
    # --- structure -------------------------------------------------------------
    "top_not_mapping": (
        "文件顶层必须是键值映射（perfscore: 1、project、indicators …）",
        "the top level must be a mapping (perfscore: 1, project, indicators …)",
    ),
    "missing_key": ("缺少必填的键“{key}”", "required key '{key}' is missing"),
    "unknown_key": ("未知的键“{key}”{hint}", "unknown key '{key}'{hint}"),
    "unknown_key_hint": ("（是否想写“{close}”？）", " (did you mean '{close}'?)"),
    "bad_version": (
        "不支持的格式版本 {value}：本版本的 perfscore 只读 perfscore: 1",
        "unsupported format version {value}: this perfscore reads perfscore: 1",
    ),
    "not_mapping": ("“{key}”必须是键值映射", "'{key}' must be a mapping"),
    "not_list": ("“{key}”必须是列表", "'{key}' must be a list"),
    "empty_list": ("“{key}”不能是空列表", "'{key}' must not be an empty list"),
    "not_text": ("“{key}”必须是文字", "'{key}' must be text"),
    "empty_text": ("“{key}”不能为空", "'{key}' must not be empty"),
    "not_scalar": (
        "“{key}”必须是单个值（文字或数字）",
        "'{key}' must be a single value (text or number)",
    ),
    "not_number": ("“{key}”必须是数字，而不是“{value}”", "'{key}' must be a number, not '{value}'"),
    "not_finite": ("“{key}”必须是有限的数字，而不是 {value}", "'{key}' must be a finite number, not {value}"),
    "too_many_digits": (
        "“{key}”的数字 {value} 位数过多（最多 {limit} 位有效数字）",
        "'{key}' has too many digits: {value} (at most {limit} significant digits)",
    ),
    "not_bool": (
        "“{key}”必须是 true 或 false，而不是“{value}”",
        "'{key}' must be true or false, not '{value}'",
    ),
    "node_not_mapping": (
        "指标必须是键值映射（name、points …）",
        "an indicator must be a mapping (name, points …)",
    ),
    "duplicate_name": (
        "同级指标名称“{name}”重复（第一次出现在第 {first} 行）",
        "sibling indicator name '{name}' repeats (first on line {first})",
    ),
    "name_has_slash": ("指标名称不能含“/”（路径分隔符）", "an indicator name must not contain '/' (the path separator)"),
    "leaf_without_points": ("末级指标缺少分值 points", "a leaf indicator needs points"),
    "points_not_positive": ("分值必须大于 0，而不是 {value}", "points must be greater than 0, not {value}"),
    "points_finer_than_precision": (
        "分值 {points} 的小数位多于 precision（{precision} 位）：满分会被舍入成 {rounded}；请提高 precision 或调整分值",
        "points {points} have more decimals than precision ({precision}): full marks would round to "
        "{rounded}; raise precision or adjust the points",
    ),
    "points_mismatch": (
        "分值 {points} 与下级指标分值之和 {total} 不符",
        "points {points} differ from the sum of the children's points {total}",
    ),
    "total_mismatch": (
        "总分值 {points} 与一级指标分值之和 {total} 不符",
        "total points {points} differ from the sum of level-1 points {total}",
    ),
    "parent_has_scoring": (
        "有下级指标的指标不能带评分键“{key}”：它的得分是下级得分之和",
        "an indicator with children cannot carry the scoring key '{key}': its score is the sum of its children's",
    ),
    "no_scoring_form": (
        "末级指标没有评分方式：请给出 score（评价打分）、target 与 actual（目标值与实际值）或 rule 之一",
        "the leaf has no scoring form: give one of score, target with actual, or rule",
    ),
    "two_scoring_forms": (
        "末级指标给出了两种评分方式（{forms}），只能有一种",
        "the leaf gives two scoring forms ({forms}); exactly one is allowed",
    ),
    "target_without_actual": ("有 target（目标值）却没有 actual（实际值）", "target given without actual"),
    "actual_without_target": ("有 actual（实际值）却没有 target（目标值）", "actual given without target"),
    "score_above_points": ("得分 {score} 超过分值 {points}", "score {score} exceeds points {points}"),
    "score_negative": ("得分 {score} 小于 0", "score {score} is below 0"),
    "bad_level": (
        "完成情况 level 只能是 达成、部分达成 或 未达成，而不是“{value}”",
        "level must be 达成, 部分达成 or 未达成, not '{value}'",
    ),
    "level_needs_score": (
        "完成情况“{level}”须由评价人在 {low}–{high} 分之间给出 score",
        "level '{level}' needs a score from the evaluator between {low} and {high}",
    ),
    "score_outside_level": (
        "得分 {score} 不在“{level}”的区间 {range} 内",
        "score {score} lies outside the range {range} of level '{level}'",
    ),
    "unknown_rule": ("未知的评分规则“{rule}”（可用：{known}）", "unknown rule '{rule}' (known: {known})"),
    "rule_needs_target": (
        "规则 {rule} 需要 target（目标值）与 actual（实际值）",
        "rule {rule} needs target and actual",
    ),
    "rule_not_for_words": (
        "规则 {rule} 需要数值目标，而目标“{target}”是文字",
        "rule {rule} needs a numeric target, but '{target}' is a word",
    ),
    "qualitative_needs_numbers": (
        "规则 qualitative 用于文字目标，而目标“{target}”是数值",
        "rule qualitative is for word targets, but '{target}' is a number",
    ),
    "score_with_quantitative": (
        "定量指标的得分由目标值与实际值算出，不能再给 score",
        "a quantitative indicator is scored from target and actual; score cannot be given too",
    ),
    "qualitative_unmet_needs_score": (
        "定性指标未达成：实际“{actual}”与目标“{target}”不一致，须由评价人给出 score（及 level）",
        "qualitative target not met ('{actual}' vs '{target}'): the evaluator must give a score (and level)",
    ),
    "actual_is_word": (
        "目标“{target}”是数值，实际值“{actual}”却不是数值",
        "the target '{target}' is numeric but the actual value '{actual}' is not",
    ),
    "bad_expression": ("无法理解的数值表达式“{text}”", "cannot read the expression '{text}'"),
    "unit_mismatch": (
        "目标单位“{target_unit}”与实际单位“{actual_unit}”不同，且无法换算",
        "target unit '{target_unit}' and actual unit '{actual_unit}' differ and cannot be converted",
    ),
    "budget_zero": ("预算数 budget 为 0，无法计算执行率", "budget is 0: the execution rate is undefined"),
    "negative_amount": ("“{key}”不能为负数：{value}", "'{key}' must not be negative: {value}"),
    "bad_precision": (
        "precision（小数位数）必须是 0 到 {limit} 之间的整数，而不是“{value}”",
        "precision must be a whole number from 0 to {limit}, not '{value}'",
    ),
    "grades_entry": (
        "grades 的每一项须为 {grade: 名称, min: 最低分}",
        "each grades entry must be {grade: name, min: lowest score}",
    ),
    "grades_duplicate": ("等级“{value}”重复", "grade '{value}' repeats"),
    "grades_duplicate_min": ("两个等级的最低分都是 {value}", "two grades share the lowest score {value}"),
    "grades_no_floor": (
        "等级表须有一档最低分为 0（否则低分无等级）",
        "the grade table needs a band starting at 0 (else low totals have no grade)",
    ),
    "grades_negative": ("等级最低分不能为负：{value}", "a grade's lowest score must not be negative: {value}"),
    "negative_target": (
        "目标值 {target} 为负：按比例计分没有定义，请改写指标（或改为评价打分）",
        "the target {target} is negative: proportional scoring is undefined; rephrase the indicator (or judge it)",
    ),
    "key_of_other_rule": (
        "键“{key}”属于规则 {rule}，须同时写明 rule（如 rule: {first}）",
        "key '{key}' belongs to rule {rule}; name the rule (e.g. rule: {first})",
    ),
    "x_qualitative_met_judged": (
        "实际“{actual}”与目标“{target}”一致，{judged}",
        "actual '{actual}' matches target '{target}': {judged}",
    ),
    # --- output ----------------------------------------------------------------
    "output_is_input": (
        "输出文件 {path} 就是输入文件，拒绝覆盖",
        "the output {path} is an input file; refusing to overwrite it",
    ),
    "output_failed": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "output_dir_missing": ("输出文件夹 {path} 不存在", "the output folder {path} does not exist"),
    # --- explain lines (rules) ----------------------------------------------------
    "x_judged": ("评价得分 {score}", "scored {score} by the evaluator"),
    "x_judged_level": ("{level}，评价得分 {score}", "{level}, scored {score} by the evaluator"),
    "x_level_full": ("{level}，得满分 {points}", "{level}: full points {points}"),
    "x_positive_met": (
        "实际 {actual} ≥ 目标 {target}，得满分 {points}",
        "actual {actual} ≥ target {target}: full points {points}",
    ),
    "x_positive_ratio": (
        "实际 {actual} ÷ 目标 {target} × {points} = {score}",
        "actual {actual} ÷ target {target} × {points} = {score}",
    ),
    "x_positive_zero_target": (
        "目标为 0：实际 {actual} ≥ 0，得满分 {points}",
        "target is 0: actual {actual} ≥ 0, full points {points}",
    ),
    "x_zero_target_missed": (
        "目标为 0：实际 {actual} 未达到，得 0 分",
        "target is 0: actual {actual} misses it, 0 points",
    ),
    "x_negative_actual": (
        "实际 {actual} 为负，按 0 计：得 0 分",
        "actual {actual} is negative and counts as 0: 0 points",
    ),
    "x_reverse_met": (
        "实际 {actual} ≤ 目标 {target}，得满分 {points}",
        "actual {actual} ≤ target {target}: full points {points}",
    ),
    "x_reverse_partial": (
        "实际 {actual} 超出目标 {target}：{points} × (1 − ({actual_n} − {target_n}) ÷ {target_n}) = {score}",
        "actual {actual} exceeds target {target}: {points} × (1 − ({actual_n} − {target_n}) ÷ {target_n}) = {score}",
    ),
    "x_reverse_double": (
        "实际 {actual} 达到目标 {target} 的 2 倍及以上，得 0 分",
        "actual {actual} is at least twice the target {target}: 0 points",
    ),
    "x_reverse_zero_target": (
        "目标为 0：实际 {actual} ≤ 0，得满分 {points}",
        "target is 0: actual {actual} ≤ 0, full points {points}",
    ),
    "x_equal_met": (
        "实际 {actual} 达到目标 {target}，得满分 {points}",
        "actual {actual} reaches target {target}: full points {points}",
    ),
    "x_range_met": (
        "实际 {actual} 在目标区间 {target} 内，得满分 {points}",
        "actual {actual} lies in the target range {target}: full points {points}",
    ),
    "x_range_below": (
        "实际 {actual} 低于区间下限 {lower}：{actual_n} ÷ {lower} × {points} = {score}",
        "actual {actual} is below the range's lower bound {lower}: {actual_n} ÷ {lower} × {points} = {score}",
    ),
    "x_range_above": (
        "实际 {actual} 高于区间上限 {upper}：{points} × (1 − ({actual_n} − {upper}) ÷ {upper}) = {score}",
        "actual {actual} is above the range's upper bound {upper}: "
        "{points} × (1 − ({actual_n} − {upper}) ÷ {upper}) = {score}",
    ),
    "x_range_double": (
        "实际 {actual} 达到区间上限 {upper} 的 2 倍及以上，得 0 分",
        "actual {actual} is at least twice the range's upper bound {upper}: 0 points",
    ),
    "range_rule_override": (
        "区间目标“{target}”按区间规则计分（区间内满分），不能指定 rule: {rule}",
        "the range target '{target}' is scored as a range (full points inside it); rule: {rule} cannot apply",
    ),
    "x_qualitative_met": (
        "实际“{actual}”与目标“{target}”一致，达成，得满分 {points}",
        "actual '{actual}' matches target '{target}': met, full points {points}",
    ),
    "x_qualitative_unmet": (
        "实际“{actual}”未达到目标“{target}”，{judged}",
        "actual '{actual}' does not meet target '{target}': {judged}",
    ),
    "x_execution": (
        "执行数 {spent} ÷ 预算数 {budget} = {rate}，{rate} × {points} = {score}",
        "spent {spent} ÷ budget {budget} = {rate}; {rate} × {points} = {score}",
    ),
    "x_execution_capped": (
        "执行数 {spent} ÷ 预算数 {budget} = {rate}，超过 100% 按满分 {points} 计",
        "spent {spent} ÷ budget {budget} = {rate}; above 100% scores full points {points}",
    ),
    "x_converted": ("（{text} 按 {value} 计）", " ({text} taken as {value})"),
    # --- labels ------------------------------------------------------------------
    "lbl_indicator": ("指标", "Indicator"),
    "lbl_level1": ("一级指标", "Level-1 indicator"),
    "lbl_points": ("分值", "Points"),
    "lbl_points_l1": ("指标分值", "Points"),
    "lbl_score": ("得分", "Score"),
    "lbl_rate": ("得分率", "Rate"),
    "lbl_target": ("目标值", "Target"),
    "lbl_actual": ("实际值", "Actual"),
    "lbl_explain": ("评分说明", "How scored"),
    "lbl_total_row": ("合计", "Total"),
    "lbl_tree_title": ("{name}　指标得分表", "{name}: scores by indicator"),
    "lbl_summary_title": ("评价得分和等级", "Score and grade"),
    "lbl_result": (
        "绩效评价得分：{score} 分　评价结果等级：{grade}",
        "Performance score: {score}   Grade: {grade}",
    ),
    "lbl_grade_table": ("等级标准：{bands}", "Grade bands: {bands}"),
    "lbl_checks_ok": ("核对报告值：{n} 项全部一致", "Published values checked: all {n} agree"),
    "lbl_checks_none": ("文件未给出报告值（reported），未核对", "No published values (reported) to check"),
    "lbl_checks_bad": (
        "核对报告值：{bad} 项不一致（共 {n} 项）",
        "Published values checked: {bad} of {n} disagree",
    ),
    "lbl_check_path": ("指标路径", "Path"),
    "lbl_check_of": ("项目", "Of"),
    "lbl_reported": ("报告值", "Reported"),
    "lbl_computed": ("计算值", "Computed"),
    "lbl_difference": ("差额", "Difference"),
    "lbl_of_score": ("得分", "score"),
    "lbl_of_rate": ("得分率", "rate"),
    "lbl_root": ("（总分）", "(total)"),
    "lbl_mismatch_mark": ("≠报告 {reported}", "≠ reported {reported}"),
    "lbl_ok": ("OK", "OK"),
    "lbl_a_mapping": ("键值映射", "a mapping"),
    "lbl_a_list": ("列表", "a list"),
    "lbl_file_ok": ("{file}：OK", "{file}: OK"),
}


def register(entries: dict[str, tuple[str, str]]) -> None:
    """Add a feature module's own sentences (keys must be new)."""
    clash = CATALOG.keys() & entries.keys()
    if clash:  # a bug, not a user mistake: two modules claim one key
        raise KeyError(f"message keys defined twice: {sorted(clash)}")
    CATALOG.update(entries)


def set_language(lang: str) -> None:
    """Choose the language of every later message (``zh`` or ``en``)."""
    global _LANG
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _LANG = lang


def language() -> str:
    return _LANG


def t(key: str, /, **params: object) -> str:
    """The sentence ``key`` in the current language, with ``params`` filled in."""
    zh, en = CATALOG[key]
    template = en if _LANG == "en" else zh
    # A sentence without parameters is returned as written (braces and all).
    return template.format(**params) if params else template


