"""`make screenshots`: every main screen as a PNG, from a throwaway demo database (not committed).

Run by desktop.bootstrap (`onewindow --screenshots DIR`), under Xvfb or offscreen.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from desktop.domain.enterprises import Enterprise
from desktop.domain.users import SYSTEM_ACTOR
from desktop.runtime import AppRuntime
from desktop.services import demo, inspections, intake, setup, users
from desktop.services.catalog import current
from desktop.services.demo import random_uscc


def take(out: Path) -> list[Path]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import MainWindow
    from ui.fonts import load_shipped_font
    from ui.login import LoginDialog
    from ui.rating_pad import RatingPad
    from ui.tasks import wait_for_background

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    font = app.font()
    family = load_shipped_font()
    if family:
        font.setFamilies([family, *font.families()])
    font.setPointSize(12)
    app.setFont(font)

    def settle(ms: int = 800) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        wait_for_background()

    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="onewindow-shots-") as folder:
        runtime = AppRuntime(data_dir=folder)
        services = runtime.open(init=True)
        setup.initialise(services, runtime.bundle(), demo=True)
        case = demo.run_case(services)
        catalog = current(services)
        store = catalog.industry("便利店")
        pending = Enterprise(
            random_uscc(random.Random(7)), "演示县老街茶馆有限公司", "王大力", "演示县老街12号", "13700000000"
        )
        app_ = intake.submit(services, SYSTEM_ACTOR, pending, store.matter_codes, {"business_area": "120"})
        intake.accept(services, SYSTEM_ACTOR, app_.id)

        login = LoginDialog(services, demo=True)
        login.resize(480, 260)
        login.show()
        settle(300)
        path = out / "00-login.png"
        login.grab().save(str(path))
        saved.append(path)
        login.close()
        drawn = inspections.draw_inspection(services, SYSTEM_ACTOR, "XF-01", "截图演示抽取", 1.0)
        inspector = str(drawn.result["subjects"][0]["inspectors"][0])
        for username in ("clerk", "reviewer01", "issuer", "halladmin", inspector, "auditor"):
            user = users.login(services, username, setup.DEMO_PASSWORD)
            window = MainWindow(services, runtime.db_url, user=user)
            window.resize(1280, 800)
            window.show()
            settle()
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                widget = window.tabs.widget(index)
                load_case = getattr(widget, "load_case", None)
                if callable(load_case):
                    load_case(case.application)
                settle(1500)
                path = out / f"{username}-{index + 1}-{window.tabs.tabText(index)}.png"
                window.grab().save(str(path))
                saved.append(path)
            window.close()
        pad = RatingPad(case.application)
        pad.resize(1000, 420)
        pad.show()
        settle(300)
        path = out / "rating-pad.png"
        pad.grab().save(str(path))
        saved.append(path)
        runtime.engine.dispose()
    return saved
