"""``hermes-desktop sessions rename|delete|export``: the session actions for scripts, no screen needed."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from hermes_desktop.cli import main
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.sessions import SessionStore
from tests.core.test_sessions import add_session


@pytest.fixture
def db(home: HermesHome) -> SessionStore:
    store = SessionStore(home.state_db)
    add_session(store, "20261125_090000_aa11", "cli", 1764061200.0, "Plan my trip", title="Trip")
    add_session(store, "20261125_100000_bb22", "telegram", 1764064800.0, "Taxes?")
    yield store  # type: ignore[misc]
    store.close()


def cli(capsys: pytest.CaptureFixture[str], home: HermesHome, *args: str) -> tuple[int, str, str]:
    code = main(["--home", str(home.root), "sessions", *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def test_rename_sets_a_clean_title_and_an_empty_one_clears_it(capsys: pytest.CaptureFixture[str], home: HermesHome,
                                                               db: SessionStore) -> None:
    code, out, _ = cli(capsys, home, "rename", "20261125_100000_bb22", "Tax", "  return\n2026")
    assert code == 0 and "Tax return 2026" in out
    assert db.session("20261125_100000_bb22")["title"] == "Tax return 2026"  # type: ignore[index]
    code, out, _ = cli(capsys, home, "rename", "20261125_1", "")  # the start of an id is enough
    assert code == 0 and db.session("20261125_100000_bb22")["title"] is None  # type: ignore[index]


@pytest.mark.parametrize(("args", "says"), [
    (("rename", "20261125_100000_bb22", "Trip"), "already has the title 'Trip'"),
    (("rename", "20261125_100000_bb22", "x" * 101), "too long (101 characters; at most 100)"),
    (("rename", "nope", "x"), "no session 'nope'"),
    (("rename", "20261125", "x"), "starts several sessions' ids"),
    (("delete", "nope", "--yes"), "no session 'nope'"),
    (("export", "nope"), "no session 'nope'"),
])
def test_bad_input_exits_2_with_one_line_and_changes_nothing(capsys: pytest.CaptureFixture[str], home: HermesHome,
                                                             db: SessionStore, args: tuple[str, ...],
                                                             says: str) -> None:
    code, out, err = cli(capsys, home, *args)
    assert code == 2 and says in one_error_line(err) and out == ""
    assert [db.session(s)["title"] for s in ("20261125_090000_aa11", "20261125_100000_bb22")] == ["Trip", None]  # type: ignore[index]


def test_a_missing_command_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], home: HermesHome) -> None:
    with pytest.raises(SystemExit) as exited:
        cli(capsys, home)
    assert exited.value.code == 2
    assert "required: COMMAND" in one_error_line(capsys.readouterr().err)


def test_delete_with_yes_removes_the_session_and_its_messages(capsys: pytest.CaptureFixture[str], home: HermesHome,
                                                               db: SessionStore) -> None:
    code, out, _ = cli(capsys, home, "delete", "20261125_090000_aa11", "--yes")
    assert code == 0 and out.startswith("Deleted 20261125_090000_aa11") and "3 messages" in out
    assert db.session("20261125_090000_aa11") is None and db.messages("20261125_090000_aa11") == []
    assert db.session("20261125_100000_bb22") is not None


def test_delete_asks_at_a_terminal_and_refuses_unasked_in_a_script(capsys: pytest.CaptureFixture[str],
                                                                   home: HermesHome, db: SessionStore,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = cli(capsys, home, "delete", "20261125_090000_aa11")
    assert code == 2 and "--yes" in one_error_line(err)
    assert db.session("20261125_090000_aa11") is not None

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    answers = iter(["", "y"])
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(answers))
    code, out, _ = cli(capsys, home, "delete", "20261125_090000_aa11")
    assert code == 1 and "Not deleted" in out and db.session("20261125_090000_aa11") is not None
    assert asked == ["Delete “Trip” and its 3 messages for good? [y/N] "]
    code, out, _ = cli(capsys, home, "delete", "20261125_090000_aa11")
    assert code == 0 and db.session("20261125_090000_aa11") is None


def test_a_cron_run_in_flight_is_not_deleted(capsys: pytest.CaptureFixture[str], home: HermesHome,
                                            db: SessionStore) -> None:
    sid = db.create_cron_session("abc123abc123", time.time() - 60, "20261125_090000")  # started a minute ago
    code, _, err = cli(capsys, home, "delete", sid, "--yes")
    assert code == 1 and "still running" in one_error_line(err) and db.session(sid) is not None


def test_export_prints_markdown_or_writes_a_file(capsys: pytest.CaptureFixture[str], home: HermesHome,
                                                 db: SessionStore, tmp_path: Path) -> None:
    code, out, _ = cli(capsys, home, "export", "20261125_09")
    assert code == 0 and out.startswith("# Trip\n") and "\n## User\n\nPlan my trip\n" in out
    assert "\n## Assistant\n\nSure.\n" in out and "- Started: 2025-11-2" in out

    target = tmp_path / "trip.md"
    code, out, _ = cli(capsys, home, "export", "20261125_090000_aa11", "-o", str(target))
    assert code == 0 and str(target) in out
    assert target.read_text(encoding="utf-8").startswith("# Trip\n")

    code, out, _ = cli(capsys, home, "export", "20261125_100000_bb22", "-o", str(tmp_path))  # a folder
    assert code == 0 and (tmp_path / "Taxes-.md").read_text(encoding="utf-8").startswith("# Taxes?\n")


def test_an_export_that_cannot_be_written_exits_1_with_one_line(capsys: pytest.CaptureFixture[str],
                                                                home: HermesHome, db: SessionStore,
                                                                tmp_path: Path) -> None:
    code, out, err = cli(capsys, home, "export", "20261125_090000_aa11", "-o", str(tmp_path / "no" / "x.md"))
    assert code == 2 and "the folder" in one_error_line(err) and "does not exist" in err and out == ""


def test_an_export_never_replaces_what_it_should_not(capsys: pytest.CaptureFixture[str], home: HermesHome,
                                                   db: SessionStore, tmp_path: Path) -> None:
    """An existing file only with --force; never a device or pipe (renaming over /dev/null replaced it) and
    never the home's own files, --force or not."""
    sid = "20261125_090000_aa11"
    kept = tmp_path / "notes.md"
    kept.write_text("mine")
    code, _, err = cli(capsys, home, "export", sid, "-o", str(kept))
    assert code == 2 and "--force" in one_error_line(err) and kept.read_text() == "mine"
    code, _, _ = cli(capsys, home, "export", sid, "-o", str(kept), "--force")
    assert code == 0 and kept.read_text().startswith("# ")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    code, _, err = cli(capsys, home, "export", sid, "-o", str(pipe), "--force")
    assert code == 2 and "not a regular file" in one_error_line(err) and stat.S_ISFIFO(pipe.stat().st_mode)
    before = home.state_db.read_bytes()
    code, _, err = cli(capsys, home, "export", sid, "-o", str(home.state_db), "--force")
    assert code == 2 and "Hermes home" in one_error_line(err) and home.state_db.read_bytes() == before
    link = tmp_path / "link.md"
    link.symlink_to(kept)
    code, _, _ = cli(capsys, home, "export", sid, "-o", str(link), "--force")
    assert code == 0 and link.is_symlink()  # written through the link, which stays
