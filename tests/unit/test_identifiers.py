"""Tests for USCC, resident ID and e-licence identifier checks."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.identifiers import (
    ELICENCE_PREFIX,
    MOD37_36_ALPHABET,
    USCC_CHARSET,
    check_elicence,
    check_resident_id,
    check_uscc,
    mod37_36_check_character,
    normalize_identifier,
    resident_id_check_character,
    uscc_check_character,
)

TODAY = date(2026, 3, 1)
ELICENCE = "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F"
NO_DB = settings(database=None)


def _substitutions(code: str, alphabet: str) -> list[str]:
    return [code[:i] + ch + code[i + 1 :] for i in range(len(code)) for ch in alphabet if ch != code[i]]


# ---------------------------------------------------------------- normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("９１３１０１１０６６６００７２１７Ｔ", "91310110666007217T"),
        ("\u30009131 0110\t6660 0721 7t\n", "91310110666007217T"),
        ("11010519491231002ｘ", "11010519491231002X"),
        ("11010519491231002Ｘ", "11010519491231002X"),
        ("1．2．156。3005", "1.2.156.3005"),
        ("\ufeff9131\u200b0110", "91310110"),
        ("", ""),
    ],
)
def test_normalize_identifier(raw: str, expected: str) -> None:
    assert normalize_identifier(raw) == expected


# ---------------------------------------------------------------- USCC


@pytest.mark.parametrize("code", ["91310110666007217T", "91110000600037341L"])
def test_uscc_valid(code: str) -> None:
    result = check_uscc(code)
    assert (result.kind, result.normalized) == ("uscc", code)
    assert result.valid and result.checksum_ok and result.well_formed
    assert "有效" in result.message
    assert uscc_check_character(code[:17]) == code[17]


def test_uscc_full_width_and_spaces_accepted() -> None:
    result = check_uscc(" ９１３１０１１０ ６６６００７２１７ｔ ")
    assert result.valid
    assert result.normalized == "91310110666007217T"


def test_uscc_wrong_check_character_is_well_formed_warning() -> None:
    result = check_uscc("91350100M0001TGQXM")
    assert not result.valid
    assert not result.checksum_ok
    assert result.well_formed
    expected = uscc_check_character("91350100M0001TGQX")
    assert expected != "M"
    assert result.message == f"统一社会信用代码校验位不正确，请核对第18位（计算应为{expected}）"


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("9131011066600721T", "统一社会信用代码应为18位，当前为17位"),
        ("91310110666007217TT", "当前为19位"),
        ("9131I110666007217T", "第5位字符“I”不是统一社会信用代码允许的字符"),
        ("9131O110666007217T", "是否应为“0”"),
        ("91310110666007217V", "第18位字符“V”"),
        ("91310110-66007217T", "第9位字符“-”"),
        ("", "请输入统一社会信用代码"),
    ],
)
def test_uscc_malformed(raw: str, fragment: str) -> None:
    result = check_uscc(raw)
    assert not result.valid and not result.checksum_ok and not result.well_formed
    assert fragment in result.message


def test_uscc_any_single_substitution_detected() -> None:
    for code in _substitutions("91310110666007217T", USCC_CHARSET):
        assert not check_uscc(code).valid, code


@NO_DB
@given(st.text(alphabet=USCC_CHARSET, min_size=17, max_size=17))
def test_uscc_computed_check_character_verifies(body: str) -> None:
    check = uscc_check_character(body)
    assert check_uscc(body + check).valid
    for other in USCC_CHARSET.replace(check, ""):
        result = check_uscc(body + other)
        assert result.well_formed and not result.valid


@pytest.mark.parametrize("bad", ["9131011066600721", "9131011066600721IX", "9131011066600721I"])
def test_uscc_check_character_rejects_bad_input(bad: str) -> None:
    with pytest.raises(ValueError, match="17"):
        uscc_check_character(bad)


# ---------------------------------------------------------------- resident ID


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002X",
        "11010519491231002x",
        "１１０１０５１９４９１２３１００２Ｘ",
        "110105 19491231 002X",
    ],
)
def test_resident_id_valid(raw: str) -> None:
    result = check_resident_id(raw, TODAY)
    assert result.kind == "id"
    assert result.normalized == "11010519491231002X"
    assert result.valid and result.checksum_ok and result.well_formed
    assert "有效" in result.message


def test_resident_id_check_character() -> None:
    assert resident_id_check_character("11010519491231002") == "X"
    with pytest.raises(ValueError, match="17位数字"):
        resident_id_check_character("1101051949123100X")


def test_resident_id_wrong_check_digit() -> None:
    result = check_resident_id("110105194912310021", TODAY)
    assert result.well_formed and not result.valid and not result.checksum_ok
    assert "第18位" in result.message and "计算应为X" in result.message


def _with_check(first17: str) -> str:
    return first17 + resident_id_check_character(first17)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (_with_check("11010519490230002"), "出生日期无效"),
        (_with_check("11010519491331002"), "出生日期无效"),
        (_with_check("11010520260302002"), "出生日期晚于今天"),
        (_with_check("11010517991231002"), "早于1800年"),
        ("110105491231002", "15位旧身份证号码"),
        ("11010519491231002", "公民身份号码应为18位，当前为17位"),
        ("1101051949123100XX", "第17位字符“X”应为数字"),
        ("11010519491231002Y", "第18位字符“Y”应为数字或X"),
        ("", "请输入公民身份号码"),
    ],
)
def test_resident_id_malformed(raw: str, fragment: str) -> None:
    result = check_resident_id(raw, TODAY)
    assert not result.valid and not result.checksum_ok and not result.well_formed
    assert fragment in result.message


def test_resident_id_birth_date_boundaries() -> None:
    assert check_resident_id(_with_check("11010520260301002"), TODAY).valid
    assert check_resident_id(_with_check("11010518000101002"), TODAY).valid


def test_resident_id_any_single_substitution_detected() -> None:
    for code in _substitutions("11010519491231002X", "0123456789X"):
        assert not check_resident_id(code, TODAY).valid, code


@NO_DB
@given(
    region=st.text(alphabet="0123456789", min_size=6, max_size=6),
    born=st.dates(min_value=date(1800, 1, 1), max_value=TODAY),
    seq=st.text(alphabet="0123456789", min_size=3, max_size=3),
)
def test_resident_id_computed_check_verifies(region: str, born: date, seq: str) -> None:
    body = f"{region}{born:%Y%m%d}{seq}"
    check = resident_id_check_character(body)
    assert check_resident_id(body + check, TODAY).valid
    for other in "0123456789X".replace(check, ""):
        result = check_resident_id(body + other, TODAY)
        assert result.well_formed and not result.valid


# ---------------------------------------------------------------- e-licence


def test_elicence_known_good_example() -> None:
    result = check_elicence(ELICENCE)
    assert result.kind == "elicence"
    assert result.valid and result.checksum_ok and result.well_formed
    assert mod37_36_check_character("11100000000013338W03211220000013544541J2430599001") == "F"


def test_elicence_full_width_and_lower_case_accepted() -> None:
    raw = "１．２．１５６．３００５．２．11100000000013338w032.11220000013544541j.2430599.001.f"
    result = check_elicence(raw)
    assert result.valid
    assert result.normalized == ELICENCE


def test_elicence_any_single_substitution_invalid() -> None:
    for code in _substitutions(ELICENCE, MOD37_36_ALPHABET + ".-"):
        assert not check_elicence(code).valid, code


def test_elicence_wrong_check_character() -> None:
    result = check_elicence(ELICENCE[:-1] + "G")
    assert result.well_formed and not result.valid and not result.checksum_ok
    assert "计算应为F" in result.message


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("1.2.156.3005.3.A.B.1.001.F", "应以“1.2.156.3005.2.”开头"),
        (ELICENCE.replace(".2430599", ""), "当前为4段"),
        (ELICENCE.replace(".001.", ".01."), "版本号应为3位数字"),
        (ELICENCE.replace(".001.", ".0A1."), "版本号应为3位数字"),
        (ELICENCE + "F", "校验位应为1个字符"),
        (ELICENCE.replace(".2430599.", ".."), "流水号为空"),
        (ELICENCE.replace("W032", "W-32"), "证照类型代码含有不允许的字符“-”"),
        ("", "请输入电子证照标识"),
    ],
)
def test_elicence_malformed(raw: str, fragment: str) -> None:
    result = check_elicence(raw)
    assert not result.valid and not result.checksum_ok and not result.well_formed
    assert fragment in result.message


def test_mod37_36_rejects_characters_outside_alphabet() -> None:
    with pytest.raises(ValueError, match="不能参与"):
        mod37_36_check_character("12.3")


@NO_DB
@given(
    st.lists(st.text(alphabet=MOD37_36_ALPHABET, min_size=1, max_size=21), min_size=3, max_size=3),
    st.integers(min_value=0, max_value=999),
)
def test_elicence_computed_check_verifies(segments: list[str], version: int) -> None:
    data = [*segments, f"{version:03d}"]
    check = mod37_36_check_character("".join(data))
    code = ELICENCE_PREFIX + ".".join([*data, check])
    assert check_elicence(code).valid
    for other in MOD37_36_ALPHABET.replace(check, ""):
        result = check_elicence(code[:-1] + other)
        assert result.well_formed and not result.valid
