"""“New cron job” starts from somewhere: blank, a copy of the selected job, or one of Hermes' blueprints."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMenu

from hermes_desktop.core.blueprints import Blueprint, Catalog
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.ui.cron_window import CronManageWindow
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.models import CronJobsModel
from hermes_desktop.ui.prefs import UiPrefs
from hermes_desktop.ui.start_menu import StartMenu

BRIEF = Blueprint(key="morning-brief", title="Morning briefing", description="A short daily briefing.",
                  schedule_human="daily at 08:00",
                  record={"name": "Morning briefing", "prompt": "Brief me.", "schedule": "0 8 * * *",
                          "deliver": "origin", "skills": []})


@pytest.fixture(autouse=True)
def _pool_joined() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(5000)  # the catalog readers a test started


def actions(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions()]


def test_the_menu_offers_blank_a_copy_and_hermes_blueprints(qtbot: Any) -> None:
    job = {"id": "0123456789ab", "name": "Brief", "prompt": "p", "last_error": "x", "state": "error"}
    selected: list[dict | None] = [None]
    menu = StartMenu(lambda: selected[0], load=lambda: Catalog(blueprints=[BRIEF]))
    qtbot.addWidget(menu)
    chosen: list[Any] = []
    menu.chosen.connect(chosen.append)
    menu.refresh()
    assert actions(menu)[:2] == ["Blank", "Duplicate the selected job"] and not menu.duplicate.isEnabled()
    qtbot.waitUntil(lambda: actions(menu.blueprints) == ["Morning briefing"])
    assert menu.blueprints.title() == "From blueprint"
    assert "A short daily briefing." in menu.blueprints.actions()[0].toolTip()

    selected[0] = job
    menu.refresh()
    assert menu.duplicate.text() == "Duplicate “Brief”" and menu.duplicate.isEnabled()
    menu.blank.trigger()
    menu.duplicate.trigger()
    menu.blueprints.actions()[0].trigger()
    blank, copy, blueprint = chosen
    assert blank is None
    assert copy["name"] == "Brief (copy)" and copy["state"] == "paused" and copy["enabled"] is False
    assert "id" not in copy and "last_error" not in copy
    assert blueprint == BRIEF.record and blueprint is not BRIEF.record


def test_without_hermes_the_blueprint_menu_says_why(qtbot: Any) -> None:
    menu = StartMenu(lambda: None, load=lambda: Catalog(problem="Hermes (hermes-agent) is not installed"))
    qtbot.addWidget(menu)
    assert actions(menu.blueprints) == ["Reading Hermes' blueprints…"]
    menu.refresh()
    qtbot.waitUntil(lambda: actions(menu.blueprints) == ["No blueprints: Hermes is not installed here"])
    note = menu.blueprints.actions()[0]
    assert not note.isEnabled() and "not installed" in note.toolTip()


def test_the_cron_window_new_button_opens_the_editor_from_what_was_picked(qtbot: Any, home: HermesHome) -> None:
    store = JobStore(home)
    job = store.create("every 1h", "Brief me", name="Brief")
    model = CronJobsModel()
    model.apply(store.list_jobs())
    opened: list[Any] = []
    window = CronManageWindow(model, SessionStore(home.state_db), UiPrefs(),
                              {"new": lambda template=None: opened.append(template)})
    qtbot.addWidget(window)
    window.select(job["id"])
    assert window.new_button.menu() is window.new_menu
    window.new_menu.refresh()
    assert window.new_menu.duplicate.text() == "Duplicate “Brief”"
    window.new_menu.blank.trigger()
    window.new_menu.duplicate.trigger()
    assert opened[0] is None and opened[1]["name"] == "Brief (copy)" and opened[1]["prompt"] == "Brief me"


def test_the_main_window_new_job_menu_asks_for_a_new_job_from_what_was_picked(qtbot: Any, window: MainWindow,
                                                                             store: JobStore) -> None:
    job = store.create("every 1h", "Brief me", name="Brief")
    qtbot.waitUntil(lambda: window.jobs_model.rowCount() == 1)
    menu = window.new_menu
    assert menu.title() == "&New cron job" and menu.blank.shortcut().toString() == "Ctrl+N"
    menu.refresh()
    assert not menu.duplicate.isEnabled()  # no job open in the sidebar
    window.cron.open_job = job["id"]
    menu.refresh()
    assert menu.duplicate.isEnabled()
    with qtbot.waitSignal(window.newJobRequested) as blank:
        menu.blank.trigger()
    assert blank.args == [None]
    with qtbot.waitSignal(window.newJobRequested) as copy:
        menu.duplicate.trigger()
    assert copy.args[0]["name"] == "Brief (copy)"
    for w in window.findChildren(QMenu):
        w.close()
