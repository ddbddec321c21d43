"""Renaming, deleting and exporting a session, by the rules Hermes users know from ``hermes sessions``."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.session_export import (
    ExportWords,
    export_filename,
    session_markdown,
    write_session_markdown,
)
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.titles import (
    MAX_TITLE_LENGTH,
    AmbiguousSession,
    SessionNotFound,
    TitleTaken,
    TitleTooLong,
    clean_title,
)
from tests.core.test_sessions import HERMES_SCHEMA, add_session


@pytest.fixture
def db(home: HermesHome) -> SessionStore:
    store = SessionStore(home.state_db)
    yield store  # type: ignore[misc]
    store.close()


def count(db: SessionStore, sql: str, *args: object) -> int:
    return int(db._conn().execute(sql, args).fetchone()[0])


# ----------------------------------------------------------------- the title rule


@pytest.mark.parametrize(("typed", "stored"), [
    ("  Trip  plans \n for\tMay ", "Trip plans for May"),  # whitespace runs become one space, ends trimmed
    ("a\x00b\x07c\x7f", "abc"),  # control characters go
    ("zero\u200bwidth\u202eflip\ufeff", "zerowidthflip"),  # invisible and direction-flipping characters go
    ("旅行の計画", "旅行の計画"),
    ("   ", None),  # nothing left: the title is cleared
    ("", None),
    ("x" * MAX_TITLE_LENGTH, "x" * MAX_TITLE_LENGTH),
])
def test_a_title_is_cleaned_as_hermes_cleans_it(typed: str, stored: str | None) -> None:
    assert clean_title(typed) == stored


def test_a_title_over_100_characters_is_refused_and_says_how_long() -> None:
    with pytest.raises(TitleTooLong) as caught:
        clean_title("x" * 101)
    assert (caught.value.length, caught.value.limit) == (101, 100)
    assert "101" in str(caught.value) and "100" in str(caught.value)
    assert clean_title(" " + "x" * 100 + "  \n") == "x" * 100  # counted after cleaning


def test_rename_sets_the_clean_title_and_returns_it(db: SessionStore) -> None:
    add_session(db, "s1", "cli", 100.0, "hello")
    assert db.rename_session("s1", "  My   chat ") == "My chat"
    assert db.session("s1")["title"] == "My chat"  # type: ignore[index]
    assert db.rename_session("s1", "My chat") == "My chat"  # its own title again: fine
    assert db.rename_session("s1", "  ") is None  # an empty title clears it
    assert db.session("s1")["title"] is None  # type: ignore[index]


def test_a_title_another_session_holds_is_refused_and_nothing_changes(db: SessionStore) -> None:
    add_session(db, "s1", "cli", 100.0, "a", title="Taxes")
    add_session(db, "s2", "cli", 200.0, "b", title="Other")
    with pytest.raises(TitleTaken) as caught:
        db.rename_session("s2", " Taxes ")
    assert (caught.value.title, caught.value.holder) == ("Taxes", "s1")
    assert db.session("s2")["title"] == "Other"  # type: ignore[index]
    assert db.session("s1")["title"] == "Taxes"  # type: ignore[index]


def test_a_compressed_ancestors_title_moves_to_its_continuation(db: SessionStore) -> None:
    """Hermes hides a compressed session behind its continuation; its title moves instead of blocking."""
    db._conn().execute("INSERT INTO sessions (id, source, started_at, ended_at, end_reason, title) "
                       "VALUES ('old', 'cli', 1, 2, 'compression', 'Novel')")
    db._conn().execute("INSERT INTO sessions (id, source, started_at, parent_session_id) "
                       "VALUES ('tip', 'cli', 3, 'old')")
    assert db.rename_session("tip", "Novel") == "Novel"
    assert (db.session("old")["title"], db.session("tip")["title"]) == (None, "Novel")  # type: ignore[index]


def test_renaming_or_deleting_a_session_that_is_gone_says_so(db: SessionStore) -> None:
    with pytest.raises(SessionNotFound):
        db.rename_session("nope", "x")
    with pytest.raises(SessionNotFound):
        db.delete_session("nope")


def test_a_session_is_found_by_its_id_or_a_unique_start_of_it(db: SessionStore) -> None:
    add_session(db, "20261125_090000_aa11", "cli", 1.0, "a")
    add_session(db, "20261125_090000_ab22", "cli", 2.0, "b")
    assert db.resolve_session_id("20261125_090000_aa11") == "20261125_090000_aa11"
    assert db.resolve_session_id("20261125_090000_ab") == "20261125_090000_ab22"
    with pytest.raises(AmbiguousSession):
        db.resolve_session_id("20261125_090000_a")
    with pytest.raises(SessionNotFound):
        db.resolve_session_id("2027")


def test_cron_run_titles_are_cleaned_and_fit_hermes_limit(db: SessionStore) -> None:
    db.create_cron_session("abc", 1.0, "20261125_090000")
    db.create_cron_session("abc", 2.0, "20261125_100000")
    long_name = "Morning\nbrief " + "y" * 120
    first = db.set_unique_title("cron_abc_20261125_090000", long_name)
    second = db.set_unique_title("cron_abc_20261125_100000", long_name)
    assert "\n" not in first and len(first) == MAX_TITLE_LENGTH and first.startswith("Morning brief y")
    assert second.endswith(" #2") and len(second) == MAX_TITLE_LENGTH and second != first


# ----------------------------------------------------------------- deleting


def test_delete_removes_the_session_and_its_messages_only(db: SessionStore) -> None:
    add_session(db, "s1", "cli", 100.0, "bye")
    add_session(db, "s2", "cli", 200.0, "stay")
    gone = db.delete_session("s1")
    assert (gone.id, gone.message_count) == ("s1", 3)
    assert db.session("s1") is None and count(db, "SELECT COUNT(*) FROM messages WHERE session_id = 's1'") == 0
    assert db.session("s2") is not None and count(db, "SELECT COUNT(*) FROM messages WHERE session_id = 's2'") == 3


def hermes_db(home: HermesHome) -> SessionStore:
    conn = sqlite3.connect(home.state_db)
    conn.executescript(HERMES_SCHEMA + """
        CREATE TABLE session_model_usage (session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            model TEXT NOT NULL, PRIMARY KEY (session_id, model));""")
    conn.close()
    return SessionStore(home.state_db)


def test_delete_takes_subagent_runs_along_and_keeps_branches(home: HermesHome) -> None:
    db = hermes_db(home)
    conn = db._conn()
    add_session(db, "parent", "cli", 1.0, "plan a trip")
    for sid, parent, config in (("sub", "parent", '{"_delegate_from": "parent"}'),
                                ("subsub", "sub", '{"_delegate_from": "sub"}'),
                                ("branch", "parent", '{"_branched_from": "parent"}')):
        conn.execute("INSERT INTO sessions (id, source, started_at, parent_session_id, model_config) "
                     "VALUES (?, 'cli', 2, ?, ?)", (sid, parent, config))
        db.append_message(sid, "assistant", f"work of {sid}", 3.0)
    conn.execute("INSERT INTO session_model_usage VALUES ('parent', 'm'), ('sub', 'm'), ('branch', 'm')")
    gone = db.delete_session("parent")
    assert sorted(gone.children) == ["sub", "subsub"]
    assert [r[0] for r in conn.execute("SELECT id FROM sessions")] == ["branch"]
    assert conn.execute("SELECT parent_session_id FROM sessions WHERE id = 'branch'").fetchone()[0] is None
    assert [r[0] for r in conn.execute("SELECT DISTINCT session_id FROM messages")] == ["branch"]
    assert [r[0] for r in conn.execute("SELECT session_id FROM session_model_usage")] == ["branch"]
    db.close()


def test_delete_removes_the_transcript_files_hermes_keeps_beside_the_database(db: SessionStore,
                                                                              home: HermesHome) -> None:
    add_session(db, "s1", "cli", 1.0, "x")
    folder = home.root / "sessions"
    folder.mkdir()
    doomed = [folder / "s1.json", folder / "s1.jsonl", folder / "request_dump_s1_001.json"]
    kept = [folder / "s10.json", folder / "request_dump_s10_001.json"]
    for path in doomed + kept:
        path.write_text("{}")
    db.delete_session("s1", sessions_dir=folder)
    assert [p.exists() for p in doomed] == [False] * 3 and all(p.exists() for p in kept)


def test_a_cron_run_still_going_is_not_deleted(db: SessionStore) -> None:
    sid = db.create_cron_session("abc", time.time() - 60, "20261125_090000")
    with pytest.raises(ValueError, match="still running"):
        db.delete_session(sid)
    db.end_session(sid, "cron_complete", time.time())
    assert db.delete_session(sid).id == sid


def test_a_cron_run_left_open_by_a_dead_process_can_be_deleted(db: SessionStore) -> None:
    """Never ended, started two days ago: no run lasts that long (the job timeout stops it), so its process
    died - it is not 'still running' forever."""
    sid = db.create_cron_session("abc", time.time() - 2 * 86400, "20261124_090000")
    assert db.delete_session(sid).id == sid


# ----------------------------------------------------------------- Markdown


def test_markdown_has_the_title_the_date_and_every_message_under_its_role(db: SessionStore) -> None:
    add_session(db, "s1", "telegram", 100.0, "Plan **my** trip", title="Trip")
    db.append_message("s1", "tool", "```json\n{}\n```", 104.0)
    info, messages = db.session("s1"), db.messages("s1")
    text = session_markdown(info, messages, "Nov 25, 2026 09:00 UTC")  # type: ignore[arg-type]
    assert text.startswith("# Trip\n")
    assert "Nov 25, 2026 09:00 UTC" in text and "telegram" in text and "`s1`" in text
    sections = text.split("\n## ")[1:]
    assert [s.split("\n", 1)[0] for s in sections] == ["System", "User", "Assistant", "Tool"]
    assert sections[1].split("\n", 1)[1].strip() == "Plan **my** trip"  # Markdown kept as written
    assert "````\n```json\n{}\n```\n````" in sections[3]  # a tool's output fenced, longer fence than inside


def test_markdown_words_can_be_the_users_language(db: SessionStore) -> None:
    add_session(db, "s1", "cli", 100.0, "こんにちは")
    words = ExportWords(roles={"user": "あなた", "assistant": "Hermes", "system": "システム"}, started="開始",
                        source="ソース", session="セッション", untitled="無題", no_messages="メッセージなし")
    text = session_markdown(db.session("s1"), db.messages("s1"), "2026/11/25 9:00", words)  # type: ignore[arg-type]
    assert text.startswith("# こんにちは\n")  # no title: the first thing the user said, as the list shows
    assert "\n## あなた\n" in text and "開始" in text
    empty = session_markdown({"id": "e", "source": "cli", "title": None, "started_at": 1.0}, [], "d", words)
    assert empty.startswith("# 無題\n") and "メッセージなし" in empty


@pytest.mark.parametrize(("title", "name"), [
    ("Trip plans: May/June?", "Trip plans- May-June-.md"),
    ("  旅行の計画  ", "旅行の計画.md"),
    ("..hidden", "hidden.md"),
    (None, "session.md"),
    ("\x00\x01", "session.md"),
    ("CON", "CON-session.md"),  # a name Windows keeps for itself
    ("x" * 300, "x" * 80 + ".md"),
])
def test_the_file_name_comes_from_the_title_made_safe(title: str | None, name: str) -> None:
    assert export_filename(title) == name


def test_writing_replaces_the_file_whole_or_leaves_it_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")

    def failing() -> object:
        yield "# new\n"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_session_markdown(target, failing())  # type: ignore[arg-type]
    assert target.read_text() == "old" and list(tmp_path.iterdir()) == [target]
    write_session_markdown(target, iter(["# new\n", "text\n"]))
    assert target.read_text(encoding="utf-8") == "# new\ntext\n"
