"""Fuzzing what comes in from outside: the identifier checks, the business-scope parser, the
catalog's official layout, the licence QR text and the sync protocol's messages.

Each parser gets arbitrary text or bytes, near-valid inputs (a valid value with one character
replaced, inserted, removed, made full-width or lower-case; control characters, zero-width marks,
lone surrogates, invalid UTF-8) and a few huge ones (up to 1 MB). It must either give a valid
result or raise its documented error with a non-empty Chinese message (at least one CJK
character) — never another exception — and answer within a deadline (a hang fails).

What the existing tests already cover is not repeated here: test_identifiers checks computed check
characters and single substitutions of valid codes, test_qr_payload arbitrary text (≤ 800
characters) and single-character changes of a signed text, test_scope hand-written scope strings.
"""

from __future__ import annotations

import functools
import json
import time
import zlib
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

import httpx
import pydantic
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.domain.catalog import Catalog, CatalogVersion, LookupResult
from desktop.domain.catalog_table import (
    EXPORT_COLUMNS,
    OFFICIAL_COLUMNS,
    Table,
    attach_conditions,
    attach_fields_and_materials,
    parse_industries,
    parse_matters,
    parse_scope_terms,
)
from desktop.domain.errors import DomainError, RejectedInput
from desktop.domain.identifiers import (
    ELICENCE_PREFIX,
    MOD37_36_ALPHABET,
    USCC_CHARSET,
    IdentifierCheck,
    check_elicence,
    check_resident_id,
    check_uscc,
    mod37_36_check_character,
    resident_id_check_character,
    uscc_check_character,
)
from desktop.domain.qr_payload import MARKER, QrPayload, QrPermit, Unreadable, build_qr_text, parse_qr_text
from desktop.domain.scope import normalize_scope_text, split_scope
from sync import client as sync_client
from sync.errors import ProtocolError
from sync.protocol import (
    EnrolRequest,
    EnrolResponse,
    EventIn,
    EventResult,
    FeedItem,
    FeedPage,
    PushRequest,
    PushResponse,
    ServerInfo,
)

T = TypeVar("T")

# A hang is an example slower than this; 2 shared cores and big inputs: generous, not lax.
FUZZ = settings(
    max_examples=300,
    deadline=timedelta(milliseconds=500),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
HUGE_SECONDS = 5.0  # one call on a 1 MB input


def chinese(message: str) -> bool:
    """Non-empty and with at least one CJK character."""
    return any(
        "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
        for ch in message
    )


def outcome(call: Callable[[], T], *errors: type[Exception]) -> T | Exception:
    """The result, or the documented error (checked to carry a Chinese message)."""
    try:
        return call()
    except errors as exc:
        message = getattr(exc, "message", None) or str(exc)
        assert chinese(message), f"{type(exc).__name__} without a Chinese message: {message!r}"
        return exc


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


# ---------------------------------------------------------------------------- input strategies
NASTY = [
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\u0085",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2028",
    "\u3000",
    "\ufeff",
    "\ufffd",
    "\ud800",
    "\udcff",
    "。",
    "｡",
    "．",
    "（",
    "）",
    "；",
    "、",
    "：",
    "\U0001f600",
    "\U00020000",
]


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in text)


@st.composite
def near_valid(draw: st.DrawFn, examples: list[str]) -> str:
    """A valid example changed in one to three places."""
    text = draw(st.sampled_from(examples))
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["replace", "insert", "delete", "full", "lower", "nasty", "repeat"]))
        i = draw(st.integers(0, max(0, len(text) - 1)))
        char = draw(st.one_of(st.characters(), st.sampled_from(NASTY)))
        if op == "replace" and text:
            text = text[:i] + char + text[i + 1 :]
        elif op == "insert":
            text = text[:i] + char + text[i:]
        elif op == "delete" and text:
            text = text[:i] + text[i + 1 :]
        elif op == "full":
            text = full_width(text)
        elif op == "lower":
            text = text.lower()
        elif op == "nasty":
            text = draw(st.sampled_from(NASTY)).join([text[:i], text[i:]])
        elif op == "repeat":
            text = text * draw(st.integers(2, 20))
    return text


def texts(examples: list[str], max_size: int = 300) -> st.SearchStrategy[str]:
    """Arbitrary text, near-valid text, decoded random bytes, and runs of nasty characters."""
    return st.one_of(
        st.text(max_size=max_size),
        near_valid(examples),
        st.binary(max_size=max_size).map(lambda b: b.decode("utf-8", "replace")),
        st.binary(max_size=max_size).map(lambda b: b.decode("utf-8", "surrogateescape")),
        st.binary(max_size=max_size).map(lambda b: b.decode("gb18030", "replace")),
        st.lists(st.sampled_from(NASTY), max_size=40).map("".join),
    )


@functools.cache
def huge(example: str) -> list[str]:
    """Inputs of about 1 MB."""
    mb = 1_000_000
    return [
        "9" * mb,
        "９" * mb,
        "\x00" * mb,
        "（" * mb,
        "\u200b" * mb,
        (example + " ") * (mb // (len(example) + 1)),
        "；".join(f"项目{i}" for i in range(mb // 8)),
        bytes(range(256)).decode("latin-1") * (mb // 256),
    ]


# ---------------------------------------------------------------------------- identifiers
USCCS = ["91310110666007217T", "91110000600037341L", "91350100M000100Y43"]
RESIDENT_IDS = ["11010519491231002X", "110105194912310021", "440524188001010014"]
ELICENCES = ["1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F"]


def check_identifier_result(result: IdentifierCheck, kind: str) -> None:
    assert isinstance(result, IdentifierCheck) and result.kind == kind
    assert chinese(result.message), result.message
    assert not result.valid or (result.checksum_ok and result.well_formed)
    assert not result.checksum_ok or result.well_formed


@FUZZ
@given(texts(USCCS))
def test_uscc_check_always_answers_in_chinese(text: str) -> None:
    result = check_uscc(text)
    check_identifier_result(result, "uscc")
    if result.well_formed:
        code = result.normalized
        assert len(code) == 18 and all(c in USCC_CHARSET for c in code)
        assert result.valid == (uscc_check_character(code[:17]) == code[17])


@FUZZ
@given(texts(RESIDENT_IDS), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_resident_id_check_always_answers_in_chinese(text: str, today: date) -> None:
    result = check_resident_id(text, today)
    check_identifier_result(result, "id")
    if result.well_formed:
        code = result.normalized
        assert len(code) == 18 and code[:17].isascii() and code[:17].isdigit()
        assert date(int(code[6:10]), int(code[10:12]), int(code[12:14])) <= today
        assert result.valid == (resident_id_check_character(code[:17]) == code[17])


@FUZZ
@given(texts(ELICENCES, max_size=120))
def test_elicence_check_always_answers_in_chinese(text: str) -> None:
    result = check_elicence(text)
    check_identifier_result(result, "elicence")
    if result.well_formed:
        assert result.normalized.startswith(ELICENCE_PREFIX)


@FUZZ
@given(st.one_of(st.text(max_size=40), st.text(alphabet=USCC_CHARSET + MOD37_36_ALPHABET, max_size=40)))
def test_check_character_helpers_raise_value_error_in_chinese(text: str) -> None:
    for helper, alphabet in (
        (uscc_check_character, USCC_CHARSET),
        (resident_id_check_character, "0123456789X"),
        (mod37_36_check_character, MOD37_36_ALPHABET),
    ):
        result = outcome(lambda h=helper: h(text), ValueError)  # type: ignore[misc]
        if not isinstance(result, Exception):
            assert isinstance(result, str) and len(result) == 1 and result in alphabet


@pytest.mark.parametrize("index", range(8))
def test_identifier_checks_on_a_megabyte_answer_at_once(index: int) -> None:
    text = huge(USCCS[0])[index]
    calls: list[Callable[[], IdentifierCheck]] = [
        lambda: check_uscc(text),
        lambda: check_resident_id(text, date(2026, 11, 26)),
        lambda: check_elicence(text),
    ]
    for call in calls:
        assert timed(call) < HUGE_SECONDS
        result = call()
        assert chinese(result.message) and not result.well_formed


# ---------------------------------------------------------------------------- business scope
SCOPES = [
    "许可项目：食品销售；出版物零售（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
    "一般项目：日用百货销售；软件开发（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。",
    "食品销售（仅销售预包装食品）、技术服务、技术开发；劳务服务（不含劳务派遣）",
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    from desktop.adapters.resources import bundled_catalog

    bundle = bundled_catalog()
    return Catalog(
        CatalogVersion(1, bundle.label, date(2026, 1, 1), bundle.source),
        bundle.matters,
        bundle.industries,
        bundle.scope_terms,
    )


def check_terms(terms: list[str]) -> None:
    assert isinstance(terms, list) and len(terms) == len(set(terms))
    assert all(isinstance(t, str) and t and t == t.strip("：:、 .") for t in terms)


@FUZZ
@given(texts(SCOPES, max_size=600))
def test_scope_split_never_fails(text: str) -> None:
    terms = split_scope(text)
    check_terms(terms)
    assert all(not any(c.isspace() for c in t) for t in terms)
    assert split_scope(normalize_scope_text(text)) == terms  # normalising is idempotent for the split


@FUZZ
@given(texts(SCOPES, max_size=600))
def test_scope_lookup_against_the_catalog_reports_or_refuses_in_chinese(catalog: Catalog, text: str) -> None:
    from desktop.services.catalog import lookup

    result = outcome(lambda: lookup(catalog, text), DomainError)
    if isinstance(result, LookupResult):
        assert all(code in catalog.matters for code in (m.code for m in result.matters))
        assert all(t.term in catalog.scope_terms for t in result.terms)
    else:
        assert not text.strip()


@pytest.mark.parametrize("index", range(8))
def test_scope_split_of_a_megabyte_is_quick(catalog: Catalog, index: int) -> None:
    text = huge(SCOPES[0])[index]
    assert timed(lambda: split_scope(text)) < HUGE_SECONDS
    assert timed(lambda: catalog.lookup_scope(text)) < HUGE_SECONDS


# ---------------------------------------------------------------------------- catalog layout
CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "是",
            "否",
            "√",
            "实行告知承诺",
            "直接取消审批",
            "审批改为备案",
            "优化审批服务",
            "告知承诺",
            "CANCEL",
            "县级行政审批服务管理局",
            "市级",
            "县卫生健康局",
            "公共场所卫生许可",
            "20",
            "-1",
            "0",
            "９",
            "9" * 30,
            "30个工作日",
            "2个月",
            "99999999999999999999个月",
            "WJ-01",
            "wj_01",
            "X-1",
            "事项-１",
            "许可",
            "一般",
            "申请人",
            "text",
            "number",
            "其他条件",
        ]
    ),
    st.text(max_size=30),
    st.sampled_from(NASTY),
)


@st.composite
def tables(draw: st.DrawFn, columns: tuple[str, ...], min_rows: int = 0) -> Table:
    """A header of (mostly) the expected columns and rows of odd cells, ragged on purpose."""
    header = list(draw(st.permutations(columns)))
    header = header[: draw(st.integers(max(0, len(header) - 2), len(header)))]
    header += draw(st.lists(st.sampled_from(["", "备注", "事项名称", "﻿序号", "x"]), max_size=2))
    rows = draw(
        st.lists(
            st.lists(CELLS, min_size=0, max_size=len(header) + 2).map(tuple),
            min_size=min_rows,
            max_size=8,
        )
    )
    return Table(tuple(header), tuple(rows))


def check_rejection(exc: RejectedInput, table: Table) -> None:
    assert exc.errors, "a rejection names at least one error"
    for error in exc.errors:
        assert 0 <= error.row <= len(table.rows) + 1
        assert chinese(error.message), error.message


@FUZZ
@given(tables(EXPORT_COLUMNS, min_rows=1))
def test_official_layout_rows_parse_or_are_rejected_row_by_row(table: Table) -> None:
    result = outcome(lambda: parse_matters(table, default_source="fuzz.csv"), RejectedInput)
    if isinstance(result, RejectedInput):
        check_rejection(result, table)
        return
    assert isinstance(result, list) and result and len({m.code for m in result}) == len(result)
    for matter in result:
        assert matter.name and matter.competent_department and matter.code.isascii()
        assert matter.time_limit_days >= 0 and (matter.quota is None or matter.quota.cap >= 1)


@FUZZ
@given(
    tables(("事项编码", "字段编码", "字段名称", "类型", "必填")),
    tables(("事项编码", "材料编码", "材料名称", "份数", "材料来源")),
    tables(("事项编码", "序号", "条件")),
    tables(("行业编码", "行业名称", "事项编码", "牵头部门")),
    tables(("规范表述", "类别", "事项编码")),
)
def test_companion_tables_parse_or_are_rejected_row_by_row(
    fields: Table, materials: Table, conditions: Table, industries: Table, terms: Table
) -> None:
    row = ("1", "县卫生健康局", "公共场所卫生许可", "", "县级行政审批服务管理局", "实行告知承诺", "", "", "")
    [matter] = parse_matters(Table(OFFICIAL_COLUMNS, (row,)))
    calls: list[Callable[[], object]] = [
        lambda: attach_fields_and_materials([matter], fields, materials),
        lambda: attach_conditions([matter], conditions),
        lambda: parse_industries(industries),
        lambda: parse_scope_terms(terms),
    ]
    for call in calls:
        result = outcome(call, RejectedInput)
        if isinstance(result, RejectedInput):
            assert result.errors and all(chinese(e.message) for e in result.errors)


@FUZZ
@given(
    st.lists(
        st.lists(
            st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), st.text(max_size=20), CELLS),
            max_size=6,
        ),
        max_size=6,
    )
)
def test_a_table_is_read_from_any_cell_values(rows: list[list[object]]) -> None:
    table = Table.from_rows(rows)
    assert all(isinstance(c, str) for c in table.header)
    assert all(isinstance(c, str) and c == c.strip() for row in table.rows for c in row)
    outcome(lambda: parse_matters(table), RejectedInput)


# ---------------------------------------------------------------------------- the QR text
def _sign(message: bytes) -> bytes:
    return (zlib.crc32(message).to_bytes(4, "big") * 16)[:64]


VALID_QR = build_qr_text(
    "https://verify.example.invalid",
    QrPayload(
        "A1B2C3D4",
        "HZ14070220260100001",
        "91310110666007217T",
        "晋中市榆次区便民超市有限公司",
        date(2026, 11, 26),
        (QrPermit("SCJG-01", "01", date(2031, 11, 25)), QrPermit("SCJG-02", "01", None)),
    ),
    _sign,
)

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["", "20261126", "20260230", "２０２６１１２６", "0000000", "99991231", "01"]),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=8) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=25,
)
NEAR_PAYLOAD = st.tuples(
    st.sampled_from([1, 1, 1, 0, 2, True, "1", 1.0]),
    JSON_SCALARS,
    JSON_SCALARS,
    JSON_SCALARS,
    JSON_SCALARS,
    JSON_SCALARS,
    st.lists(st.lists(JSON_SCALARS, min_size=2, max_size=4), max_size=4),
).map(list)


def _deflated(raw: bytes) -> str:
    from desktop.domain.qr_payload import _b64

    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    return _b64(deflate.compress(raw) + deflate.flush())


def _qr(document: bytes, signature: bytes = b"s" * 64) -> str:
    from desktop.domain.qr_payload import _b64

    return "https://verify.example.invalid/v/HZ1" + MARKER + _deflated(document) + "." + _b64(signature)


QR_DOCUMENTS = st.one_of(
    NEAR_PAYLOAD.map(lambda v: json.dumps(v, ensure_ascii=False).encode()),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=300),
    st.integers(4000, 6000).map(lambda n: f"[1,{'7' * n}]".encode()),  # past int()'s digit limit
    st.integers(1, 5000).map(lambda d: b"[" * d + b"]" * d),  # deeper than the parser's recursion
    st.integers(1, 3000).map(lambda n: b'[1,"' + "名".encode() * n + b'"]'),  # inflates past the cap
)


def check_qr(text: str) -> None:
    result = outcome(lambda: parse_qr_text(text), Unreadable)
    if not isinstance(result, Exception):
        payload = result.payload
        assert all(isinstance(v, str) for v in (payload.key_id, payload.licence_number, payload.uscc))
        assert isinstance(payload.issued_on, date)
        assert result.message == text.strip().rpartition(".")[0].encode("utf-8")


@FUZZ
@given(QR_DOCUMENTS)
@example(b"[1," + b"7" * 4400 + b"]")  # json: ValueError past 4300 digits (was not Unreadable)
@example(b"[" * 3000 + b"]" * 3000)
def test_crafted_qr_payloads_decode_or_are_unreadable(document: bytes) -> None:
    check_qr(_qr(document))


@FUZZ
@given(texts([VALID_QR], max_size=2200))
@example("\ud800" + VALID_QR)  # a lone surrogate: UnicodeEncodeError (was not Unreadable)
@example(VALID_QR.replace("https", "\udcff"))
def test_damaged_qr_texts_decode_or_are_unreadable(text: str) -> None:
    check_qr(text)


@pytest.mark.parametrize("index", range(8))
def test_a_megabyte_qr_text_is_refused_at_once(index: int) -> None:
    text = huge(VALID_QR)[index]
    assert timed(lambda: outcome(lambda: parse_qr_text(text), Unreadable)) < HUGE_SECONDS
    with pytest.raises(Unreadable):
        parse_qr_text(text)


# ---------------------------------------------------------------------------- sync messages
MODELS: list[type[pydantic.BaseModel]] = [
    EnrolRequest,
    EnrolResponse,
    EventIn,
    PushRequest,
    EventResult,
    PushResponse,
    FeedItem,
    FeedPage,
    ServerInfo,
]
VALID_MESSAGES: dict[type[pydantic.BaseModel], dict[str, Any]] = {
    EnrolRequest: {"code": "ABCDEF12", "device_name": "一号窗口", "hall": "榆次大厅"},
    EnrolResponse: {"device_id": "d1", "token": "t" * 40, "hall": "榆次大厅", "protocol": 1},
    EventIn: {
        "id": "e1",
        "kind": "LicenceIssued",
        "payload": '{"a":1}',
        "created_at": "2026-11-26T02:00:00+00:00",
        "sent_at": "2026-11-26T02:00:01+00:00",
    },
    EventResult: {"id": "e1", "status": 201, "detail": ""},
    FeedItem: {"key": "2026", "data": {"year": 2026, "text": "date,kind,note"}},
    ServerInfo: {"protocol": 1, "name": "OneWindow central platform", "time": "2026-11-26T02:00:00+00:00"},
}
VALID_MESSAGES[PushRequest] = {"events": [VALID_MESSAGES[EventIn]]}
VALID_MESSAGES[PushResponse] = {"results": [VALID_MESSAGES[EventResult]]}
VALID_MESSAGES[FeedPage] = {
    "feed": "calendar",
    "items": [VALID_MESSAGES[FeedItem]],
    "cursor": "1",
    "more": False,
}


@st.composite
def near_valid_message(draw: st.DrawFn, model: type[pydantic.BaseModel]) -> Any:
    """A valid message with a field dropped, added, or replaced by any JSON value."""
    message: Any = json.loads(json.dumps(VALID_MESSAGES[model]))
    target = message
    while True:  # walk down into a nested object now and then
        inner = [k for k, v in target.items() if isinstance(v, dict | list)]
        if not inner or not draw(st.booleans()):
            break
        child = target[draw(st.sampled_from(inner))]
        if isinstance(child, list):
            if not child or not isinstance(child[0], dict):
                break
            child = child[0]
        target = child
    op = draw(st.sampled_from(["drop", "add", "replace"]))
    keys = list(target)
    if op == "drop" and keys:
        del target[draw(st.sampled_from(keys))]
    elif op == "add":
        target[draw(st.text(max_size=6))] = draw(JSON_VALUES)
    elif keys:
        target[draw(st.sampled_from(keys))] = draw(JSON_VALUES)
    return message


@st.composite
def message_bytes(draw: st.DrawFn, model: type[pydantic.BaseModel]) -> bytes:
    data: bytes = draw(
        st.one_of(
            near_valid_message(model).map(lambda m: json.dumps(m, ensure_ascii=False).encode()),
            JSON_VALUES.map(lambda v: json.dumps(v).encode()),
            st.binary(max_size=300),
            st.just(json.dumps(VALID_MESSAGES[model]).encode()).flatmap(
                lambda b: st.integers(0, len(b)).map(lambda n: b[:n])  # cut short
            ),
            st.integers(4000, 6000).map(lambda n: f'{{"status": {"7" * n}}}'.encode()),
            st.integers(1, 5000).map(lambda d: b'{"data":' + b"[" * d + b"]" * d + b"}"),
            st.binary(min_size=1, max_size=40).map(lambda b: b"\xff\xfe" + b),  # not UTF-8
        )
    )
    return data


@FUZZ
@given(st.sampled_from(MODELS).flatmap(lambda m: st.tuples(st.just(m), message_bytes(m))))
def test_protocol_models_parse_any_bytes_or_raise_validation_errors(
    case: tuple[type[pydantic.BaseModel], bytes],
) -> None:
    model, data = case
    try:
        parsed = model.model_validate_json(data)
    except pydantic.ValidationError:
        return
    assert isinstance(parsed, model)
    assert model.model_validate_json(parsed.model_dump_json()) == parsed


RESPONSE_MODELS: list[type[pydantic.BaseModel]] = [EnrolResponse, PushResponse, FeedPage, ServerInfo]


@FUZZ
@given(st.sampled_from(RESPONSE_MODELS).flatmap(lambda m: st.tuples(st.just(m), message_bytes(m))))
@example((FeedPage, b'{"feed": ' + b"7" * 5000 + b"}"))  # ValueError (was not ProtocolError)
@example((ServerInfo, b"[" * 5000 + b"]" * 5000))  # RecursionError (was not ProtocolError)
def test_the_client_reads_any_reply_or_reports_a_protocol_error_in_chinese(
    case: tuple[type[pydantic.BaseModel], bytes],
) -> None:
    """What the counter's client does with a 2xx body: the model, ProtocolError (Chinese), or the
    internal "cut short" signal that makes it try again (then Offline, Chinese too)."""
    model, data = case
    response = httpx.Response(200, content=data, headers={"Content-Type": "application/json"})
    try:
        result = outcome(lambda: sync_client._parse(response, model), ProtocolError)
    except sync_client._Truncated:
        return  # retried; after the last try the pass reports Offline (a Chinese message)
    assert isinstance(result, model | ProtocolError)


@FUZZ
@given(st.integers(400, 499), message_bytes(EventResult))
@example(409, b'{"detail": ' + b"7" * 5000 + b"}")
@example(400, b'{"detail": ' + b"[" * 5000 + b"]" * 5000 + b"}")
def test_the_client_describes_any_error_reply(status: int, data: bytes) -> None:
    detail = sync_client._detail(httpx.Response(status, content=data))
    assert isinstance(detail, str) and len(detail) <= 200
    error = ProtocolError(detail, status)
    assert chinese(error.message)
