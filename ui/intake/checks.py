"""Inline checks of what the clerk types, with the message shown next to the field (no widgets here).

While the clerk is still typing (``final=False``) an incomplete identifier only gets a neutral
count ("已输入 12/18 位"); a character that can never be right is an error at once. When the
field is left, or at 受理, the full message applies.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import Enum

from PySide6.QtCore import QCoreApplication

from desktop.domain.catalog import FormField
from desktop.domain.identifiers import (
    USCC_CHARSET,
    check_resident_id,
    check_uscc,
    normalize_identifier,
)

USCC_LENGTH = 18
ID_LENGTH = 18
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$")
_PHONE_CHARS = re.compile(r"^[\d\-]*$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


class Level(str, Enum):
    NONE = ""  # nothing to say
    HINT = "hint"  # neutral: still typing
    OK = "ok"
    WARNING = "warning"  # may go on with a supervisor's override
    ERROR = "error"  # must be corrected


@dataclass(frozen=True)
class FieldCheck:
    level: Level
    message: str = ""

    @property
    def blocking(self) -> bool:
        return self.level is Level.ERROR


NOTHING = FieldCheck(Level.NONE)


def uscc(text: str, final: bool = False) -> FieldCheck:
    code = normalize_identifier(text)
    if not code:
        return (
            FieldCheck(Level.ERROR, QCoreApplication.translate("IntakeWizard", "请输入统一社会信用代码"))
            if final
            else NOTHING
        )
    if len(code) < USCC_LENGTH and not final:
        bad = next((ch for ch in code if ch not in USCC_CHARSET), None)
        if bad is not None:  # the same wording as the full check, with the position
            return FieldCheck(Level.ERROR, check_uscc(code.ljust(USCC_LENGTH, "0")).message)
        return FieldCheck(
            Level.HINT,
            QCoreApplication.translate("IntakeWizard", "已输入 {typed}/{length} 位").format(
                typed=len(code), length=USCC_LENGTH
            ),
        )
    result = check_uscc(code)
    if result.valid:
        return FieldCheck(Level.OK, QCoreApplication.translate("IntakeWizard", "校验通过"))
    if result.well_formed:
        return FieldCheck(Level.WARNING, result.message)
    return FieldCheck(Level.ERROR, result.message)


def resident_id(text: str, today: date, final: bool = False) -> FieldCheck:
    code = normalize_identifier(text)
    if not code:
        return NOTHING  # optional on the enterprise page; the form marks it when required
    if len(code) < ID_LENGTH and not final:
        bad = next((i for i, ch in enumerate(code[:17], 1) if not ch.isdigit()), None)
        if bad is not None:
            return FieldCheck(
                Level.ERROR,
                QCoreApplication.translate(
                    "IntakeWizard", "第{position}位字符“{char}”应为数字，请核对公民身份号码"
                ).format(position=bad, char=code[bad - 1]),
            )
        return FieldCheck(
            Level.HINT,
            QCoreApplication.translate("IntakeWizard", "已输入 {typed}/{length} 位").format(
                typed=len(code), length=ID_LENGTH
            ),
        )
    result = check_resident_id(code, today)
    if result.valid:
        return FieldCheck(Level.OK, QCoreApplication.translate("IntakeWizard", "校验通过"))
    return FieldCheck(Level.ERROR, result.message)


def _phone_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "()")


def phone(text: str, final: bool = False) -> FieldCheck:
    value = _phone_text(text)
    if not value:
        return NOTHING
    if not _PHONE_CHARS.match(value):
        return FieldCheck(
            Level.ERROR, QCoreApplication.translate("IntakeWizard", "联系电话只能包含数字和“-”")
        )
    if _MOBILE.match(value):
        return FieldCheck(Level.OK, QCoreApplication.translate("IntakeWizard", "手机号码"))
    if _LANDLINE.match(value):
        return FieldCheck(Level.OK, QCoreApplication.translate("IntakeWizard", "固定电话"))
    if not final:
        if value.startswith("1") and len(value) < 11:
            return FieldCheck(
                Level.HINT,
                QCoreApplication.translate("IntakeWizard", "手机号码已输入 {typed}/11 位").format(
                    typed=len(value)
                ),
            )
        if value.startswith("0") and len(value.replace("-", "")) < 10:
            return FieldCheck(
                Level.HINT,
                QCoreApplication.translate("IntakeWizard", "固定电话：区号加号码，如 0354-3012345"),
            )
    if value.startswith("1") and len(value) != 11:
        return FieldCheck(
            Level.ERROR,
            QCoreApplication.translate("IntakeWizard", "手机号码应为11位，当前为{typed}位").format(
                typed=len(value)
            ),
        )
    return FieldCheck(
        Level.ERROR,
        QCoreApplication.translate(
            "IntakeWizard", "联系电话应为11位手机号码，或带区号的固定电话（如 0354-3012345）"
        ),
    )


def number(text: str, label: str) -> FieldCheck:
    value = unicodedata.normalize("NFKC", text).strip()
    if not value or _NUMBER.match(value):
        return NOTHING
    return FieldCheck(
        Level.ERROR,
        QCoreApplication.translate("IntakeWizard", "{label}应为数字，如 120 或 85.5").format(label=label),
    )


def date_text(text: str, label: str) -> FieldCheck:
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return NOTHING
    try:
        date.fromisoformat(value)
    except ValueError:
        return FieldCheck(
            Level.ERROR,
            QCoreApplication.translate("IntakeWizard", "{label}应写作“年-月-日”，如 2026-11-26").format(
                label=label
            ),
        )
    return NOTHING


def fill_in(name: str) -> str:
    """The message of an empty required field: 请填写{name}."""
    return QCoreApplication.translate("IntakeWizard", "请填写{name}").format(name=name)


def filled_in_name(message: str) -> str | None:
    """The field's name in a message made by ``fill_in`` (None for any other message)."""
    prefix, _, suffix = QCoreApplication.translate("IntakeWizard", "请填写{name}").partition("{name}")
    if message.startswith(prefix) and message.endswith(suffix) and len(message) > len(prefix) + len(suffix):
        return message[len(prefix) : len(message) - len(suffix)]
    return None


def plain_label(label: str) -> str:
    """A field's label without its explanation in brackets: 经营场所面积（㎡） → 经营场所面积."""
    return re.split(r"[（(]", label, maxsplit=1)[0].strip() or label


def form_field(field: FormField, text: str, today: date, final: bool = False) -> FieldCheck:
    """The check of one field of the merged form, by its type; empty required fields at ``final``."""
    name = plain_label(field.label)
    if not text.strip():
        if final and field.required:
            return FieldCheck(Level.ERROR, fill_in(name))
        return NOTHING
    if field.type == "number":
        return number(text, name)
    if field.type == "date":
        return date_text(text, name)
    if field.type == "phone":
        return phone(text, final)
    if field.type == "id":
        return resident_id(text, today, final)
    if field.type == "uscc":
        return uscc(text, final)
    return NOTHING


def options_in_label(label: str) -> tuple[str, ...]:
    """Choices written into a label: 经营场所权属（自有/租赁/无偿使用） → 自有, 租赁, 无偿使用."""
    match = re.search(r"[（(]([^（）()]*/[^（）()]*)[）)]", label)
    if not match:
        return ()
    return tuple(part.strip() for part in match.group(1).split("/") if part.strip())
