"""The cron window's job list says each schedule in the user's language, not as typed (#15)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.i18n import install_translators
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.models import Role


@pytest.mark.parametrize(("code", "every_15", "weekdays"), [
    ("en", "Every 15 minutes", "9:00"),
    ("ja", "15 分ごと", "9:00"),
    ("zh_Hans", "每 15 分钟", "9:00"),
])
def test_the_job_list_says_the_schedule_in_the_users_language(qtbot: Any, qapp: QApplication, home: HermesHome,
                                                              code: str, every_15: str, weekdays: str) -> None:
    install_translators(qapp, code)
    store = JobStore(home)
    store.create("every 15m", "watch the disk", name="Disk")
    store.create("weekdays at 9am", "brief me", name="Brief")
    window = create_main_window(home, start_ticker=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 2)
    manage = window.dialogs.open_manage("")
    lines = {}
    for row in range(manage.proxy.rowCount()):
        index = manage.proxy.index(row, 0)
        lines[index.data(Role.Title)] = manage.list.itemDelegate().subtitle(index)
    assert lines["Disk"].startswith(every_15)
    assert weekdays in lines["Brief"]
    if code != "en":
        assert "every" not in lines["Disk"] and "weekdays" not in lines["Brief"]  # not the words as typed
