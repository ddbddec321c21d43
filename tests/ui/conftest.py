from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from hermes_desktop.i18n import install_translators


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> Iterator[None]:
    """The UI in English with its real plural forms, as a user who picked English sees it."""
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")  # a test that switched language leaves English behind
