"""Every field Hermes gives a job is set in the editor, saved in Hermes' shape, shown only where it applies,
and refused, with the reason beside it, where Hermes would refuse it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QListWidget

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.job_fields import copy_of
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.ui.job_editor import JobEditor
from hermes_desktop.ui.workers import run_here


def saver(store: JobStore, job: dict | None, sent: list[dict]) -> Any:
    """What the composition root's save does: create a new job, or update the one edited."""
    def save(values: dict[str, Any]) -> dict:
        sent.append(dict(values))
        if job is None:
            return store.create(values.pop("schedule"), values.pop("prompt"), **values)
        return store.update(job["id"], **values)
    return save


def open_editor(qtbot: Any, home: HermesHome, store: JobStore, job: dict | None = None,
                template: dict | None = None, sent: list[dict] | None = None) -> JobEditor:
    editor = JobEditor(home, run_here, saver(store, job, sent if sent is not None else []), job,
                       template=template)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def on_disk(home: HermesHome, job_id: str) -> dict:
    return next(j for j in json.loads(home.jobs_file.read_text())["jobs"] if j["id"] == job_id)


def check(items: QListWidget, *values: str) -> None:
    for i in range(items.count()):
        if items.item(i).data(Qt.ItemDataRole.UserRole) in values:
            items.item(i).setCheckState(Qt.CheckState.Checked)


def save(qtbot: Any, editor: JobEditor) -> dict:
    assert editor.save_button.isEnabled(), editor.save_button.toolTip()
    with qtbot.waitSignal(editor.saved) as blocker:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]  # type: ignore[no-any-return]


def test_each_field_set_in_the_editor_is_saved_as_hermes_writes_it(qtbot: Any, home: HermesHome, store: JobStore,
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    source = store.create("every 1h", "Collect the numbers", name="Collector")
    folder = tmp_path / "project"
    folder.mkdir()
    editor = open_editor(qtbot, home, store)
    editor.name.setText("Digest")
    editor.prompt.setPlainText("Summarize the numbers")
    check(editor.deliver_list, "telegram", "discord")
    editor.deliver_other.setText("slack:C0123")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(editor.workdir_button, Qt.MouseButton.LeftButton)  # the folder picker fills the field
    assert editor.workdir.text() == str(folder)
    editor.repeat.setValue(4)
    editor.skills.setText("arxiv, notes")
    editor.toolsets.setText("web, terminal")
    editor.model_override.setText("gpt-x")
    editor.provider.setText("custom")
    editor.base_url_override.setText("http://127.0.0.1:8000/v1/")
    assert editor.context_list.titles() == ["Collector"]
    editor.context_list.set_checked(source["id"])
    job = save(qtbot, editor)
    rec = on_disk(home, job["id"])
    assert rec["deliver"] == "telegram,discord,slack:C0123"
    assert rec["workdir"] == str(folder.resolve())
    assert rec["repeat"] == {"times": 4, "completed": 0}
    assert rec["skills"] == ["arxiv", "notes"] and rec["skill"] == "arxiv"
    assert rec["enabled_toolsets"] == ["web", "terminal"]
    assert (rec["model"], rec["provider"], rec["base_url"]) == ("gpt-x", "custom", "http://127.0.0.1:8000/v1")
    assert rec["context_from"] == [source["id"]]
    assert rec["no_agent"] is False and rec["prompt"] == "Summarize the numbers"

    # and they all come back when the job is opened again
    again = open_editor(qtbot, home, store, store.get(job["id"]))
    assert again.deliver_value() == "telegram,discord,slack:C0123"
    assert (again.workdir.text(), again.skills.text(), again.toolsets.text(), again.provider.text()) == (
        str(folder.resolve()), "arxiv, notes", "web, terminal", "custom")
    assert again.context_value() == [source["id"]] and again.changes() == {}


def test_a_script_job_without_the_agent_shows_and_saves_no_agent_fields(qtbot: Any, home: HermesHome,
                                                                       store: JobStore) -> None:
    (home.scripts_dir / "disk.sh").write_text("df -h\n")
    sent: list[dict] = []
    editor = open_editor(qtbot, home, store, sent=sent)
    editor.kind_script.setChecked(True)
    assert not editor.agent_box.isVisible() and not editor.prompt.isVisible()
    assert editor.deliver_list.isVisible() and editor.workdir.isVisible() and editor.repeat.isVisible()
    editor.script.setCurrentText("disk.sh")
    check(editor.deliver_list, "email")
    job = save(qtbot, editor)
    assert not {"skills", "enabled_toolsets", "model", "provider", "base_url", "context_from"} & set(sent[0])
    rec = on_disk(home, job["id"])
    assert rec["no_agent"] is True and rec["script"] == "disk.sh" and rec["deliver"] == "email"
    # the prompt kinds show the agent's fields, the plain prompt no script
    editor = open_editor(qtbot, home, store)
    assert editor.agent_box.isVisible() and not editor.script.isVisible()
    editor.kind_both.setChecked(True)
    assert editor.agent_box.isVisible() and editor.script.isVisible() and editor.prompt.isVisible()


def test_this_desktop_stands_alone_among_the_targets(qtbot: Any, home: HermesHome, store: JobStore) -> None:
    editor = open_editor(qtbot, home, store)
    assert editor.deliver_value() == "local"
    check(editor.deliver_list, "telegram")
    assert editor.deliver_value() == "telegram"  # picking a platform unticks This desktop
    check(editor.deliver_list, "local")
    assert editor.deliver_value() == "local"  # and This desktop unticks the platforms


@pytest.mark.parametrize(("fill", "field", "reason"), [
    (lambda e: e.deliver_other.setText("carrier_pigeon"), "deliver", "Hermes does not deliver to that platform"),
    (lambda e: e.deliver_other.setText("telegram:"), "deliver", "platform:chat"),
    (lambda e: e.toolsets.setText("web, cronjob"), "enabled_toolsets", "never get cronjob"),
    (lambda e: e.workdir.setText("relative/folder"), "workdir", "full path"),
    (lambda e: e.base_url_override.setText("http://example.com/v1"), "provider", "needs a provider"),
])
def test_a_refused_value_shows_its_reason_beside_the_field_and_nothing_moves(
        qtbot: Any, home: HermesHome, store: JobStore, fill: Any, field: str, reason: str) -> None:
    editor = open_editor(qtbot, home, store)
    editor.prompt.setPlainText("p")
    assert editor.save_button.isEnabled()
    label = editor.field_errors[field]
    assert label.isVisible() and label.text() == ""  # its line is kept free while the value is fine
    positions = {name: w.mapTo(editor, w.rect().topLeft()) for name, w in (
        ("deliver", editor.deliver_list), ("workdir", editor.workdir), ("repeat", editor.repeat),
        ("toolsets", editor.toolsets), ("model", editor.model_override), ("provider", editor.provider),
        ("endpoint", editor.base_url_override), ("context", editor.context_list))}
    fill(editor)
    qtbot.waitUntil(lambda: label.text() != "")
    assert label.isVisible() and reason in label.text() and label.toolTip()  # core's full sentence in the tooltip
    assert not editor.save_button.isEnabled() and editor.save_button.toolTip()
    assert positions == {name: w.mapTo(editor, w.rect().topLeft()) for name, w in (
        ("deliver", editor.deliver_list), ("workdir", editor.workdir), ("repeat", editor.repeat),
        ("toolsets", editor.toolsets), ("model", editor.model_override), ("provider", editor.provider),
        ("endpoint", editor.base_url_override), ("context", editor.context_list))}


def test_a_folder_that_does_not_exist_is_refused_on_save_beside_its_field(qtbot: Any, home: HermesHome,
                                                                          store: JobStore, tmp_path: Path) -> None:
    editor = open_editor(qtbot, home, store)
    editor.prompt.setPlainText("p")
    editor.workdir.setText(str(tmp_path / "gone"))
    assert editor.save_button.isEnabled()  # whether a folder exists is known when saving
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    label = editor.field_errors["workdir"]
    qtbot.waitUntil(lambda: label.text() != "")
    assert label.text() == "That folder does not exist." and editor.isVisible()
    assert not editor.save_error.isVisible()
    assert store.list_jobs() == []


def test_only_changed_fields_are_sent_and_unknown_fields_survive(qtbot: Any, home: HermesHome,
                                                                 store: JobStore) -> None:
    job = store.create("every 1h", "p", deliver="telegram", skills=["a"])
    store.mutate(lambda rs: rs[0].update(future_hermes_field={"x": 1}, origin={"platform": "telegram"},
                                         deliver=["telegram"]))  # a list, as some writers leave it
    sent: list[dict] = []
    editor = open_editor(qtbot, home, store, store.get(job["id"]), sent=sent)
    assert editor.changes() == {}
    editor.skills.setText("a, b")
    save(qtbot, editor)
    assert sent == [{"skills": ["a", "b"]}]
    rec = on_disk(home, job["id"])
    assert rec["skills"] == ["a", "b"] and rec["future_hermes_field"] == {"x": 1}
    assert rec["origin"] == {"platform": "telegram"} and rec["deliver"] == ["telegram"]  # untouched


def test_a_duplicate_is_created_paused_as_a_new_job(qtbot: Any, home: HermesHome, store: JobStore) -> None:
    job = store.create("every 1h", "Brief me", name="Brief", deliver="telegram", skills=["news"], repeat=3)
    store.mutate(lambda rs: rs[0].update(last_run_at="2026-11-25T10:00:00+00:00", last_status="ok",
                                         run_claim={"by": "x"}, origin={"platform": "telegram", "chat_id": "1"}))
    original = store.get(job["id"])
    editor = open_editor(qtbot, home, store, template=copy_of(original, "Brief (copy)"))
    assert editor.windowTitle() == "New cron job" and editor.name.text() == "Brief (copy)"
    assert editor.prompt.toPlainText() == "Brief me" and editor.deliver_value() == "telegram"
    assert editor.skills.text() == "news" and editor.repeat.value() == 3
    copy = save(qtbot, editor)
    rec = on_disk(home, copy["id"])
    assert rec["id"] != job["id"] and rec["name"] == "Brief (copy)"
    assert rec["state"] == "paused" and rec["enabled"] is False
    assert rec["last_run_at"] is None and rec["last_status"] is None and "run_claim" not in rec
    assert rec["origin"] == {"platform": "telegram", "chat_id": "1"} and rec["repeat"]["completed"] == 0
    assert [j["id"] for j in store.list_jobs()] == [job["id"], copy["id"]]


def test_a_blueprint_fills_the_editor(qtbot: Any, home: HermesHome, store: JobStore) -> None:
    template = {"name": "Morning briefing", "prompt": "Produce a concise morning briefing.", "schedule": "0 8 * * *",
                "deliver": "origin", "skills": []}
    editor = open_editor(qtbot, home, store, template=template)
    assert editor.name.text() == "Morning briefing" and editor.schedule_input.text() == "0 8 * * *"
    assert editor.schedule is not None and editor.deliver_value() == "origin"
    job = save(qtbot, editor)
    rec = on_disk(home, job["id"])
    assert rec["schedule"]["expr"] == "0 8 * * *" and rec["deliver"] == "origin" and rec["state"] == "scheduled"
