"""Languages of the interface: Simplified Chinese (the source language) and English, through Qt's
translation system. Sources: resources/translations/*.ts (made with pyside6-lupdate); the compiled
.qm files are built by `make install` / `make dist` (pyside6-lrelease) and shipped in the bundle.
Messages that come from the services (rules of the reform, errors) stay in Chinese."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT = "zh_CN"
_installed: list[QTranslator] = []


def saved_language() -> str:
    value = QSettings("OneWindow", "OneWindow").value("language", DEFAULT)
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT


def save_language(language: str) -> None:
    QSettings("OneWindow", "OneWindow").setValue("language", language)


def install(language: str) -> bool:
    """Switch the interface language; False when that language's .qm is not available."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == DEFAULT:
        return True
    resource = files("resources") / "translations" / f"onewindow_{language}.qm"
    if not resource.is_file():
        return False
    translator = QTranslator(app)
    with as_file(resource) as path:
        if not translator.load(str(path)):
            return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
