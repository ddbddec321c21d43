"""The job editor's "Context from" at many jobs: every other job listed, checked ones first, a filter that
finds one among thousands, and checks that survive filtering (#12)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.ui.job_picker import ChecklistModel, JobChecklist
from tests.ui.test_editor_fields import on_disk, open_editor, save


def many_jobs(store: JobStore, n: int) -> list[dict]:
    template = store.create("every 1h", "first", name="Job 0000")

    def add(records: list) -> None:
        for i in range(1, n):
            records.append({**template, "id": f"{i:012x}", "name": f"Job {i:04d}"})

    store.mutate(add)
    return store.load().jobs


def test_the_editor_lists_thousands_of_jobs_and_a_filter_finds_one(qtbot: Any, home: HermesHome) -> None:
    store = JobStore(home)
    jobs = many_jobs(store, 3000)
    chosen = [jobs[2999]["id"], jobs[17]["id"]]
    store.update(jobs[5]["id"], context_from=chosen)
    editor = open_editor(qtbot, home, store, store.get(jobs[5]["id"]))
    picker = editor.context_list
    qtbot.waitUntil(lambda: picker.count() == 2999)  # every other job
    assert picker.titles()[:2] == ["Job 0017", "Job 2999"]  # the checked ones first, by title
    assert picker.filter.isVisible()
    picker.filter.setText("job 1234")
    assert picker.titles() == ["Job 1234"]
    index = picker.model.index(0, 0)
    picker.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)  # as a click does
    picker.filter.setText("")
    assert len(picker.titles()) == 2999
    picker.set_checked(jobs[17]["id"], False)
    job = save(qtbot, editor)
    assert on_disk(home, job["id"])["context_from"] == [jobs[2999]["id"], f"{1234:012x}"]


def test_letters_typed_into_a_long_list_go_to_its_filter(qtbot: Any) -> None:
    picker = JobChecklist()
    qtbot.addWidget(picker)
    picker.show()
    picker.set_jobs([(str(i), f"Job {i:02d}") for i in range(12)], [])
    picker.view.setFocus()
    qtbot.keyClicks(picker.view, "11")
    assert picker.filter.text() == "11" and picker.titles() == ["Job 11"]


def test_a_short_list_has_no_filter(qtbot: Any) -> None:
    picker = JobChecklist()
    qtbot.addWidget(picker)
    picker.show()
    picker.set_jobs([("a", "Alpha"), ("b", "Beta")], ["b"])
    assert not picker.filter.isVisible()
    picker.view.setFocus()
    qtbot.keyClicks(picker.view, "a")  # finds the row, as lists do
    assert picker.filter.text() == "" and picker.view.currentIndex().data() == "Alpha"
    assert picker.titles() == ["Beta", "Alpha"]
    assert picker.checked() == ["b"]


def test_the_checklist_is_a_proper_model(qtmodeltester: Any) -> None:
    model = ChecklistModel()
    model.set_rows([(str(i), f"Job {i}") for i in range(50)], ["7"])
    qtmodeltester.check(model)
    model.set_filter("job 1")
    qtmodeltester.check(model)
