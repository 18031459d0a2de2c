"""Every document kind rendered for real and checked with poppler and zxing: embedded subset
fonts only, the key texts present, pages that are not blank, QR codes that decode to the exact
text at 150 dpi, the watermark, long texts that fit, letters that flow over pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.documents import Applicant, Document, RefusalNoticeDoc
from printing.certificates import draw_face
from printing.fonts import text_width
from printing.qr import MIN_SIZE_MM, QUIET_ZONE
from printing.renderer import ReportLabRenderer
from tests.printing import samples
from tests.printing.poppler import (
    BASE14,
    dark_pixels,
    decode_qr,
    grey_pixels,
    page_count,
    pdffonts,
    pdftoppm,
    pdftotext,
    require_poppler,
    squeeze,
)

RENDERER = ReportLabRenderer()
MM_PER_INCH = 25.4


@pytest.fixture(scope="module", autouse=True)
def _poppler() -> None:
    require_poppler()


def write(tmp_path: Path, name: str, document: Document, watermark: str | None = None) -> Path:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(RENDERER.render(document, watermark=watermark))
    return path


def _licence_texts(doc: Any) -> list[str]:
    return [
        "行业综合许可证",
        f"编号：{doc.number}",
        doc.applicant.name,
        doc.applicant.uscc,
        doc.applicant.legal_representative,
        doc.applicant.address,
        "便利店、药店、书店",
        "本证整合的许可事项（共12项）",
        *(p.number for p in doc.permits),
        "长期",
        "2031年11月25日",
        f"发证机关：{samples.AUTHORITY}",
        "发证日期：2026年11月26日",
    ]


KEY_TEXTS: dict[str, tuple[Callable[[], Any], Callable[[Any], list[str]]]] = {
    "licence": (samples.licence, _licence_texts),
    "permit": (
        samples.permit_certificate,
        lambda d: [
            "许可证",
            "食品经营许可",
            "编号：JY11407020012345",
            samples.APPLICANT.name,
            samples.APPLICANT.uscc,
            "2026年11月26日至2031年11月25日",
            "经营项目：预包装食品（含冷藏冷冻食品）销售",
            f"发证机关：{samples.AUTHORITY}",
            "扫描二维码",
        ],
    ),
    "filing": (
        samples.filing_receipt,
        lambda d: [
            "备案凭证",
            "编号：YB11407020000456",
            "仅销售预包装食品备案",
            "晋中市榆次区市场监督管理局",
            "你（单位）报送的“仅销售预包装食品备案”材料齐全，现予备案，当场办结。",
            "备案日期：2026年11月26日",
            "经营场所面积86㎡。",
        ],
    ),
    "notification": (
        samples.notification_letter,
        lambda d: [
            "一次性告知书",
            "编号：晋中榆次告〔2026〕0123号",
            f"{samples.APPLICANT.name}：",
            *(m.name for m in d.matters),
            *(m.mode for m in d.matters),
            *(m.department for m in d.matters),
            *(f"{i}．{c}" for m in d.matters for i, c in enumerate(m.conditions, 1)),
            "《中华人民共和国食品安全法》第三十五条；",
            "营业执照",
            "政府部门（无需提交）",
            "食品经营许可申请书",
            "10个工作日",
            "不收费",
            "当场作出许可决定",
            "咨询方式：综合受理窗口3号，咨询电话0354-3011234",
        ],
    ),
    "commitment": (
        samples.commitment_letter,
        lambda d: [
            "告知承诺书",
            "（公共场所卫生许可）",
            "设定依据：《公共场所卫生管理条例》第八条",
            *(f"{i}．{c}" for i, c in enumerate(d.conditions, 1)),
            *(m.name for m in d.materials),
            "审批部门自作出许可决定之日起2个月内，对申请人承诺的内容进行核查。",
            "不实承诺的法律后果",
            *(f"{i}．{c}" for i, c in enumerate(d.consequences, 1)),
            "申请人现郑重承诺：",
            "已经符合审批部门告知的全部许可条件（上列第1至第5项）",
            "申请人（签字/盖章）：",
            "审批部门（印章）：",
            "日期：2026年11月26日",
            "本承诺书一式两份",
        ],
    ),
    "acceptance": (
        samples.acceptance_notice,
        lambda d: [
            "受理通知书",
            "申请编号：SQ2026112600017",
            "本机关决定予以受理",
            "仅销售预包装食品备案",
            "当场办结（备案）",
            "告知承诺，当场准予许可",
            "限2026-12-10前办结",
            "你（单位）自即日起即可就下列事项开展试营业："
            "食品经营许可、公众聚集场所投入使用、营业前消防安全检查。",
            "首问责任人：李芳（3号窗口）",
            "（受理专用章）",
        ],
    ),
    "supplement": (
        samples.supplement_notice,
        lambda d: [
            "一次补正通知书",
            "申请编号：SQ2026112600017",
            "需要补正的全部材料（共4项）",
            "1．经营场所平面布局图及设备布局图（需标明面积）",
            "2．与食品安全有关的管理制度文本",
            "3．食品安全管理人员的培训考核合格证明",
            "4．消防安全制度和操作规程",
            "请自收到本通知书之日起5日内一次性补正上述材料。",
        ],
    ),
    "refusal": (
        samples.refusal_notice,
        lambda d: [
            "不予受理通知书",
            "本机关决定不予受理",
            "不予受理的理由",
            d.reason,
            "救济途径",
            d.remedies,
        ],
    ),
}
KINDS = sorted(KEY_TEXTS)
FACES = ("licence", "permit", "filing")


def test_every_document_kind_is_covered() -> None:
    assert {type(doc) for doc in samples.every_document().values()} == {
        type(KEY_TEXTS[k][0]()) for k in KINDS
    }


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("watermark", [None, "样本"])
def test_only_embedded_subset_fonts(tmp_path: Path, kind: str, watermark: str | None) -> None:
    pdf = write(tmp_path, kind, KEY_TEXTS[kind][0](), watermark)
    rows = pdffonts(pdf)
    assert rows, "no fonts at all?"
    for row in rows:
        assert (row.emb, row.sub, row.uni) == ("yes", "yes", "yes"), row
        assert "+" in row.name and row.name.split("+", 1)[1].startswith("WenQuanYiMicroHei"), row
        assert not any(base in row.name for base in BASE14), row
        assert "STSong" not in row.name, row


@pytest.mark.parametrize("kind", KINDS)
def test_key_texts_are_printed(tmp_path: Path, kind: str) -> None:
    make, expected = KEY_TEXTS[kind]
    doc = make()
    text = squeeze(pdftotext(write(tmp_path, kind, doc)))
    missing = [snippet for snippet in expected(doc) if squeeze(snippet) not in text]
    assert not missing, f"not in the PDF text: {missing}"
    assert "样本" not in text  # the normal print has no watermark


@pytest.mark.parametrize("kind", FACES)
def test_every_line_drawn_on_a_face_is_in_the_pdf(tmp_path: Path, kind: str) -> None:
    doc = KEY_TEXTS[kind][0]()
    face = draw_face(doc)
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(face.pdf)
    text = squeeze(pdftotext(path))
    for placed in face.texts:
        for line in placed.fitted.lines:
            assert squeeze(line) in text, line


@pytest.mark.parametrize("kind", KINDS)
def test_pages_render_and_are_not_blank(tmp_path: Path, kind: str) -> None:
    pdf = write(tmp_path, kind, KEY_TEXTS[kind][0]())
    pages = pdftoppm(pdf, 150)
    assert len(pages) == page_count(pdf) >= 1
    for png in pages:
        assert png.stat().st_size > 0
        assert dark_pixels(png) > 2000, f"{png.name} looks blank"


@pytest.mark.parametrize("kind", KINDS)
def test_watermark_only_when_asked(tmp_path: Path, kind: str) -> None:
    doc = KEY_TEXTS[kind][0]()
    marked = write(tmp_path, f"{kind}-sample", doc, "样本")
    plain = write(tmp_path, kind, doc)
    assert "样本" in pdftotext(marked)
    assert "样本" not in pdftotext(plain)
    assert page_count(marked) == page_count(plain)


@pytest.mark.parametrize("kind", ["licence", "acceptance", "notification"])
def test_watermark_is_large_light_grey_on_every_page_and_content_stays_readable(
    tmp_path: Path, kind: str
) -> None:
    doc = KEY_TEXTS[kind][0]()
    marked_pages = pdftoppm(write(tmp_path, f"{kind}-sample", doc, "样本"), 100)
    plain_pages = pdftoppm(write(tmp_path, kind, doc), 100)
    for marked, plain in zip(marked_pages, plain_pages, strict=True):
        # a big diagonal mark: some 2 % of the page (100 dpi) turns light grey
        assert grey_pixels(marked) - grey_pixels(plain) > 20_000, marked.name
        # drawn under the content: the dark text is all still there
        assert dark_pixels(marked) >= 0.97 * dark_pixels(plain)
    # the text under the watermark still extracts
    expected = KEY_TEXTS[kind][1](doc)
    text = squeeze(pdftotext(tmp_path / f"{kind}-sample.pdf"))
    assert all(squeeze(s) in text for s in expected)


# ------------------------------------------------------------------ QR codes


@pytest.mark.parametrize(
    "make",
    [samples.licence, lambda: samples.licence(applicant=samples.LONG_APPLICANT), samples.permit_certificate],
    ids=["licence", "licence-long-texts", "permit"],
)
@pytest.mark.parametrize("watermark", [None, "样本"])
def test_qr_decodes_to_the_exact_text_at_150_dpi(
    tmp_path: Path, make: Callable[[], Document], watermark: str | None
) -> None:
    doc = make()
    qr_text = doc.qr_text  # type: ignore[union-attr]
    assert 640 <= len(qr_text) <= 700
    pages = pdftoppm(write(tmp_path, "doc", doc, watermark), 150)
    decoded = decode_qr(pages[0])
    assert [d.text for d in decoded] == [qr_text]


def test_licence_qr_is_at_least_40_mm_with_its_quiet_zone(tmp_path: Path) -> None:
    doc = samples.licence()
    face = draw_face(doc)
    (qr,) = face.qr_codes
    # as drawn: the square includes a 4-module quiet zone on each side
    assert qr.matrix.span == qr.matrix.count + 2 * QUIET_ZONE
    assert qr.size == pytest.approx(qr.module * qr.matrix.span)
    assert qr.size_mm >= MIN_SIZE_MM
    assert qr.matrix.error_correction == 0  # qrcode.constants.ERROR_CORRECT_M
    # as printed: measure the symbol zxing finds in the 150 dpi image
    path = tmp_path / "licence.pdf"
    path.write_bytes(face.pdf)
    (found,) = decode_qr(pdftoppm(path, 150)[0])
    symbol_mm = found.width_px / 150 * MM_PER_INCH
    assert symbol_mm == pytest.approx(qr.module_mm * qr.matrix.count, rel=0.03)
    assert symbol_mm * qr.matrix.span / qr.matrix.count >= MIN_SIZE_MM - 0.5


def test_permit_without_qr_text_prints_no_qr(tmp_path: Path) -> None:
    doc = replace(samples.permit_certificate(with_qr=False), valid_until=None)
    assert draw_face(doc).qr_codes == ()
    pdf = write(tmp_path, "permit", doc)
    assert decode_qr(pdftoppm(pdf, 150)[0]) == []
    text = squeeze(pdftotext(pdf))
    assert "扫描二维码" not in text
    assert "自2026年11月26日起长期有效" in text


# ------------------------------------------------------------------ long texts


def test_long_name_address_and_twelve_long_permits_fit_their_boxes(tmp_path: Path) -> None:
    doc = samples.licence(applicant=samples.LONG_APPLICANT, permits=12)
    face = draw_face(doc)
    font_checked = 0
    for placed in face.texts:
        _, _, width, height = placed.box
        fitted = placed.fitted
        assert not fitted.truncated, placed.text
        assert len(fitted.lines) * fitted.leading <= height + 1e-6, placed.text
        for line in fitted.lines:
            assert text_width(line, fitted.size) <= width, (line, fitted.size, width)
            font_checked += 1
        assert squeeze("".join(fitted.lines)) == squeeze(placed.text)  # nothing lost
    assert font_checked > 50

    by_text = {p.text: p for p in face.texts}
    name = by_text[samples.LONG_NAME].fitted
    address = by_text[samples.LONG_ADDRESS].fitted
    assert len(name.lines) >= 2 and len(address.lines) >= 2  # wrapped, not shrunk to nothing
    assert name.size >= 10.5 and address.size >= 9  # at or above the layout's minimum sizes

    path = tmp_path / "licence.pdf"
    path.write_bytes(face.pdf)
    text = squeeze(pdftotext(path))
    # the full texts are printed, split across lines exactly as fitted
    for fitted, full in ((name, samples.LONG_NAME), (address, samples.LONG_ADDRESS)):
        assert "".join(fitted.lines) == full
        for line in fitted.lines:
            assert squeeze(line) in text
    for permit in doc.permits:
        cell = next(p for p in face.texts if p.text == permit.matter_name)
        assert "".join(cell.fitted.lines) == permit.matter_name
        for line in cell.fitted.lines:
            assert squeeze(line) in text
    # every page element stays on the page image
    assert dark_pixels(pdftoppm(path, 100)[0]) > 2000


def test_permit_columns_print_at_one_size(tmp_path: Path) -> None:
    face = draw_face(samples.licence())
    matters = {p.fitted.size for p in face.texts if p.text in samples.LONG_MATTERS}
    assert len(matters) == 1


def test_letter_with_many_matters_flows_over_pages(tmp_path: Path) -> None:
    doc = samples.notification_letter(matters=8, conditions=10)
    pdf = write(tmp_path, "long-letter", doc)
    pages = page_count(pdf)
    assert pages > 1
    text = squeeze(pdftotext(pdf))
    last = doc.matters[-1]
    assert squeeze(f"（八）{last.name}") in text
    assert squeeze(f"10．{last.conditions[-1]}") in text
    assert "第8项事项条件10" in text
    assert squeeze(f"第{pages}页共{pages}页") in text
    assert text.count("（续）") == pages - 1  # the number heads every page after the first
    assert len(pdftoppm(pdf, 50)) == pages


# ------------------------------------------------------------------ wording


def test_operate_on_registration_is_said_plainly(tmp_path: Path) -> None:
    text = squeeze(pdftotext(write(tmp_path, "onreg", samples.operate_on_registration_letter())))
    assert "实行准入即营：领取营业执照后即可开展经营活动，无需另行申请许可。" in text
    assert "涉及的许可事项" not in text


def test_acceptance_without_trial_operation_says_nothing_about_it(tmp_path: Path) -> None:
    text = squeeze(pdftotext(write(tmp_path, "acc", samples.acceptance_notice(trial=False))))
    assert "受理通知书" in text
    assert "试营业" not in text


def test_supplement_lists_each_missing_material_once(tmp_path: Path) -> None:
    doc = samples.supplement_notice()
    assert len(doc.missing) == 5  # one material listed by two matters
    text = squeeze(pdftotext(write(tmp_path, "supp", doc)))
    assert text.count("经营场所平面布局图及设备布局图") == 1
    assert "5．" not in text


def test_text_is_text_not_markup(tmp_path: Path) -> None:
    odd = Applicant("A&B<贸易>有限公司 <b>粗</b>", "91140702MA0KXY3B7B", "张三", "榆次区 1 号 & 2 号")
    doc = RefusalNoticeDoc(
        number="N<1>",
        application_number="SQ&1",
        applicant=odd,
        reason="材料 <不齐全> & 超出范围",
        issued_on=date(2026, 11, 26),
        issuing_authority=samples.AUTHORITY,
    )
    text = squeeze(pdftotext(write(tmp_path, "odd", doc)))
    for snippet in ("A&B<贸易>有限公司<b>粗</b>：", "N<1>", "SQ&1", "材料<不齐全>&超出范围"):
        assert squeeze(snippet) in text


def test_same_document_same_bytes() -> None:
    for doc in samples.every_document().values():
        assert RENDERER.render(doc) == RENDERER.render(doc)
