"""审管联动: supervision feedback that a supervising department sends back to the approving one.

Feedback is due within N working days (default 3) of the supervising department's decision; the
days are counted with the working-day calendar, the decision day itself not counted. Feedback
that reaches the counter on a later local date than its due date is flagged late; feedback not
yet acknowledged after its due date is overdue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

DEFAULT_FEEDBACK_LIMIT_DAYS = 3


@dataclass(frozen=True)
class SupervisionFeedback:
    id: str
    licence: str
    permit: str
    uscc: str
    matter: str
    approving_department: str
    supervising_department: str
    measure: str
    text: str
    decided_at: datetime
    sent_at: datetime | None
    received_at: datetime
    due_on: date
    late: bool  # received after its due date
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None
    note: str = ""

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None

    def overdue(self, today: date) -> bool:
        """Still unacknowledged after its due date."""
        return not self.acknowledged and today > self.due_on


def is_late(received_on: date, due_on: date) -> bool:
    """Feedback is late when the local date it arrived is after its due date."""
    return received_on > due_on
