from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.i18n import install_translators
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> Iterator[None]:
    """The UI in English with its real plural forms, as a user who picked English sees it."""
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")  # a test that switched language leaves English behind


@pytest.fixture
def store(home: HermesHome) -> JobStore:
    return JobStore(home)


@pytest.fixture
def window(qtbot, home: HermesHome) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = create_main_window(home, start_ticker=False)
    qtbot.addWidget(w)
    w.show()
    yield w
