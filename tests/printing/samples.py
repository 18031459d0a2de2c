"""Realistic documents for the printing tests and the benchmark (Chinese text, long names)."""

from __future__ import annotations

import base64
import hashlib
from datetime import date

from desktop.domain.documents import (
    AcceptanceNoticeDoc,
    Applicant,
    CommitmentLetterDoc,
    Document,
    FilingReceiptDoc,
    IndustryLicenceDoc,
    MaterialLine,
    NoticeItem,
    NoticeMatter,
    NotificationLetterDoc,
    PermitCertificateDoc,
    PermitLine,
    RefusalNoticeDoc,
    SupplementNoticeDoc,
)

ISSUED = date(2026, 11, 26)
AUTHORITY = "晋中市榆次区行政审批服务管理局"

APPLICANT = Applicant(
    name="晋中市榆次区悦来便利店有限公司",
    uscc="91140702MA0KXY3B7B",
    legal_representative="王晓明",
    address="山西省晋中市榆次区顺城街168号悦来商厦一层101号商铺",
    contact_phone="0354-2345678",
)

# 60 Chinese characters and 90 Chinese characters: the longest a counter will meet.
LONG_NAME = (
    "晋中市榆次区乌金山镇东赵乡老城区综合农贸市场暨社区便民生活服务"
    "连锁经营管理股份有限公司第二十三分公司暨城乡冷链物流配送站"
)
LONG_ADDRESS = (
    "山西省晋中市榆次区乌金山镇东赵乡后沟村村委会东侧约二百米处原晋中市第三毛纺织厂旧址改造项目"
    "文创产业园区第七号楼一层东侧第三至第五号商铺及二层西侧全部区域含地下一层仓储及冷藏保鲜用房"
)
assert len(LONG_NAME) == 60, len(LONG_NAME)
assert len(LONG_ADDRESS) == 90, len(LONG_ADDRESS)

LONG_APPLICANT = Applicant(
    name=LONG_NAME,
    uscc="91140702MA0LQWE12D",
    legal_representative="欧阳建国",
    address=LONG_ADDRESS,
    contact_phone="13935412345",
)

LONG_MATTERS = (
    "食品经营许可（含网络经营、热食类食品制售、冷食类食品制售、生食类食品制售）",
    "公共场所卫生许可（住宿场所、沐浴场所、美容美发场所）",
    "公众聚集场所投入使用、营业前消防安全检查",
    "药品经营许可（零售，含中药饮片、处方药与甲类非处方药）",
    "第三类医疗器械经营许可",
    "出版物零售业务许可（含网络发行）",
    "烟草专卖零售许可",
    "酒类商品零售许可",
    "特种行业许可证（旅馆业）",
    "高危险性体育项目经营许可（游泳、攀岩、潜水、滑雪）",
    "城镇污水排入排水管网许可",
    "户外招牌设置审批（设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品）",
)


def qr_text(serial: int = 123, length: int = 600) -> str:
    """A verification URL of about 650 characters: a prefix plus base64url data."""
    blob = b"".join(hashlib.sha256(f"{serial}-{i}".encode()).digest() for i in range(20))
    data = base64.urlsafe_b64encode(blob).decode().rstrip("=")[:length]
    return f"https://verify.jzzwfw.gov.cn/l/JZ-2026-{serial:06d}#OW1.{data}"


def licence(serial: int = 123, *, applicant: Applicant = APPLICANT, permits: int = 12) -> IndustryLicenceDoc:
    lines = tuple(
        PermitLine(
            matter_name=LONG_MATTERS[i % len(LONG_MATTERS)],
            number=f"JY{11407020000000 + serial * 100 + i:014d}",
            valid_until=None if i % 3 == 2 else date(2031, 11, 25 - (i % 20)),
        )
        for i in range(permits)
    )
    return IndustryLicenceDoc(
        number=f"晋中榆次综许〔2026〕{serial:06d}号",
        applicant=applicant,
        industries=("便利店", "药店", "书店"),
        permits=lines,
        issuing_authority=AUTHORITY,
        issued_on=ISSUED,
        qr_text=qr_text(serial),
    )


def permit_certificate(with_qr: bool = True) -> PermitCertificateDoc:
    return PermitCertificateDoc(
        matter_name="食品经营许可",
        number="JY11407020012345",
        applicant=APPLICANT,
        valid_from=ISSUED,
        valid_until=date(2031, 11, 25),
        issuing_authority=AUTHORITY,
        issued_on=ISSUED,
        remarks="经营项目：预包装食品（含冷藏冷冻食品）销售，散装食品（不含冷藏冷冻食品）销售。",
        qr_text=qr_text(7) if with_qr else "",
    )


def filing_receipt() -> FilingReceiptDoc:
    return FilingReceiptDoc(
        matter_name="仅销售预包装食品备案",
        number="YB11407020000456",
        applicant=APPLICANT,
        filed_on=ISSUED,
        department="晋中市榆次区市场监督管理局",
        issuing_authority=AUTHORITY,
        remarks="经营场所面积 86 ㎡。",
    )


def _materials(prefix: str, n: int = 4) -> tuple[MaterialLine, ...]:
    kinds = [
        MaterialLine("营业执照", "政府部门（无需提交）", 0),
        MaterialLine(f"{prefix}申请书", "申请人", 1),
        MaterialLine("经营场所平面布局图及设备布局图", "申请人", 1),
        MaterialLine("法定代表人（负责人）身份证明", "政府部门（无需提交）", 0),
        MaterialLine("与食品安全有关的管理制度文本", "申请人", 1),
    ]
    return tuple(kinds[:n])


def notice_matter(i: int, conditions: int = 4) -> NoticeMatter:
    modes = ["实行告知承诺", "优化审批服务", "审批改为备案", "直接取消审批"]
    name = LONG_MATTERS[i % len(LONG_MATTERS)] if i else "食品经营许可"
    return NoticeMatter(
        name=name,
        mode=modes[i % len(modes)],
        department=["晋中市榆次区市场监督管理局", "晋中市榆次区卫生健康局", "榆次区消防救援大队"][i % 3],
        legal_basis="《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》第十条",
        conditions=tuple(
            f"第{i + 1}项事项条件{j + 1}：具有与经营的食品品种、数量相适应的食品原料处理和食品加工、"
            f"销售、贮存等场所，保持该场所环境整洁，并与有毒、有害场所以及其他污染源保持规定的距离"
            for j in range(conditions)
        ),
        materials=_materials("食品经营许可"),
        time_limit=["当场办结", "10个工作日", "当场办结", "无需办理"][i % 4],
        fees="不收费",
    )


def notification_letter(matters: int = 3, conditions: int = 4) -> NotificationLetterDoc:
    return NotificationLetterDoc(
        number="晋中榆次告〔2026〕0123号",
        applicant=APPLICANT,
        matters=tuple(notice_matter(i, conditions) for i in range(matters)),
        issuing_authority=AUTHORITY,
        issued_on=ISSUED,
        contact="综合受理窗口 3 号，咨询电话 0354-3011234",
    )


def operate_on_registration_letter() -> NotificationLetterDoc:
    return NotificationLetterDoc(
        number="晋中榆次告〔2026〕0124号",
        applicant=APPLICANT,
        matters=(),
        issuing_authority=AUTHORITY,
        issued_on=ISSUED,
        contact="综合受理窗口 3 号，咨询电话 0354-3011234",
        operate_on_registration=True,
    )


def commitment_letter() -> CommitmentLetterDoc:
    return CommitmentLetterDoc(
        number="晋中榆次诺〔2026〕0088号",
        matter_name="公共场所卫生许可",
        legal_basis="《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》第二十二条",
        applicant=APPLICANT,
        conditions=(
            "经营场所选址、设计和装修符合国家卫生标准和卫生规范的要求",
            "具有与经营规模相适应的清洗、消毒、保洁、盥洗等设施设备和公共卫生间",
            "从业人员经卫生知识培训合格，并取得有效健康合格证明",
            "建立卫生管理制度，配备专职或者兼职卫生管理人员",
            "空气、微小气候、水质、采光、照明、噪声等符合国家卫生标准",
        ),
        materials=(
            MaterialLine("公共场所卫生许可申请表", "申请人", 1),
            MaterialLine("营业执照", "政府部门（无需提交）", 0),
            MaterialLine("公共场所卫生检测或者评价报告", "申请人", 1),
            MaterialLine("卫生管理制度文本", "申请人", 1),
        ),
        check_window="2个月",
        consequences=(
            "申请人作出不实承诺的，审批部门依法撤销行政许可，并记入申请人信用记录",
            "经核查不符合许可条件的，责令限期整改；逾期不整改或者整改后仍不符合条件的，依法撤销许可",
            "因不实承诺给他人造成损失的，依法承担赔偿责任；构成犯罪的，依法追究刑事责任",
        ),
        issuing_authority=AUTHORITY,
        issued_on=ISSUED,
    )


def acceptance_notice(trial: bool = True) -> AcceptanceNoticeDoc:
    return AcceptanceNoticeDoc(
        number="晋中榆次受〔2026〕1024号",
        application_number="SQ2026112600017",
        applicant=APPLICANT,
        items=(
            NoticeItem("仅销售预包装食品备案", "当场办结（备案）"),
            NoticeItem("公共场所卫生许可", "告知承诺，当场准予许可"),
            NoticeItem("食品经营许可", "限 2026-12-10 前办结"),
            NoticeItem("公众聚集场所投入使用、营业前消防安全检查", "限 2026-12-24 前办结（申请人选择检查）"),
        ),
        accepted_on=ISSUED,
        first_responder="李芳（3 号窗口）",
        issuing_authority=AUTHORITY,
        trial_operation=("食品经营许可", "公众聚集场所投入使用、营业前消防安全检查") if trial else (),
        remarks="请保持联系电话畅通，办理结果将在统一出件窗口一并发放。",
    )


def supplement_notice() -> SupplementNoticeDoc:
    return SupplementNoticeDoc(
        number="晋中榆次补〔2026〕0031号",
        application_number="SQ2026112600017",
        applicant=APPLICANT,
        missing=(
            "经营场所平面布局图及设备布局图（需标明面积）",
            "与食品安全有关的管理制度文本",
            "食品安全管理人员的培训考核合格证明",
            "经营场所平面布局图及设备布局图（需标明面积）",  # listed twice by two matters: printed once
            "消防安全制度和操作规程",
        ),
        issued_on=ISSUED,
        issuing_authority=AUTHORITY,
        supplement_within_days=5,
    )


def refusal_notice() -> RefusalNoticeDoc:
    return RefusalNoticeDoc(
        number="晋中榆次不受〔2026〕0007号",
        application_number="SQ2026112600018",
        applicant=APPLICANT,
        reason="申请事项“网络预约出租汽车经营许可”依法不属于本机关职权范围，请向晋中市交通运输局申请。",
        issued_on=ISSUED,
        issuing_authority=AUTHORITY,
    )


def every_document() -> dict[str, Document]:
    return {
        "licence": licence(),
        "permit": permit_certificate(),
        "filing": filing_receipt(),
        "notification": notification_letter(),
        "commitment": commitment_letter(),
        "acceptance": acceptance_notice(),
        "supplement": supplement_notice(),
        "refusal": refusal_notice(),
    }
