"""fit_text: shrink to the minimum, then wrap, never overflow — checked directly and as a property."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printing.fonts import char_width, font, has_glyph, text_width
from printing.text import (
    FLOOR_SIZE,
    chinese_number,
    fit_text,
    format_date,
    format_validity,
    wrap_text,
)
from tests.printing.samples import LONG_ADDRESS, LONG_NAME

MM = 72 / 25.4


def assert_inside(fitted, width: float, height: float) -> None:  # type: ignore[no-untyped-def]
    for line in fitted.lines:
        assert text_width(line, fitted.size) <= width, (line, fitted.size, width)
    assert len(fitted.lines) * fitted.leading <= height + 1e-9


def test_short_text_keeps_the_largest_size_on_one_line() -> None:
    fitted = fit_text("王晓明", 130 * MM, 10 * MM, 13, 9)
    assert fitted.size == 13
    assert fitted.lines == ("王晓明",)


def test_shrinks_on_one_line_before_wrapping() -> None:
    text = "晋中市榆次区悦来便利店连锁经营有限公司顺城街分店"  # 24 characters
    width = 20 * 11 + 1  # room for 20 characters at 11 pt: one line needs a smaller size
    fitted = fit_text(text, width, 40, 11, 8)
    assert fitted.lines == (text,)
    assert 8 <= fitted.size < 11
    assert_inside(fitted, width, 40)


def test_wraps_at_the_largest_size_once_one_line_would_go_below_the_minimum() -> None:
    width, height = 130 * MM, 18 * MM
    fitted = fit_text(LONG_NAME, width, height, 15, 10.5)
    assert len(fitted.lines) >= 2
    assert fitted.size >= 10.5
    assert "".join(fitted.lines) == LONG_NAME
    assert_inside(fitted, width, height)
    # and no larger size would have fitted
    bigger = fit_text(LONG_NAME, width, height, fitted.size + 0.25, fitted.size + 0.25)
    assert bigger.size < fitted.size + 0.25 or bigger.truncated


def test_ninety_character_address_fits_the_licence_box() -> None:
    width, height = (132 - 2.4) * MM, (18 - 1.6) * MM
    fitted = fit_text(LONG_ADDRESS, width, height, 13, 9)
    assert not fitted.truncated
    assert fitted.size >= 9
    assert "".join(fitted.lines) == LONG_ADDRESS
    assert_inside(fitted, width, height)


def test_prefer_wrap_keeps_prose_large() -> None:
    text = "经营项目：预包装食品（含冷藏冷冻食品）销售，散装食品（不含冷藏冷冻食品）销售。"
    one_line = fit_text(text, 300, 100, 12, 6)
    wrapped = fit_text(text, 300, 100, 12, 6, prefer_wrap=True)
    assert len(one_line.lines) == 1 and one_line.size < 12
    assert len(wrapped.lines) == 2 and wrapped.size == 12


def test_goes_below_the_minimum_rather_than_overflow() -> None:
    text = "很长的许可事项名称" * 6
    fitted = fit_text(text, 100, 20, 10, 8)
    assert FLOOR_SIZE <= fitted.size < 8
    assert not fitted.truncated
    assert "".join(fitted.lines) == text
    assert_inside(fitted, 100, 20)


def test_cuts_with_an_ellipsis_only_when_nothing_else_fits() -> None:
    text = "无法放下的文字" * 100
    fitted = fit_text(text, 60, 12, 10, 8)
    assert fitted.truncated
    assert fitted.size == FLOOR_SIZE
    assert fitted.lines and fitted.lines[-1].endswith("…")
    assert_inside(fitted, 60, 12)


def test_line_breaking_keeps_punctuation_with_its_character() -> None:
    text = "许可条件：具有与经营的食品品种、数量相适应的场所，“证照分离”改革（试点）。" * 3
    for width in range(60, 400, 7):
        lines = wrap_text(text, 10, width)
        assert lines is not None
        for line in lines[1:]:
            assert line[0] not in "，。、；：）”", (width, line)
        for line in lines[:-1]:
            assert line[-1] not in "（“", (width, line)
        assert "".join(lines) == text


def test_latin_words_are_not_split_when_they_fit() -> None:
    lines = wrap_text("经营者 Yuelai Convenience Store Co., Ltd. 位于顺城街", 10, 120)
    assert lines is not None
    assert any("Convenience" in line for line in lines)
    assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines)


def test_hard_line_breaks_are_kept() -> None:
    fitted = fit_text("扫描二维码\n查验许可事项及其状态", 200, 40, 9, 7)
    assert fitted.lines == ("扫描二维码", "查验许可事项及其状态")


def test_empty_text() -> None:
    assert fit_text("   ", 100, 10, 10, 8).lines == ()


def test_min_above_max_is_an_error() -> None:
    with pytest.raises(ValueError):
        fit_text("x", 100, 10, 8, 10)


_ALPHABET = st.sampled_from(
    list("晋中市榆次区悦来便利店有限公司食品经营许可证照分离改革")
    + list("，。、；：（）“”《》—…")
    + list("ABCDEFGHJKLMNPQRTUWXY0123456789abcxyz-./()&")
    + [" ", " ", "\n", "　"]
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(_ALPHABET, max_size=160).map("".join),
    width=st.floats(8, 500),
    height=st.floats(3, 200),
    max_size=st.floats(4, 24),
    spread=st.floats(0, 10),
    char_space=st.sampled_from([0.0, 0.0, 1.5, 6.0]),
    prefer_wrap=st.booleans(),
)
def test_never_overflows_and_never_loses_text_silently(
    text: str,
    width: float,
    height: float,
    max_size: float,
    spread: float,
    char_space: float,
    prefer_wrap: bool,
) -> None:
    min_size = max(1.0, max_size - spread)
    fitted = fit_text(text, width, height, max_size, min_size, char_space=char_space, prefer_wrap=prefer_wrap)
    for line in fitted.lines:
        drawn = text_width(line, fitted.size) + char_space * len(line)
        assert drawn <= width, (line, fitted)
    assert len(fitted.lines) * fitted.leading <= height + 1e-9
    assert fitted.size <= max_size
    if not fitted.truncated:
        # every character that is not a space is printed, in order
        assert "".join(fitted.lines).split() == text.split() or (
            "".join("".join(fitted.lines).split()) == "".join(text.split())
        )
        if fitted.size < min_size:
            assert fitted.size >= FLOOR_SIZE


def test_font_is_registered_once_and_measures_like_reportlab() -> None:
    from reportlab.pdfbase import pdfmetrics

    assert font() == font()
    assert pdfmetrics.stringWidth("许可证 JY123", font(), 12) == pytest.approx(text_width("许可证 JY123", 12))
    assert char_width("中") == pytest.approx(1.0)
    assert has_glyph("榆") and has_glyph("㎡") and not has_glyph("𠮷")


def test_wording() -> None:
    assert format_date(date(2026, 11, 26)) == "2026年11月26日"
    assert format_date(date(2027, 1, 5)) == "2027年1月5日"
    assert format_validity(None) == "长期"
    assert format_validity(date(2031, 11, 25)) == "2031年11月25日"
    assert [chinese_number(n) for n in (1, 2, 10, 11, 20, 23, 99)] == [
        "一",
        "二",
        "十",
        "十一",
        "二十",
        "二十三",
        "九十九",
    ]
