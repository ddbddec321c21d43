"""Finding Hermes as a user expects: the Settings path, else PATH, else where its installers put it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hermes_desktop.core import hermes
from hermes_desktop.core.hermes import (
    FoundBy,
    HermesProblem,
    RunnerKind,
    common_places,
    find_hermes,
    hermes_python,
    hermes_version,
    runner_for,
)
from hermes_desktop.core.settings import Settings
from tests.fake_hermes import make_fake_hermes


@pytest.fixture(autouse=True)
def _fresh_versions() -> None:
    hermes.forget_versions()


@pytest.fixture
def user_home(tmp_path: Path) -> Path:
    return tmp_path / "user"


def test_settings_path_wins_over_path_and_path_over_the_usual_places(tmp_path: Path, user_home: Path) -> None:
    chosen = make_fake_hermes(tmp_path / "chosen", "0.19.0")
    on_path = make_fake_hermes(tmp_path / "on-path", "0.18.2")
    installed = make_fake_hermes(user_home / ".hermes" / "hermes-agent" / "venv", "0.17.0")
    env = {"PATH": os.pathsep.join([str(tmp_path / "empty"), str(on_path.parent)])}

    found = find_hermes(str(chosen), environ=env, user_home=user_home)
    assert found.install is not None and found.problem is None
    assert (found.install.program, found.install.found_by, found.install.version) == (chosen, FoundBy.SETTINGS,
                                                                                      "0.19.0")
    found = find_hermes("", environ=env, user_home=user_home)
    assert found.install is not None
    assert (found.install.program, found.install.found_by, found.install.version) == (on_path, FoundBy.PATH, "0.18.2")
    found = find_hermes("", environ={"PATH": str(tmp_path / "empty")}, user_home=user_home)
    assert found.install is not None
    assert (found.install.program, found.install.found_by, found.install.version) == (installed, FoundBy.PLACE,
                                                                                      "0.17.0")
    assert found.install.python == installed.parent / "python"
    installed.unlink()
    assert find_hermes("", environ={"PATH": ""}, user_home=user_home) == hermes.HermesLookup(None)


def test_the_installers_link_in_local_bin_is_found_and_its_environments_python_used(
        tmp_path: Path, user_home: Path) -> None:
    program = make_fake_hermes(user_home / ".hermes" / "hermes-agent" / "venv")
    link = user_home / ".local" / "bin" / "hermes"
    link.parent.mkdir(parents=True)
    link.symlink_to(program)
    found = find_hermes("", environ={"PATH": ""}, user_home=user_home)
    assert found.install is not None
    assert (found.install.program, found.install.python) == (link, program.parent / "python")  # the link is shown


def test_a_settings_path_that_does_not_exist_is_said_and_no_other_hermes_is_used(
        tmp_path: Path, user_home: Path) -> None:
    on_path = make_fake_hermes(tmp_path / "on-path")
    missing = str(tmp_path / "gone" / "hermes")
    found = find_hermes(missing, environ={"PATH": str(on_path.parent)}, user_home=user_home)
    assert (found.install, found.problem) == (None, HermesProblem.NOT_FOUND)
    assert found.message == (f"Hermes was not found at {missing} (Settings → Hermes program): fix the path or "
                             "clear it.")
    runner = runner_for({"prompt": "p"}, Settings(hermes_path=missing))
    assert runner.kind == RunnerKind.HERMES and runner.problem == found.message


def test_a_folder_or_a_program_without_a_python_environment_is_not_hermes(tmp_path: Path) -> None:
    assert find_hermes(str(tmp_path)).problem == HermesProblem.FOLDER
    wrapper = tmp_path / "bin" / "hermes"
    wrapper.parent.mkdir()
    wrapper.write_text("#!/bin/bash\nexec /opt/elsewhere/hermes \"$@\"\n")
    found = find_hermes(str(wrapper))
    assert (found.install, found.problem) == (None, HermesProblem.NOT_HERMES)
    assert "is not hermes-agent's hermes program" in found.message


def test_a_hermes_on_path_that_is_not_hermes_agents_is_passed_over(tmp_path: Path, user_home: Path) -> None:
    stranger = tmp_path / "other" / "hermes"
    stranger.parent.mkdir()
    stranger.write_text("#!/bin/sh\necho another hermes\n")
    stranger.chmod(0o755)
    installed = make_fake_hermes(user_home / ".local" / "pipx" / "venvs" / "hermes-agent")
    found = find_hermes("", environ={"PATH": str(stranger.parent)}, user_home=user_home)
    assert found.install is not None and found.install.program == installed


def test_the_machine_is_not_searched_in_tests_unless_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests/conftest.py: a developer's own Hermes (here one on PATH and one in ~/.local/bin) never runs test jobs
    on_path = make_fake_hermes(tmp_path / "on-path")
    make_fake_hermes(Path.home() / ".local" / "share" / "uv" / "tools" / "hermes-agent")
    monkeypatch.setenv("PATH", os.pathsep.join([str(on_path.parent), os.environ.get("PATH", "")]))
    assert find_hermes("") == hermes.HermesLookup(None)
    assert find_hermes("", environ=os.environ).install is not None  # asked for: searched


def test_python_is_read_from_the_programs_first_line_or_found_beside_it(tmp_path: Path) -> None:
    venv = tmp_path / "v"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python3.11"
    python.write_text("")
    program = venv / "bin" / "hermes"
    program.write_text(f"#!{python}\n# -*- coding: utf-8 -*-\n")
    assert hermes_python(program) == python
    # pip's form for an interpreter path too long for a #! line
    program.write_text(f"#!/bin/sh\n'''exec' {python} \"$0\" \"$@\"\n' '''\n")
    assert hermes_python(program) == python
    # no #! line (a Windows launcher, say): the python beside it
    program.write_bytes(b"MZ\x90\x00")
    assert hermes_python(program) is None
    (venv / "bin" / "python3").write_text("")
    assert hermes_python(program) == venv / "bin" / "python3"
    assert hermes_python(program, system="win32") is None
    (venv / "bin" / "python.exe").write_text("")
    assert hermes_python(program, system="win32") == venv / "bin" / "python.exe"


def test_version_comes_from_the_environments_metadata_and_is_remembered_until_the_program_changes(
        tmp_path: Path) -> None:
    program = make_fake_hermes(tmp_path / "venv", "0.19.0")
    python = program.parent / "python"
    calls = tmp_path / "python-calls"
    python.write_text(f"#!/bin/sh\necho called >> {calls}\necho 9.9.9\n")  # only a query would run it
    assert hermes_version(program, python) == "0.19.0"
    metadata = next((tmp_path / "venv").glob("lib/*/site-packages/hermes_agent-*.dist-info/METADATA"))
    metadata.write_text("Metadata-Version: 2.1\nName: hermes-agent\nVersion: 0.20.0\n")
    assert hermes_version(program, python) == "0.19.0"  # remembered: the program did not change
    stat = program.stat()
    os.utime(program, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # an upgrade rewrites it
    assert hermes_version(program, python) == "0.20.0"
    assert not calls.exists()  # no process was started for either
    metadata.parent.rename(metadata.parent.with_name("elsewhere"))
    os.utime(program, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    assert hermes_version(program, python) == "9.9.9"  # no metadata: Hermes' Python is asked once
    assert hermes_version(program, python) == "9.9.9"
    assert calls.read_text().count("called") == 1


def test_common_places_cover_the_installers(tmp_path: Path) -> None:
    home = tmp_path / "u"
    posix = [str(p) for p in common_places(home, {}, "linux")]
    assert posix[:2] == [f"{home}/.local/bin/hermes", f"{home}/.hermes/hermes-agent/venv/bin/hermes"]
    assert "/usr/local/bin/hermes" in posix and f"{home}/.local/pipx/venvs/hermes-agent/bin/hermes" in posix
    assert "/opt/homebrew/bin/hermes" in [str(p) for p in common_places(home, {}, "darwin")]
    windows = common_places(home, {"LOCALAPPDATA": "C:/Users/u/AppData/Local"}, "win32")
    assert windows[0] == Path("C:/Users/u/AppData/Local/hermes/hermes-agent/venv/Scripts/hermes.exe")


def test_runner_for_says_which_runner_a_job_uses(tmp_path: Path) -> None:
    program = make_fake_hermes(tmp_path / "venv", "0.19.0")
    script_job = {"no_agent": True, "script": "check.sh", "prompt": ""}
    prompt_job = {"prompt": "Summarize my inbox"}
    assert runner_for(script_job, Settings(hermes_path=str(program))).kind == RunnerKind.SCRIPT
    with_hermes = runner_for(prompt_job, Settings(hermes_path=str(program)))
    assert with_hermes.kind == RunnerKind.HERMES and with_hermes.problem is None
    assert with_hermes.description == f"Hermes 0.19.0 ({program})"
    without = runner_for(prompt_job, Settings())
    assert without.kind == RunnerKind.BUILTIN and "built-in" in without.description
