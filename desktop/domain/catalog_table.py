"""The catalog in the official column layout (证照分离改革事项清单), and the bundled companion tables.

Import is all-or-nothing: any bad row rejects the whole file with row-numbered errors.
Row numbers are file lines: the header is row 1, the first matter row 2.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from desktop.domain.catalog import (
    APPROVAL_LEVELS,
    FIELD_TYPES,
    CheckWindow,
    FormField,
    Industry,
    Material,
    MaterialSource,
    Matter,
    Provenance,
    Quota,
    ReformMode,
    ScopeTerm,
    ScopeTermKind,
)
from desktop.domain.errors import DomainError, RejectedInput, RowError

R = TypeVar("R")

OFFICIAL_COLUMNS = (
    "序号",
    "主管部门",
    "事项名称",
    "设定依据",
    "审批层级和部门",
    "改革方式",
    "具体改革举措",
    "加强事中事后监管措施",
    "备注",
)
OPTIONAL_OFFICIAL_COLUMNS = ("审批方式",)
# Our extension columns: all optional. Their defaults are documented in README (目录导入).
EXTENSION_COLUMNS = (
    "事项编码",
    "仅限自贸区",
    "办理时限",
    "核查期限",
    "允许试营业",
    "总量控制",
    "来源",
    "已核实",
)
EXPORT_COLUMNS = OFFICIAL_COLUMNS + OPTIONAL_OFFICIAL_COLUMNS + EXTENSION_COLUMNS

UNKNOWN_LEGAL_BASIS = "待核实"
DEFAULT_TIME_LIMIT = {
    ReformMode.CANCEL: 0,
    ReformMode.FILING: 0,  # 当场办结
    ReformMode.COMMITMENT: 0,  # decided on the spot
    ReformMode.OPTIMIZE: 20,  # 行政许可法第四十二条
}
DEFAULT_CHECK_WINDOW = CheckWindow(30, "working_days")

_TRUE = ("是", "true", "1", "y", "yes", "√")
_FALSE = ("否", "false", "0", "n", "no", "")


def parse_bool(text: str) -> bool:
    key = text.strip().lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise DomainError(f"“{text}”应为“是”或“否”")


def format_bool(value: bool) -> str:
    return "是" if value else "否"


MAX_INT = 2_147_483_647  # the largest value every database's INTEGER column holds


# What a stored column holds (characters); a longer cell is a row error, not a database failure.
MATTER_LIMITS = {"事项编码": 32, "事项名称": 200, "主管部门": 100, "审批方式": 50, "来源": 500}
REFERENCE_LIMITS = {"行业编码": 32, "行业名称": 100, "牵头部门": 100, "规范表述": 200, "来源": 500}
MAX_TIME_LIMIT_DAYS = 365  # 办理时限: no permit takes longer than a year of working days
MAX_CHECK_WORKING_DAYS, MAX_CHECK_MONTHS = 250, 60  # 核查期限: at most a year / five years
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"} | {"\x7f"}


def check_cells(rec: Mapping[str, str], limits: Mapping[str, int]) -> None:
    """Refuse invisible control characters (they break XLSX export) and over-long cells."""
    for column, value in rec.items():
        if any(ch in _CONTROL for ch in value):
            raise DomainError(f"“{column}”含有不可见的控制字符，请删除后重新导入")
        limit = limits.get(column)
        if limit is not None and len(value) > limit:
            raise DomainError(f"“{column}”过长（{len(value)} 个字符，最多 {limit} 个）")


def parse_int(text: str, what: str, minimum: int = 0) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise DomainError(f"{what}“{text}”应为整数") from None
    if value < minimum:
        raise DomainError(f"{what}不能小于 {minimum}")
    if value > MAX_INT:
        raise DomainError(f"{what}“{text}”过大")
    return value


def split_approval(text: str) -> tuple[str, str]:
    """'县级行政审批服务管理局' -> ('县级', '行政审批服务管理局')."""
    text = text.strip()
    for level in APPROVAL_LEVELS:
        if text.startswith(level):
            return level, text[len(level) :].strip("：: ")
    return "", text


def generated_code(name: str) -> str:
    """A stable code for a matter imported without 事项编码 (same name, same code)."""
    return "X-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8].upper()


@dataclass(frozen=True)
class Table:
    """Rows of a file as read: the header and the data rows, all strings."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[object]]) -> Table:
        cleaned = [tuple("" if c is None else str(c).strip() for c in row) for row in rows]
        if not cleaned:
            return cls((), ())
        header = tuple(h.lstrip("\ufeff") for h in cleaned[0])
        return cls(header, tuple(cleaned[1:]))

    def records(self) -> Iterable[tuple[int, dict[str, str]]]:
        """(row number, column -> value) for each non-blank data row."""
        for index, row in enumerate(self.rows, start=2):
            if not any(row):
                continue
            yield (
                index,
                {h: (row[i] if i < len(row) else "") for i, h in enumerate(self.header) if h},
            )


def _require_columns(table: Table, required: Iterable[str], what: str) -> list[RowError]:
    missing = [c for c in required if c not in table.header]
    if not table.header:
        return [RowError(0, f"{what}为空")]
    if missing:
        return [RowError(1, f"表头缺少列：{'、'.join(missing)}")]
    return []


def parse_matters(
    table: Table,
    previous: Mapping[str, Matter] | None = None,
    default_source: str = "",
) -> list[Matter]:
    """Matters from the official layout. ``previous`` (by code) supplies what a column leaves out."""
    errors = _require_columns(table, OFFICIAL_COLUMNS, "事项清单文件")
    if errors:
        raise RejectedInput("事项清单文件格式不正确", errors)
    previous = previous or {}
    by_name = {m.name: m for m in previous.values()}
    matters: list[Matter] = []
    seen_codes: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    for row_no, rec in table.records():
        try:
            matter = _parse_matter(rec, previous, by_name, default_source)
        except DomainError as exc:
            errors.append(RowError(row_no, exc.message))
            continue
        if matter.code in seen_codes:
            errors.append(RowError(row_no, f"事项编码 {matter.code} 与第 {seen_codes[matter.code]} 行重复"))
            continue
        if matter.name in seen_names:
            errors.append(RowError(row_no, f"事项名称“{matter.name}”与第 {seen_names[matter.name]} 行重复"))
            continue
        seen_codes[matter.code] = row_no
        seen_names[matter.name] = row_no
        matters.append(matter)
    if not errors and not matters:
        errors.append(RowError(0, "事项清单文件中没有任何事项"))
    if errors:
        raise RejectedInput(f"事项清单文件有 {len(errors)} 处错误，未导入任何内容", errors)
    return matters


def _parse_matter(
    rec: Mapping[str, str],
    previous: Mapping[str, Matter],
    by_name: Mapping[str, Matter],
    default_source: str,
) -> Matter:
    check_cells(rec, MATTER_LIMITS)
    name = rec.get("事项名称", "")
    department = rec.get("主管部门", "")
    if not name:
        raise DomainError("“事项名称”不能为空")
    if not department:
        raise DomainError("“主管部门”不能为空")
    if not rec.get("改革方式"):
        raise DomainError("“改革方式”不能为空")
    mode = ReformMode.from_label(rec["改革方式"])
    code = rec.get("事项编码", "").upper()
    prior = previous.get(code) if code else by_name.get(name)
    if not code:
        code = prior.code if prior else generated_code(name)
    if not code.replace("-", "").replace("_", "").isalnum() or not code.isascii():
        raise DomainError(f"事项编码“{code}”只能包含字母、数字、“-”和“_”")

    level, approving = split_approval(rec.get("审批层级和部门", ""))
    if len(level) > 16 or len(approving) > 100:
        raise DomainError("“审批层级和部门”过长（层级最多 16 个字符，部门最多 100 个字符）")
    if not approving and mode is not ReformMode.CANCEL:
        raise DomainError("“审批层级和部门”不能为空（仅直接取消审批的事项可以为空）")

    def pick(column: str) -> str | None:
        """The cell's text when the column is present and filled, else None (use prior/default)."""
        value = rec.get(column)
        return value if value else None

    cell = pick("办理时限")
    if cell is not None:
        time_limit = parse_int(cell, "办理时限")
        if time_limit > MAX_TIME_LIMIT_DAYS:
            raise DomainError(f"“办理时限”{time_limit} 个工作日不合理（最多 {MAX_TIME_LIMIT_DAYS} 个工作日）")
    else:
        time_limit = prior.time_limit_days if prior else DEFAULT_TIME_LIMIT[mode]
    cell = pick("核查期限")
    check_window: CheckWindow | None
    if cell is not None:
        check_window = CheckWindow.parse(cell)
        if check_window is not None and check_window.amount > (
            MAX_CHECK_MONTHS if check_window.unit == "months" else MAX_CHECK_WORKING_DAYS
        ):
            raise DomainError(
                f"“核查期限”{check_window} 不合理"
                f"（最多 {MAX_CHECK_WORKING_DAYS} 个工作日或 {MAX_CHECK_MONTHS} 个月）"
            )
    elif prior is not None:
        check_window = prior.check_window
    else:
        check_window = DEFAULT_CHECK_WINDOW if mode is ReformMode.COMMITMENT else None
    cell = pick("仅限自贸区")
    ftz_only = parse_bool(cell) if cell is not None else bool(prior and prior.ftz_only)
    cell = pick("允许试营业")
    trial = parse_bool(cell) if cell is not None else bool(prior and prior.trial_operation_allowed)
    cell = pick("总量控制")
    quota: Quota | None
    if cell is not None:
        quota = Quota(parse_int(cell, "总量控制", minimum=1))
    else:
        quota = prior.quota if prior else None
    return Matter(
        code=code,
        name=name,
        competent_department=department,
        legal_basis=rec.get("设定依据") or UNKNOWN_LEGAL_BASIS,
        approval_level=level,
        approving_department=approving,
        mode=mode,
        reform_measures=rec.get("具体改革举措", ""),
        supervision_measures=rec.get("加强事中事后监管措施", ""),
        remarks=rec.get("备注", ""),
        approval_method=pick("审批方式") or (prior.approval_method if prior else ""),
        ftz_only=ftz_only,
        time_limit_days=time_limit,
        check_window=check_window,
        trial_operation_allowed=trial,
        quota=quota,
        fields=prior.fields if prior else (),
        materials=prior.materials if prior else (),
        conditions=prior.conditions if prior else (),
        provenance=Provenance(
            source=pick("来源") or (prior.provenance.source if prior else default_source),
            verified=parse_bool(rec.get("已核实", "")),
        ),
    )


def matter_rows(matters: Iterable[Matter]) -> list[list[str]]:
    """The official layout (plus extension columns) for export; first row is the header."""
    rows: list[list[str]] = [list(EXPORT_COLUMNS)]
    for index, m in enumerate(matters, start=1):
        rows.append(
            [
                str(index),
                m.competent_department,
                m.name,
                m.legal_basis,
                f"{m.approval_level}{m.approving_department}",
                m.mode.label,
                m.reform_measures,
                m.supervision_measures,
                m.remarks,
                m.approval_method,
                m.code,
                format_bool(m.ftz_only),
                str(m.time_limit_days),
                str(m.check_window) if m.check_window else "",
                format_bool(m.trial_operation_allowed),
                str(m.quota.cap) if m.quota else "",
                m.provenance.source,
                format_bool(m.provenance.verified),
            ]
        )
    return rows


# -- bundled companion tables ---------------------------------------------------------------
def _codes(text: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in text.replace(";", "；").split("；") if c.strip())


def _provenance(rec: Mapping[str, str]) -> Provenance:
    return Provenance(rec.get("来源", ""), parse_bool(rec.get("已核实", "")))


def _collect(
    table: Table, required: Sequence[str], what: str, parse_row: Callable[[Mapping[str, str]], R]
) -> list[R]:
    errors = _require_columns(table, required, what)
    if errors:
        raise RejectedInput(f"{what}格式不正确", errors)
    out: list[R] = []
    for row_no, rec in table.records():
        try:
            check_cells(rec, REFERENCE_LIMITS)
            out.append(parse_row(rec))
        except DomainError as exc:
            errors.append(RowError(row_no, exc.message))
    if errors:
        raise RejectedInput(f"{what}有 {len(errors)} 处错误", errors)
    return out


def attach_fields_and_materials(
    matters: Sequence[Matter], fields_table: Table, materials_table: Table
) -> list[Matter]:
    """Matters with their form fields and materials from the two companion tables."""
    by_code = {m.code: m for m in matters}

    def field_row(rec: Mapping[str, str]) -> tuple[str, FormField]:
        code = rec["事项编码"].upper()
        if code not in by_code:
            raise DomainError(f"事项编码 {code} 不在事项清单中")
        ftype = rec.get("类型", "text") or "text"
        if ftype not in FIELD_TYPES:
            raise DomainError(f"字段类型“{ftype}”无法识别")
        return code, FormField(
            rec["字段编码"], rec["字段名称"], ftype, parse_bool(rec.get("必填", "是") or "是")
        )

    def material_row(rec: Mapping[str, str]) -> tuple[str, Material]:
        code = rec["事项编码"].upper()
        if code not in by_code:
            raise DomainError(f"事项编码 {code} 不在事项清单中")
        copies = parse_int(rec.get("份数", "1") or "1", "份数", minimum=1)
        source = MaterialSource.from_label(rec.get("材料来源", "申请人") or "申请人")
        return code, Material(rec["材料编码"], rec["材料名称"], source, copies)

    fields: dict[str, list[FormField]] = {}
    for code, f in _collect(fields_table, ("事项编码", "字段编码", "字段名称"), "表单字段表", field_row):
        fields.setdefault(code, []).append(f)
    materials: dict[str, list[Material]] = {}
    for code, mat in _collect(materials_table, ("事项编码", "材料编码", "材料名称"), "材料表", material_row):
        materials.setdefault(code, []).append(mat)
    return [
        replace(m, fields=tuple(fields.get(m.code, ())), materials=tuple(materials.get(m.code, ())))
        for m in matters
    ]


def attach_conditions(matters: Sequence[Matter], table: Table) -> list[Matter]:
    """Matters with their licensing conditions (许可条件) from the companion table, in 序号 order."""
    by_code = {m.code: m for m in matters}
    catch_all = ("其他条件", "等其他", "其他要求")

    def row(rec: Mapping[str, str]) -> tuple[str, int, str]:
        code = rec["事项编码"].upper()
        if code not in by_code:
            raise DomainError(f"事项编码 {code} 不在事项清单中")
        text = rec["条件"].strip()
        if not text:
            raise DomainError("“条件”不能为空")
        if any(phrase in text for phrase in catch_all):
            raise DomainError(f"条件“{text}”含兜底表述，应具体列明")
        return code, parse_int(rec.get("序号", "0") or "0", "序号"), text

    conditions: dict[str, list[tuple[int, str]]] = {}
    for code, order, text in _collect(table, ("事项编码", "序号", "条件"), "许可条件表", row):
        conditions.setdefault(code, []).append((order, text))
    return [replace(m, conditions=tuple(t for _, t in sorted(conditions.get(m.code, [])))) for m in matters]


def parse_industries(table: Table) -> list[Industry]:
    def row(rec: Mapping[str, str]) -> Industry:
        codes = _codes(rec.get("事项编码", ""))
        if not codes:
            raise DomainError(f"行业“{rec.get('行业名称', '')}”没有关联事项")
        return Industry(rec["行业编码"], rec["行业名称"], rec.get("牵头部门", ""), codes, _provenance(rec))

    return _collect(table, ("行业编码", "行业名称", "事项编码"), "行业表", row)


def parse_scope_terms(table: Table) -> list[ScopeTerm]:
    def row(rec: Mapping[str, str]) -> ScopeTerm:
        kind = ScopeTermKind.from_label(rec.get("类别", ""))
        codes = _codes(rec.get("事项编码", ""))
        if kind is ScopeTermKind.LICENSED and not codes:
            raise DomainError(f"许可类经营范围“{rec['规范表述']}”必须关联至少一个事项")
        return ScopeTerm(rec["规范表述"], kind, codes, _provenance(rec))

    return _collect(table, ("规范表述", "类别"), "经营范围表", row)
