"""Loading the app's translations and Qt's own, for the chosen language or the system's.

The .ts sources live in ``i18n/`` at the top of the repository; the compiled
.qm files ship inside this package (``hermes_desktop/i18n/``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from . import l10n

QM_DIR = Path(__file__).with_name("i18n")
QT_BASE = {"ja": "qtbase_ja", "zh_Hans": "qtbase_zh_CN", "zh_Hant": "qtbase_zh_TW"}
_installed: list[QTranslator] = []


def language_for(locale: QLocale) -> str:
    """en, ja, zh_Hans or zh_Hant for a locale: zh_TW, zh_HK and zh_MO read Traditional; zh_CN and zh_SG Simplified."""
    lang = locale.language()
    if lang == QLocale.Language.Japanese:
        return "ja"
    if lang == QLocale.Language.Chinese:
        script = locale.script()
        if script == QLocale.Script.TraditionalChineseScript:
            return "zh_Hant"
        if script == QLocale.Script.SimplifiedChineseScript:
            return "zh_Hans"
        territory = locale.territory()
        traditional = (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macau)
        return "zh_Hant" if territory in traditional else "zh_Hans"
    return "en"


def resolve_language(choice: str | None) -> str:
    if choice and choice != "system":
        normal = choice.replace("-", "_")
        aliases = {"zh_CN": "zh_Hans", "zh_SG": "zh_Hans", "zh_TW": "zh_Hant", "zh_HK": "zh_Hant", "zh_MO": "zh_Hant",
                   "zh": "zh_Hans", "ja_JP": "ja", "en_US": "en", "en_GB": "en"}
        normal = aliases.get(normal, normal)
        if normal in l10n.LANGUAGES:
            return normal
        return language_for(QLocale(normal))
    return language_for(QLocale.system())


def install_translators(app: QCoreApplication, choice: str | None) -> str:
    """Install the app's and Qt's translators for ``choice`` (a code or "system"); returns the code used."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    code = resolve_language(choice)
    l10n.set_language(code)
    ours = QTranslator(app)
    if ours.load(str(QM_DIR / f"hermes_desktop_{code}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    if code in QT_BASE:
        qt = QTranslator(app)
        if qt.load(QT_BASE[code], QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    return code
