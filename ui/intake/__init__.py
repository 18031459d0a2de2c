"""综合受理: the intake wizard (主体信息 → 经营范围/行业 → 一表填报 → 材料清单 → 确认受理)."""

from __future__ import annotations

from ui.intake.wizard import STEPS, IntakeWizard

__all__ = ["STEPS", "IntakeWizard"]
