"""Splitting a registered business scope into standard terms."""

from __future__ import annotations

from desktop.domain.scope import normalize_scope_text, split_scope

FULL = (
    "许可项目：食品销售；出版物零售（依法须经批准的项目，经相关部门批准后方可开展经营活动，"
    "具体经营项目以相关部门批准文件或许可证件为准）一般项目：日用百货销售；软件开发；"
    "食品销售（仅销售预包装食品）（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。"
)


def test_whole_scope_string_gives_its_terms_without_boilerplate() -> None:
    assert split_scope(FULL) == [
        "食品销售",
        "出版物零售",
        "日用百货销售",
        "软件开发",
        "食品销售（仅销售预包装食品）",
    ]


def test_half_width_punctuation_and_spaces_are_normalised() -> None:
    text = (
        "许可项目: 食品销售;出版物零售(依法须经批准的项目,经相关部门批准后方可开展经营活动) "
        "一般项目:食品销售(仅销售预包装食品),软件开发."
    )
    assert split_scope(text) == ["食品销售", "出版物零售", "食品销售（仅销售预包装食品）", "软件开发"]
    assert normalize_scope_text("食品销售(仅销售预包装食品)") == "食品销售（仅销售预包装食品）"


def test_enumeration_comma_splits_unless_the_whole_segment_is_a_known_term() -> None:
    term = "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广"
    assert split_scope(f"{term}；软件开发") == [
        "技术服务",
        "技术开发",
        "技术咨询",
        "技术交流",
        "技术转让",
        "技术推广",
        "软件开发",
    ]
    assert split_scope(f"{term}；软件开发", is_known=lambda s: s == term) == [term, "软件开发"]


def test_qualifying_parentheticals_stay_and_duplicates_collapse() -> None:
    assert split_scope("劳务服务（不含劳务派遣）、劳务服务（不含劳务派遣）") == ["劳务服务（不含劳务派遣）"]
    # a separator inside a qualifier does not split the term
    assert split_scope("人力资源服务（不含职业中介活动、劳务派遣服务）") == [
        "人力资源服务（不含职业中介活动、劳务派遣服务）"
    ]


def test_empty_and_punctuation_only_input() -> None:
    assert split_scope("") == []
    assert split_scope("；；。、，") == []
    assert split_scope("许可项目：（依法须经批准的项目）") == []
