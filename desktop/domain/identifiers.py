"""Check the identifiers typed at the counter: USCC, resident ID and e-licence identifier.

统一社会信用代码 follows GB 32100-2015, 公民身份号码 GB 11643-1999, and the e-licence
identifier (电子证照标识) GB/T 36904 with an ISO 7064 hybrid MOD 37,36 check character.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
MOD37_36_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ELICENCE_PREFIX = "1.2.156.3005.2."
EARLIEST_BIRTH = date(1800, 1, 1)

_DIGITS = "0123456789"
# Letters the USCC leaves out, and the digit a clerk most likely meant.
_USCC_LOOKALIKES = {"I": "1", "O": "0", "Z": "2", "S": "5"}
# Ideographic full stops typed by Chinese input methods in place of ".".
_DOT_LIKE = str.maketrans({"。": ".", "｡": "."})


@dataclass(frozen=True)
class IdentifierCheck:
    """Outcome of checking one identifier; ``message`` is shown to the clerk as is."""

    kind: str  # "uscc" | "id" | "elicence"
    normalized: str
    valid: bool
    checksum_ok: bool  # False also when malformed
    message: str
    well_formed: bool  # structure right regardless of the check character


def normalize_identifier(text: str) -> str:
    """NFKC (full-width to half-width), drop all whitespace and invisible marks, upper-case."""
    text = unicodedata.normalize("NFKC", text).translate(_DOT_LIKE)
    kept = (ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")
    return "".join(kept).upper()


def _malformed(kind: str, normalized: str, message: str) -> IdentifierCheck:
    return IdentifierCheck(kind, normalized, False, False, message, False)


def _checked(kind: str, normalized: str, expected: str, name: str, where: str) -> IdentifierCheck:
    if normalized[-1] == expected:
        return IdentifierCheck(kind, normalized, True, True, f"{name}有效", True)
    message = f"{name}校验位不正确，请核对{where}（计算应为{expected}）"
    return IdentifierCheck(kind, normalized, False, False, message, True)


# ---------------------------------------------------------------- USCC


def uscc_check_character(first17: str) -> str:
    """Check character (18th) of a USCC given its first 17 characters."""
    if len(first17) != 17 or any(ch not in USCC_CHARSET for ch in first17):
        raise ValueError("统一社会信用代码前17位应为17个允许的字符")
    total = sum(USCC_CHARSET.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def check_uscc(text: str) -> IdentifierCheck:
    """Check a 统一社会信用代码; a wrong check character leaves it well-formed."""
    code = normalize_identifier(text)
    if not code:
        return _malformed("uscc", code, "请输入统一社会信用代码")
    if len(code) != 18:
        return _malformed("uscc", code, f"统一社会信用代码应为18位，当前为{len(code)}位")
    for pos, ch in enumerate(code, start=1):
        if ch not in USCC_CHARSET:
            hint = _USCC_LOOKALIKES.get(ch)
            advice = f"，是否应为“{hint}”？" if hint else "，请核对后重新输入"
            return _malformed("uscc", code, f"第{pos}位字符“{ch}”不是统一社会信用代码允许的字符{advice}")
    expected = uscc_check_character(code[:17])
    return _checked("uscc", code, expected, "统一社会信用代码", "第18位")


# ---------------------------------------------------------------- resident ID


def resident_id_check_character(first17: str) -> str:
    """Check character (18th) of a resident ID given its first 17 digits."""
    if len(first17) != 17 or any(ch not in _DIGITS for ch in first17):
        raise ValueError("公民身份号码前17位应为17位数字")
    total = sum(int(ch) * w for ch, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def _birth_date_problem(digits: str, today: date) -> str | None:
    try:
        born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return f"出生日期无效（第7–14位为{digits}），请核对公民身份号码"
    if born > today:
        return f"出生日期晚于今天（第7–14位为{digits}），请核对公民身份号码"
    if born < EARLIEST_BIRTH:
        return f"出生日期早于1800年（第7–14位为{digits}），请核对公民身份号码"
    return None


def check_resident_id(text: str, today: date) -> IdentifierCheck:
    """Check an 18-digit 公民身份号码, including its birth date against ``today``."""
    code = normalize_identifier(text)
    if not code:
        return _malformed("id", code, "请输入公民身份号码")
    if len(code) == 15 and all(ch in _DIGITS for ch in code):
        return _malformed("id", code, "这是15位旧身份证号码，请提供18位公民身份号码")
    if len(code) != 18:
        return _malformed("id", code, f"公民身份号码应为18位，当前为{len(code)}位")
    for pos, ch in enumerate(code[:17], start=1):
        if ch not in _DIGITS:
            return _malformed("id", code, f"第{pos}位字符“{ch}”应为数字，请核对公民身份号码")
    if code[17] not in _DIGITS + "X":
        return _malformed("id", code, f"第18位字符“{code[17]}”应为数字或X，请核对公民身份号码")
    problem = _birth_date_problem(code[6:14], today)
    if problem:
        return _malformed("id", code, problem)
    return _checked("id", code, resident_id_check_character(code[:17]), "公民身份号码", "第18位")


# ---------------------------------------------------------------- e-licence identifier


def mod37_36_check_character(data: str) -> str:
    """ISO 7064 hybrid MOD 37,36 check character over ``data`` (0-9, A-Z)."""
    product = 36
    for ch in data:
        value = MOD37_36_ALPHABET.find(ch)
        if value < 0:
            raise ValueError(f"字符“{ch}”不能参与电子证照标识校验位计算")
        total = (product + value) % 36 or 36
        product = total * 2 % 37
    return MOD37_36_ALPHABET[(37 - product) % 36]


_ELICENCE_PARTS = ("证照类型代码", "颁发机构代码", "流水号", "版本号", "校验位")


def check_elicence(text: str) -> IdentifierCheck:
    """Check an e-licence identifier ``1.2.156.3005.2.<类型>.<机构>.<流水号>.<版本>.<校验位>``."""
    code = normalize_identifier(text)
    if not code:
        return _malformed("elicence", code, "请输入电子证照标识")
    if not code.startswith(ELICENCE_PREFIX):
        return _malformed("elicence", code, f"电子证照标识应以“{ELICENCE_PREFIX}”开头，请核对")
    parts = code[len(ELICENCE_PREFIX) :].split(".")
    if len(parts) != len(_ELICENCE_PARTS):
        message = (
            "电子证照标识在前缀之后应为“证照类型代码.颁发机构代码.流水号.版本号.校验位”5段，"
            f"当前为{len(parts)}段，请核对"
        )
        return _malformed("elicence", code, message)
    for name, part in zip(_ELICENCE_PARTS, parts, strict=True):
        if not part:
            return _malformed("elicence", code, f"电子证照标识的{name}为空，请核对")
        bad = next((ch for ch in part if ch not in MOD37_36_ALPHABET), None)
        if bad is not None:
            return _malformed("elicence", code, f"电子证照标识的{name}含有不允许的字符“{bad}”，请核对")
    version, check = parts[3], parts[4]
    if len(version) != 3 or any(ch not in _DIGITS for ch in version):
        return _malformed("elicence", code, f"电子证照标识的版本号应为3位数字，当前为“{version}”")
    if len(check) != 1:
        return _malformed("elicence", code, f"电子证照标识的校验位应为1个字符，当前为“{check}”")
    expected = mod37_36_check_character("".join(parts[:4]))
    return _checked("elicence", code, expected, "电子证照标识", "最后一位")
