"""The real Hermes (hermes-agent 0.19.0) reads every field the editor sets, and the editor shows every field
Hermes sets."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.ui.job_editor import JobEditor
from tests.hermes_agent import hermes_env, hermes_python, needs_hermes, run_hermes_python
from tests.ui.test_editor_fields import check, open_editor, save

pytestmark = needs_hermes


def test_a_job_made_in_the_editor_with_every_field_is_read_by_hermes(qtbot: Any, home: HermesHome,
                                                                     store: JobStore, tmp_path: Path) -> None:
    source = store.create("every 1h", "Collect the numbers", name="Collector")
    (home.scripts_dir / "numbers.py").write_text("print(42)\n")
    folder = tmp_path / "project"
    folder.mkdir()
    editor = open_editor(qtbot, home, store)
    editor.name.setText("Digest")
    editor.kind_both.setChecked(True)
    editor.script.setCurrentText("numbers.py")
    editor.prompt.setPlainText("Summarize the numbers")
    editor.schedule_input.setText("every 2h")
    check(editor.deliver_list, "telegram", "discord")
    editor.deliver_other.setText("slack:C0123")
    editor.workdir.setText(str(folder))
    editor.repeat.setValue(4)
    editor.skills.setText("arxiv, notes")
    editor.toolsets.setText("web, terminal")
    editor.model_override.setText("gpt-x")
    editor.provider.setText("custom")
    editor.base_url_override.setText("http://127.0.0.1:8000/v1")
    qtbot.waitUntil(lambda: editor.context_list.count() == 1)
    editor.context_list.set_checked(source["id"])
    job = save(qtbot, editor)

    code = ("import json\nfrom cron.jobs import load_jobs\n"
            f"print(json.dumps([j for j in load_jobs() if j['id'] == {job['id']!r}]))")
    (theirs,) = json.loads(run_hermes_python(home.root, code).strip().splitlines()[-1])
    assert theirs["name"] == "Digest" and theirs["prompt"] == "Summarize the numbers"
    assert theirs["script"] == "numbers.py" and theirs["no_agent"] is False
    assert theirs["deliver"] == "telegram,discord,slack:C0123"
    assert theirs["skills"] == ["arxiv", "notes"] and theirs["skill"] == "arxiv"
    assert theirs["enabled_toolsets"] == ["web", "terminal"] and theirs["workdir"] == str(folder.resolve())
    assert theirs["context_from"] == [source["id"]] and theirs["repeat"] == {"times": 4, "completed": 0}
    assert (theirs["model"], theirs["provider"], theirs["base_url"]) == ("gpt-x", "custom",
                                                                         "http://127.0.0.1:8000/v1")
    python = hermes_python()
    assert python is not None
    listed = subprocess.run([str(python.parent / "hermes"), "cron", "list", "--all"], env=hermes_env(home.root),
                            capture_output=True, text=True, timeout=120, cwd=str(home.root), check=True).stdout
    block = listed[listed.index(job["id"]):]
    for line in ("Name:      Digest", "Repeat:    0/4", "Deliver:   telegram,discord,slack:C0123",
                 "Skills:    arxiv, notes", "Script:    numbers.py", f"Workdir:   {folder.resolve()}"):
        assert line in block, (line, block)


def test_a_job_hermes_makes_with_every_field_shows_in_the_editor(qtbot: Any, home: HermesHome, store: JobStore,
                                                                 tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    source = store.create("every 1h", "Collect", name="Collector")
    code = ("import json\nfrom cron.jobs import create_job\n"
            "print(json.dumps(create_job(prompt='Summarize', schedule='every 2h', name='Digest', repeat=4, "
            "deliver='telegram,slack:C0123', skills=['arxiv', 'notes'], model='gpt-x', provider='custom', "
            f"base_url='http://127.0.0.1:8000/v1', script='numbers.py', context_from={source['id']!r}, "
            f"enabled_toolsets=['web', 'terminal'], workdir={str(folder)!r})))")
    theirs = json.loads(run_hermes_python(home.root, code).strip().splitlines()[-1])
    job = store.get(theirs["id"])
    editor: JobEditor = open_editor(qtbot, home, store, job)
    qtbot.waitUntil(lambda: editor.context_list.count() == 1)
    assert editor.name.text() == "Digest" and editor.prompt.toPlainText() == "Summarize"
    assert editor.kind_both.isChecked() and editor.script.currentText() == "numbers.py"
    assert editor.deliver_value() == "telegram,slack:C0123"
    checked = [editor.deliver_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(editor.deliver_list.count())
               if editor.deliver_list.item(i).checkState() == Qt.CheckState.Checked]
    assert checked == ["telegram"] and editor.deliver_other.text() == "slack:C0123"
    assert editor.skills.text() == "arxiv, notes" and editor.toolsets.text() == "web, terminal"
    assert (editor.model_override.text(), editor.provider.text(), editor.base_url_override.text()) == (
        "gpt-x", "custom", "http://127.0.0.1:8000/v1")
    assert editor.workdir.text() == str(folder.resolve()) and editor.repeat.value() == 4
    assert editor.context_value() == [source["id"]]
    assert editor.changes() == {}  # opening and saving it as it is changes nothing
