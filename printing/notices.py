"""The letters and notices: 一次性告知书, 告知承诺书, 受理通知书, 一次补正通知书, 不予受理通知书.

Each builder turns its document into a platypus story; ``render_letter`` lays it out over as
many A4 pages as it needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop.domain.documents import (
    AcceptanceNoticeDoc,
    CommitmentLetterDoc,
    NoticeMatter,
    NotificationLetterDoc,
    RefusalNoticeDoc,
    SupplementNoticeDoc,
)
from printing.drawing import DocInfo
from printing.fonts import font
from printing.letters import (
    BODY_SIZE,
    FRAME_WIDTH,
    MM,
    BoldText,
    addressee,
    applicant_table,
    boxed,
    build_letter,
    grid_table,
    heading,
    materials_table,
    number_line,
    numbered,
    para,
    signature,
    styles,
    subheading,
    title,
)
from printing.text import chinese_number, format_date

# What each reform mode means for the applicant (domain.md §3), printed under the matter.
MODE_NOTES = {
    "直接取消审批": (
        "本事项已直接取消审批，无需申请许可，领取营业执照后即可开展经营，由主管部门依法实施监管。"
    ),
    "审批改为备案": (
        "本事项已改为备案管理：备案材料齐全的，当场办结；现场核查、检验检测、专家评审等不作为备案的前置条件。"
    ),
    "实行告知承诺": (
        "本事项实行告知承诺：申请人书面承诺已经符合许可条件并提交上列材料的，"
        "审批部门当场作出许可决定，并在规定期限内对承诺内容进行核查。"
    ),
    "优化审批服务": "本事项实行优化审批服务：按上列材料申请，审批部门在上列办理时限内作出决定。",
    "按原规定办理": "本事项按原规定办理。",
}

OPERATE_ON_REGISTRATION = (
    "你（单位）申报的经营范围不涉及涉企经营许可事项，实行准入即营：领取营业执照后即可开展经营活动，"
    "无需另行申请许可。"
)
_BLANK = "\u00a0\u00a0"  # space left for handwriting (no-break: paragraphs collapse ordinary spaces)


@dataclass(frozen=True)
class Letter:
    story: list[Flowable]
    info: DocInfo
    header: str  # printed at the head of every page after the first


def unique(items: Iterable[str]) -> list[str]:
    """Each item once, in first-seen order (blank items dropped)."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.strip()
        if key and key not in seen:
            seen.add(key)
            out.append(key)
    return out


# ------------------------------------------------------------------ 一次性告知书


def _matter_section(index: int, matter: NoticeMatter) -> list[Flowable]:
    s = styles()
    facts = grid_table(
        [
            ["改革方式", matter.mode],
            ["审批部门", matter.department],
            ["办理时限", matter.time_limit],
            ["收费标准", matter.fees],
            ["设定依据", matter.legal_basis],
        ],
        [30 * MM, FRAME_WIDTH - 30 * MM],
        header=False,
        label_column=True,
    )
    story: list[Flowable] = [
        BoldText(
            f"（{chinese_number(index)}）{matter.name}",
            BODY_SIZE + 1,
            space_before=8,
            space_after=4,
            keep_with_next=True,
        ),
        facts,
    ]
    note = MODE_NOTES.get(matter.mode)
    if note:
        story += [Spacer(1, 4), para(note, s.body)]
    story.append(subheading("许可条件"))
    if matter.conditions:
        story += numbered(matter.conditions)
    else:
        story.append(para("无。", s.body))
    story.append(subheading("申请材料"))
    if matter.materials:
        story.append(materials_table(matter.materials))
    else:
        story.append(para("无需提交材料。", s.body))
    return story


def notification_letter(doc: NotificationLetterDoc) -> Letter:
    s = styles()
    if doc.matters:
        opening = (
            "根据“证照分离”改革有关规定，现将你（单位）拟从事的经营活动涉及的涉企经营许可事项，"
            "及其改革方式、审批部门、许可条件、申请材料、办理时限、收费标准和设定依据一次性告知如下："
        )
    else:
        opening = "根据“证照分离”改革有关规定，经核对你（单位）申报的经营范围，现一次性告知如下："
    story: list[Flowable] = [
        title("一次性告知书"),
        number_line(doc.number),
        addressee(doc.applicant),
        para(opening, s.body),
        heading("一、申请人基本情况"),
        applicant_table(doc.applicant),
    ]
    section = 2
    if doc.operate_on_registration:
        story += [heading(f"{chinese_number(section)}、准入即营"), boxed(OPERATE_ON_REGISTRATION)]
        section += 1
    if doc.matters:
        story.append(heading(f"{chinese_number(section)}、涉及的许可事项（共{len(doc.matters)}项）"))
        for i, matter in enumerate(doc.matters, start=1):
            story += _matter_section(i, matter)
        section += 1
    elif not doc.operate_on_registration:
        story.append(para("经核对，你（单位）申报的事项不涉及需要办理的涉企经营许可事项。", s.body))
    if doc.matters or doc.contact:
        story.append(heading(f"{chinese_number(section)}、其他事项"))
    if doc.matters:
        story.append(
            para("除本告知书所列许可条件和申请材料外，审批部门不得要求你（单位）提交其他材料。", s.body)
        )
    if doc.contact:
        story.append(para(f"咨询方式：{doc.contact}", s.body))
    story.append(signature(doc.issuing_authority, format_date(doc.issued_on)))
    info = DocInfo(f"一次性告知书 {doc.number}", doc.applicant.name, doc.issuing_authority)
    return Letter(story, info, f"一次性告知书 编号：{doc.number}")


# ------------------------------------------------------------------ 告知承诺书


def _signature_boxes(doc: CommitmentLetterDoc) -> Table:
    s = styles()
    half = FRAME_WIDTH / 2
    rows = [
        [BoldText("申请人（签字/盖章）：", BODY_SIZE), BoldText("审批部门（印章）：", BODY_SIZE)],
        ["", para(doc.issuing_authority, s.plain)],
        [
            para("日期：" + _BLANK * 8 + "年" + _BLANK * 4 + "月" + _BLANK * 4 + "日", s.plain),
            para(f"日期：{format_date(doc.issued_on)}", s.plain),
        ],
    ]
    table = Table(rows, colWidths=[half, half], rowHeights=[11 * MM, 30 * MM, 11 * MM], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font(), BODY_SIZE),
                ("BOX", (0, 0), (0, -1), 0.8, colors.black),
                ("BOX", (1, 0), (1, -1), 0.8, colors.black),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
                ("VALIGN", (0, 2), (-1, 2), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def commitment_letter(doc: CommitmentLetterDoc) -> Letter:
    s = styles()
    story: list[Flowable] = [
        title("告知承诺书"),
        BoldText(f"（{doc.matter_name}）", BODY_SIZE + 2, align="center", space_after=4),
        number_line(doc.number),
        heading("一、申请人基本情况"),
        applicant_table(doc.applicant),
        heading("二、审批部门告知的内容"),
        subheading("（一）许可事项和设定依据"),
        para(f"许可事项：{doc.matter_name}", s.body),
        para(f"设定依据：{doc.legal_basis}", s.body),
        subheading("（二）许可条件"),
        para(f"申请人应当符合下列全部条件（共{len(doc.conditions)}项）：", s.body),
        *numbered(doc.conditions),
        subheading("（三）需要提交的材料"),
        materials_table(doc.materials),
        subheading("（四）核查"),
        para(
            f"审批部门自作出许可决定之日起{doc.check_window}内，对申请人承诺的内容进行核查。"
            "经核查符合承诺条件的，许可继续有效；不符合的，依法处理。",
            s.body,
        ),
        subheading("（五）不实承诺的法律后果"),
        *numbered(doc.consequences),
        heading("三、申请人承诺"),
        para("申请人现郑重承诺：", s.body),
        *numbered(
            [
                "所填写的基本信息真实、准确；",
                "已经知晓审批部门告知的全部内容；",
                f"已经符合审批部门告知的全部许可条件（上列第1至第{len(doc.conditions)}项）；",
                "已经提交审批部门告知的全部材料，并愿意接受审批部门的核查；",
                "愿意承担不实承诺、违反承诺的法律责任；",
                "所作承诺是申请人的真实意思表示。",
            ],
            marker="（{}）",
        ),
        KeepTogether([Spacer(1, 6 * MM), _signature_boxes(doc), Spacer(1, 3 * MM)]),
        para("本承诺书一式两份，申请人和审批部门各执一份。", s.small),
    ]
    info = DocInfo(f"告知承诺书 {doc.number}", doc.matter_name, doc.issuing_authority)
    return Letter(story, info, f"告知承诺书 编号：{doc.number}")


# ------------------------------------------------------------------ 受理通知书


def acceptance_notice(doc: AcceptanceNoticeDoc) -> Letter:
    s = styles()
    rows = [["序号", "许可事项", "办理方式"]]
    rows += [[str(i), item.matter_name, item.handling] for i, item in enumerate(doc.items, start=1)]
    story: list[Flowable] = [
        title("受理通知书"),
        number_line(doc.number),
        addressee(doc.applicant),
        para(
            f"你（单位）于{format_date(doc.accepted_on)}提交的申请（申请编号：{doc.application_number}）收悉。"
            "经审查，申请材料齐全、符合法定形式，本机关决定予以受理。各事项的办理方式如下：",
            s.body,
        ),
        Spacer(1, 2 * MM),
        grid_table(rows, [14 * MM, FRAME_WIDTH - 14 * MM - 70 * MM, 70 * MM], center=(0,)),
        Spacer(1, 4 * MM),
    ]
    trial = unique(doc.trial_operation)
    if trial:
        story += [
            boxed(
                f"试营业：你（单位）自即日起即可就下列事项开展试营业：{'、'.join(trial)}。"
                "试营业期间应当遵守有关法律法规和标准规范，许可结果另行通知。"
            ),
            Spacer(1, 4 * MM),
        ]
    story.append(para(f"首问责任人：{doc.first_responder}。办理过程中有疑问的，可向首问责任人咨询。", s.body))
    if doc.remarks:
        story.append(para(f"备注：{doc.remarks}", s.body))
    story.append(signature(doc.issuing_authority, format_date(doc.accepted_on), seal="（受理专用章）"))
    info = DocInfo(f"受理通知书 {doc.number}", doc.applicant.name, doc.issuing_authority)
    return Letter(story, info, f"受理通知书 编号：{doc.number}")


# ------------------------------------------------------------------ 一次补正通知书


def supplement_notice(doc: SupplementNoticeDoc) -> Letter:
    s = styles()
    missing = unique(doc.missing)
    story: list[Flowable] = [
        title("一次补正通知书"),
        number_line(doc.number),
        addressee(doc.applicant),
        para(
            f"你（单位）提交的申请（申请编号：{doc.application_number}），经审查，申请材料不齐全或者不符合法定形式。"
            "依据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知你（单位）需要补正的全部材料"
            f"（共{len(missing)}项）：",
            s.body,
        ),
        *numbered(missing),
        Spacer(1, 2 * MM),
        para(
            f"请自收到本通知书之日起{doc.supplement_within_days}日内一次性补正上述材料。"
            "补正材料齐全、符合法定形式的，本机关将依法予以受理。",
            s.body,
        ),
        signature(doc.issuing_authority, format_date(doc.issued_on)),
    ]
    info = DocInfo(f"一次补正通知书 {doc.number}", doc.applicant.name, doc.issuing_authority)
    return Letter(story, info, f"一次补正通知书 编号：{doc.number}")


# ------------------------------------------------------------------ 不予受理通知书


def refusal_notice(doc: RefusalNoticeDoc) -> Letter:
    s = styles()
    story: list[Flowable] = [
        title("不予受理通知书"),
        number_line(doc.number),
        addressee(doc.applicant),
        para(
            f"你（单位）提交的申请（申请编号：{doc.application_number}），经审查，本机关决定不予受理。",
            s.body,
        ),
        subheading("不予受理的理由"),
        para(doc.reason, s.body),
        subheading("救济途径"),
        para(doc.remedies, s.body),
        signature(doc.issuing_authority, format_date(doc.issued_on)),
    ]
    info = DocInfo(f"不予受理通知书 {doc.number}", doc.applicant.name, doc.issuing_authority)
    return Letter(story, info, f"不予受理通知书 编号：{doc.number}")


LETTERS: dict[type, Callable[[Any], Letter]] = {
    NotificationLetterDoc: notification_letter,
    CommitmentLetterDoc: commitment_letter,
    AcceptanceNoticeDoc: acceptance_notice,
    SupplementNoticeDoc: supplement_notice,
    RefusalNoticeDoc: refusal_notice,
}


def render_letter(doc: object, watermark: str | None) -> bytes:
    letter = LETTERS[type(doc)](doc)
    return build_letter(letter.story, letter.info, header=letter.header, watermark=watermark)
