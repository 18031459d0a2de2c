"""Fuzzing the catalog import from the file's bytes to the database, and the pulled feed items
that carry catalog tables (and the other reference data) from the central platform.

A file's bytes go through ``desktop.adapters.tabular`` (decode_text / parse_csv_text / read_table for
CSV and XLSX) and ``desktop.services.catalog.import_table`` on a real SQLite database: either a new
current catalog version, or a ``DomainError`` (``RejectedInput`` with one Chinese message per bad
row) that leaves the current version as it was — never another exception. Inputs: arbitrary bytes,
the exported official layout with cells, columns and rows changed, re-encoded (GB18030, BOM) or
cut short, and XLSX workbooks with their XML changed inside the zip.

A pulled feed item is the same importer reached by the sync engine: ``inbox.apply_page`` must skip
an item it cannot use (recorded, refused) and move the cursor on; any other exception rolls the
whole page back and would wedge the feed on every pass.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from desktop.adapters.clock import FixedClock
from desktop.adapters.tabular import decode_text, parse_csv_text, read_table, write_table
from desktop.domain.catalog_table import EXPORT_COLUMNS, Table
from desktop.domain.errors import DomainError, RejectedInput
from desktop.domain.users import SYSTEM_ACTOR
from desktop.services import catalog, inbox, syncing
from desktop.services.base import Services
from desktop.services.catalog import CatalogBundle
from tests.conftest import NOW, make_services

# A database round trip per example: a wider deadline than the pure parsers' 500 ms.
FUZZ = settings(
    max_examples=150,
    deadline=timedelta(milliseconds=2000),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PARSE = settings(FUZZ, max_examples=300, deadline=timedelta(milliseconds=500))


def chinese(message: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in message)


@pytest.fixture(scope="module")
def svc(tmp_path_factory: pytest.TempPathFactory, bundle: CatalogBundle) -> Iterator[Services]:
    """One counter database for the whole module (hypothesis runs many examples per test)."""
    folder = tmp_path_factory.mktemp("fuzz-import")
    services = make_services(f"sqlite:///{folder / 'onewindow.sqlite3'}", FixedClock(NOW), folder / "keys")
    catalog.install_bundle(services, SYSTEM_ACTOR, bundle)
    yield services
    services.uow.engine.dispose()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def exported(svc: Services) -> list[list[str]]:
    """The bundled catalog in the official layout: the header and the first six matters."""
    return catalog.export_rows(svc)[:7]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-files")


# ---------------------------------------------------------------------------- strategies
ODD_CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "是",
            "否",
            "maybe",
            "实行告知承诺",
            "直接取消审批",
            "告知承诺制",
            "县级",
            "-5",
            "0",
            "９",
            "9" * 25,  # past a database integer
            "1e3",
            "30个工作日",
            "99999999999999999999个月",
            "三个月",
            "SCJG-01",
            "事项-１",
            "A" * 40,  # past the code column
            "名" * 300,  # past the name column
            "其他条件",
            "\x00",
            '=HYPERLINK("x")',
            "\ufeff序号",
        ]
    ),
    st.text(max_size=40),
)


@st.composite
def near_valid_rows(draw: st.DrawFn, rows: list[list[str]]) -> list[list[str]]:
    """The exported layout with one to four changes: cells, header names, columns, rows."""
    out = [list(r) for r in rows]
    for _ in range(draw(st.integers(1, 4))):
        op = draw(
            st.sampled_from(["cell", "cell", "cell", "header", "drop_col", "add_col", "dup_row", "cut"])
        )
        if not out or not out[0]:
            break
        r = draw(st.integers(1, len(out) - 1)) if len(out) > 1 else 0
        c = draw(st.integers(0, len(out[0]) - 1))
        if op == "cell" and out[r]:
            out[r][min(c, len(out[r]) - 1)] = draw(ODD_CELLS)
        elif op == "header" and out[0]:
            out[0][c] = draw(
                st.one_of(st.sampled_from([*EXPORT_COLUMNS, "", "事项名称 "]), st.text(max_size=8))
            )
        elif op == "drop_col":
            out = [row[:c] + row[c + 1 :] for row in out]
        elif op == "add_col":
            out = [[*row, draw(ODD_CELLS)] for row in out]
        elif op == "dup_row":
            out.insert(r, list(out[r]))
        elif op == "cut":
            out = out[: draw(st.integers(0, len(out)))]
    return out


def csv_bytes(rows: list[list[str]], encoding: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode(encoding, "replace")


@st.composite
def byte_damage(draw: st.DrawFn, data: bytes) -> bytes:
    op = draw(st.sampled_from(["none", "none", "flip", "cut", "insert"]))
    if not data or op == "none":
        return data
    i = draw(st.integers(0, len(data) - 1))
    if op == "flip":
        return data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1 :]
    if op == "cut":
        return data[:i]
    return data[:i] + draw(st.binary(min_size=1, max_size=8)) + data[i:]


def csv_files(rows: list[list[str]]) -> st.SearchStrategy[bytes]:
    encodings = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"])
    documents = st.tuples(near_valid_rows(rows), encodings).map(lambda t: csv_bytes(*t))
    return st.one_of(documents.flatmap(byte_damage), st.binary(max_size=2000))


def xlsx_bytes(rows: list[list[str]], folder: Path) -> bytes:
    """The rows as a workbook (control characters dropped: a worksheet cannot hold them)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    path = folder / "source.xlsx"
    write_table(path, [[ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row] for row in rows])
    return path.read_bytes()


@st.composite
def xml_damage(draw: st.DrawFn, workbook: bytes) -> bytes:
    """The workbook with the text of one of its XML parts changed (the zip stays valid)."""
    source = zipfile.ZipFile(io.BytesIO(workbook))
    names = source.namelist()
    target = draw(st.sampled_from([n for n in names if n.endswith(".xml")]))
    text = source.read(target).decode("utf-8")
    op = draw(st.sampled_from(["char", "cut", "number", "drop"]))
    i = draw(st.integers(0, max(0, len(text) - 1)))
    if op == "char":
        text = text[:i] + draw(st.sampled_from(["<", ">", "&", '"', "x", "\x00", "名", "9"])) + text[i + 1 :]
    elif op == "cut":
        text = text[:i]
    elif op == "number":  # a numeric cell with more digits than int() converts
        text = text.replace("<c ", f'<c t="n"><v>{"7" * 5000}</v></c><c ', 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target_zip:
        for name in names:
            if op == "drop" and name == target:
                continue
            target_zip.writestr(name, text.encode("utf-8") if name == target else source.read(name))
    return out.getvalue()


# ---------------------------------------------------------------------------- the adapters
@PARSE
@given(st.binary(max_size=3000))
@example(b"\xff\xfe\x00")
@example("许可".encode("gb18030"))
def test_any_bytes_decode_or_are_refused_in_chinese(data: bytes) -> None:
    try:
        text = decode_text(data, "upload.csv")
    except DomainError as exc:
        assert chinese(exc.message)
        return
    assert isinstance(text, str)
    try:
        table = parse_csv_text(text)
    except DomainError as exc:
        assert chinese(exc.message)
        return
    assert isinstance(table, Table)


@FUZZ
@given(data=st.data())
def test_any_file_is_read_as_a_table_or_refused_in_chinese(
    data: st.DataObject, exported: list[list[str]], folder: Path
) -> None:
    suffix = data.draw(st.sampled_from([".csv", ".xlsx", ".txt", ".xls", ""]))
    if suffix == ".xlsx":
        workbook = xlsx_bytes(data.draw(near_valid_rows(exported)), folder)
        content = data.draw(st.one_of(xml_damage(workbook), byte_damage(workbook), st.binary(max_size=500)))
    else:
        content = data.draw(csv_files(exported))
    path = folder / f"upload{suffix}"
    path.write_bytes(content)
    try:
        table = read_table(path)
    except DomainError as exc:
        assert chinese(exc.message), exc.message
        return
    assert isinstance(table, Table)
    assert all(isinstance(c, str) for row in table.rows for c in row)


def _rezip(workbook: bytes, change: dict[str, bytes | None]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(workbook))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = change.get(name, source.read(name))
            if data is not None:
                target.writestr(name, data)
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


@pytest.mark.parametrize(
    "damage",
    [
        lambda xml: xml.replace(b"<c ", b'<c t="n"><v>' + b"7" * 5000 + b"</v></c><c ", 1),
        lambda xml: xml[: len(xml) // 2],
        lambda xml: xml.replace(b"<sheetData>", b"<sheetData><row><c><v>1</v></row>", 1),
        lambda xml: None,
    ],
    ids=["number-past-int-digits", "cut-in-half", "mismatched-tag", "sheet-missing"],
)
def test_damaged_workbooks_are_refused_in_chinese(
    damage: Any, exported: list[list[str]], folder: Path
) -> None:
    """Damage openpyxl notices only while reading the rows (each was a bare exception, and the
    file stayed open)."""
    workbook = xlsx_bytes(exported, folder)
    sheet = zipfile.ZipFile(io.BytesIO(workbook)).read(SHEET)
    path = folder / "damaged.xlsx"
    path.write_bytes(_rezip(workbook, {SHEET: damage(sheet)}))
    with pytest.raises(DomainError) as refused:
        read_table(path)
    assert chinese(refused.value.message) and "damaged.xlsx" in refused.value.message


# ---------------------------------------------------------------------------- the import
def _import(svc: Services, table: Table) -> None:
    """Import; on refusal the current version is unchanged; on success the new one is current."""
    before = catalog.current(svc).version
    try:
        version = catalog.import_table(svc, SYSTEM_ACTOR, table, "fuzz.csv")
    except DomainError as exc:
        event(f"refused: {type(exc).__name__}")
        assert chinese(exc.message), exc.message
        if isinstance(exc, RejectedInput):
            assert exc.errors and all(chinese(e.message) for e in exc.errors), exc.errors
        assert catalog.current(svc).version == before
        return
    event("imported")
    now = catalog.current(svc)
    assert now.version == version != before
    assert now.matters and all(m.name and m.code for m in now.matters.values())


@FUZZ
@given(data=st.data())
@example(data=None)  # see test body: the digits-past-a-database-integer file, every time
def test_any_csv_file_imports_or_is_refused_and_changes_nothing(
    data: st.DataObject | None, svc: Services, exported: list[list[str]], folder: Path
) -> None:
    if data is None:
        rows = [list(r) for r in exported]
        rows[1][EXPORT_COLUMNS.index("办理时限")] = "9" * 25
        content = csv_bytes(rows, "utf-8")
    else:
        content = data.draw(csv_files(exported))
    path = folder / "import.csv"
    path.write_bytes(content)
    try:
        table = read_table(path)
    except DomainError:
        return
    _import(svc, table)


@FUZZ
@given(data=st.data())
def test_any_xlsx_workbook_imports_or_is_refused_and_changes_nothing(
    data: st.DataObject, svc: Services, exported: list[list[str]], folder: Path
) -> None:
    workbook = xlsx_bytes(data.draw(near_valid_rows(exported)), folder)
    path = folder / "import.xlsx"
    path.write_bytes(data.draw(st.one_of(st.just(workbook), xml_damage(workbook))))
    try:
        table = read_table(path)
    except DomainError:
        return
    _import(svc, table)


# ---------------------------------------------------------------------------- pulled feed items
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=False),
        st.text(max_size=20),
    ),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=6), inner, max_size=5),
    max_leaves=20,
)
WHEN = st.one_of(
    st.sampled_from(
        [
            "2026-11-25T09:00:00+08:00",
            "2026-11-25T09:00:00",  # no time zone
            "9999-12-31T23:59:59+00:00",
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-12:00",
            "2026-02-30T00:00:00+08:00",
            "yesterday",
        ]
    ),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    JSON_VALUES,
)


def _valid_items(exported: list[list[str]]) -> dict[str, dict[str, Any]]:
    return {
        "catalog": {"label": "fuzz", "table": exported, "source": "中心平台", "published_at": "2026-11-25"},
        "calendar": {"year": "2027", "text": "date,kind,note\n2027-01-01,休息,元旦\n"},
        "status_list": {
            "number": "SCJG-01-20260100001",
            "status": "02",
            "kind": "permit",
            "reason": "暂扣",
            "updated_at": "2026-11-25T09:00:00+08:00",
        },
        "supervision_feedback": {
            "id": "fb",
            "licence": "HZ14070220260100001",
            "uscc": "91310110666007217T",
            "matter": "SCJG-01",
            "approving_department": "行政审批服务管理局",
            "measure": "责令整改",
            "text": "双随机抽查发现问题",
            "decided_at": "2026-11-25T09:00:00+08:00",
            "sent_at": "2026-11-25T09:00:00+08:00",
        },
        "users": {
            "username": "zhao",
            "role": "clerk",
            "department": "",
            "display_name": "赵",
            "active": True,
            "password_hash": "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        },
        "online_applications": {
            "id": "W1",
            "submitted_at": "2026-11-25T20:30:00+08:00",
            "enterprise": {"uscc": "91310110666007217T", "name": "便民超市"},
            "matters": ["SCJG-01"],
        },
        "trust_list": {
            "key_id": "A1B2C3D4",
            "public_key_pem": "-----BEGIN PUBLIC KEY-----",
            "status": "active",
        },
    }


KEY_FIELD = {
    "catalog": "label",
    "calendar": "year",
    "status_list": "number",
    "supervision_feedback": "id",
    "users": "username",
    "online_applications": "id",
    "trust_list": "key_id",
}


@st.composite
def feed_items(draw: st.DrawFn, exported: list[list[str]]) -> tuple[str, str, dict[str, Any]]:
    """A near-valid item of a feed: a field dropped or replaced, a date moved to the edge of time,
    or (catalog) its table changed as a file would be."""
    feed = draw(st.sampled_from(sorted(KEY_FIELD)))
    item = _valid_items(exported)[feed]
    for _ in range(draw(st.integers(0, 3))):
        if not item:
            break
        op = draw(st.sampled_from(["replace", "drop", "when", "table"]))
        name = draw(st.sampled_from(sorted(item)))
        if op == "drop":
            item.pop(name, None)
        elif op == "when":
            fields = [f for f in item if f.endswith(("_at", "updated_at"))]
            if fields:
                item[draw(st.sampled_from(fields))] = draw(WHEN)
        elif op == "table" and feed == "catalog":
            item["table"] = draw(near_valid_rows(exported))
        else:
            item[name] = draw(st.one_of(JSON_VALUES, st.sampled_from(["", "9" * 5, "名" * 3000])))
    key_value = item.get(KEY_FIELD[feed])
    keep = isinstance(key_value, str) and draw(st.integers(0, 3)) > 0
    key = key_value if keep and isinstance(key_value, str) else draw(st.text(max_size=8))
    if feed == "catalog" and isinstance(key_value, str):
        item[KEY_FIELD[feed]] = key = f"{key_value}-{draw(st.integers(0, 10**6))}"  # a new label
    return feed, key, item


@FUZZ
@given(data=st.data())
@example(data=None)  # a feedback decided at the edge of time, every time
def test_a_pulled_item_is_applied_or_skipped_never_wedging_its_feed(
    data: st.DataObject | None, svc: Services, exported: list[list[str]]
) -> None:
    if data is None:
        item = _valid_items(exported)["supervision_feedback"] | {"decided_at": "9999-12-31T23:59:59+00:00"}
        feed, key = "supervision_feedback", "fb"
    else:
        feed, key, item = data.draw(feed_items(exported))
    cursor = f"c{syncing.cursor(svc, feed) or 0}x"
    changed = inbox.apply_page(svc, feed, [(key, item)], cursor, svc.clock.now())
    event(f"{feed}: {'applied' if changed else 'skipped or unchanged'}")
    assert changed in (0, 1)
    assert syncing.cursor(svc, feed) == cursor  # the page was taken: the feed moves on
