from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from hermes_desktop.core.sessions import END_ERROR, END_OK, SessionStore

# The first columns of Hermes' own tables (hermes-agent 0.19), for an "existing Hermes database".
HERMES_SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (22);
CREATE TABLE sessions (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, user_id TEXT, model TEXT, model_config TEXT,
    system_prompt TEXT, parent_session_id TEXT, started_at REAL NOT NULL, ended_at REAL, end_reason TEXT,
    message_count INTEGER DEFAULT 0, tool_call_count INTEGER DEFAULT 0, title TEXT,
    archived INTEGER NOT NULL DEFAULT 0, FOREIGN KEY (parent_session_id) REFERENCES sessions(id));
CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL REFERENCES sessions(id), role TEXT NOT NULL,
    content TEXT, tool_call_id TEXT, timestamp REAL NOT NULL, active INTEGER NOT NULL DEFAULT 1);
CREATE INDEX idx_sessions_source ON sessions(source);
CREATE INDEX idx_sessions_source_id ON sessions(source, id);
CREATE INDEX idx_sessions_started ON sessions(started_at DESC);
CREATE INDEX idx_messages_session ON messages(session_id, timestamp);
CREATE UNIQUE INDEX idx_sessions_title_unique ON sessions(title) WHERE title IS NOT NULL;
"""


def add_session(db: SessionStore, sid: str, source: str, started: float, first_user: str | None = None,
                title: str | None = None) -> None:
    conn = db._conn()
    conn.execute("INSERT INTO sessions (id, source, started_at, title) VALUES (?, ?, ?, ?)",
                 (sid, source, started, title))
    if first_user is not None:
        db.append_message(sid, "system", "You are Hermes.", started)
        db.append_message(sid, "user", first_user, started + 1)
        db.append_message(sid, "assistant", "Sure.", started + 2)


@pytest.fixture
def db(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "state.db")


def test_new_file_gets_the_subset_schema(db: SessionStore, tmp_path: Path) -> None:
    db.session_count()
    conn = sqlite3.connect(tmp_path / "state.db")
    cols = [r[1] for r in conn.execute("PRAGMA table_info(sessions)")]
    assert cols[:9] == ["id", "source", "model", "parent_session_id", "started_at", "ended_at", "end_reason",
                        "message_count", "title"]
    assert [r[1] for r in conn.execute("PRAGMA table_info(messages)")] == [
        "id", "session_id", "role", "content", "timestamp"]
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_sessions_source_id", "idx_sessions_title_unique", "idx_messages_session"} <= indexes
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # No schema_version row: Hermes treats the file as new and adds its own columns on first open.
    assert "schema_version" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_existing_hermes_database_is_only_given_indexes(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    conn = sqlite3.connect(path)
    conn.executescript(HERMES_SCHEMA)
    conn.execute("INSERT INTO sessions (id, source, started_at, title) VALUES ('s1', 'cli', 1.0, 'Hello')")
    conn.commit()
    before = {r[1]: r[4] for r in conn.execute("SELECT * FROM sqlite_master WHERE type = 'table'")}
    conn.close()

    store = SessionStore(path)
    assert [s.id for s in store.recent_sessions()] == ["s1"]

    conn = sqlite3.connect(path)
    after = {r[1]: r[4] for r in conn.execute("SELECT * FROM sqlite_master WHERE type = 'table'")}
    assert after == before  # no table created, altered or dropped
    assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == 22


def test_recents_exclude_cron_and_page_by_keyset(db: SessionStore) -> None:
    for i in range(7):
        add_session(db, f"chat{i}", "cli" if i % 2 else "telegram", 100.0 + i, f"question number {i}")
    for i in range(20):  # cron runs are always the newest rows
        add_session(db, f"cron_job1_2026112{i:02d}", "cron", 1000.0 + i, "[IMPORTANT: cron hint]")
    first = db.recent_sessions(limit=3)
    assert [s.id for s in first] == ["chat6", "chat5", "chat4"]
    second = db.recent_sessions(limit=3, before=first[-1].cursor)
    assert [s.id for s in second] == ["chat3", "chat2", "chat1"]
    rest = db.recent_sessions(limit=3, before=second[-1].cursor)
    assert [s.id for s in rest] == ["chat0"]
    top = first[0]
    assert (top.source, top.preview, top.message_count, top.last_active) == ("telegram", "question number 6", 3, 108.0)
    assert db.session_count() == 7
    assert db.session_count(exclude_sources=()) == 27
    assert db.session_count(exclude_sources=("cron", "telegram")) == 3


def test_recent_preview_is_one_clipped_line(db: SessionStore) -> None:
    add_session(db, "long", "cli", 1.0, "line one\nline two " + "word " * 40)
    preview = db.recent_sessions()[0].preview
    assert "\n" not in preview and len(preview) == 60 and preview.endswith("…")


def test_cron_runs_are_per_job_newest_first_and_paged(db: SessionStore) -> None:
    for i in range(12):
        db.create_cron_session("abc", 1000.0 + i, f"20261124_1000{i:02d}")
    db.create_cron_session("xabc", 5000.0, "20261124_100000")  # a substring collision
    db.create_cron_session("abcd", 5000.0, "20261124_100000")  # a prefix collision
    db.create_cron_session("ab", 5000.0, "20261124_100000")
    page = db.cron_runs("abc", limit=5)
    assert [r.id for r in page] == [f"cron_abc_20261124_1000{i:02d}" for i in (11, 10, 9, 8, 7)]
    page2 = db.cron_runs("abc", limit=5, before=page[-1].id)
    assert [r.id[-2:] for r in page2] == ["06", "05", "04", "03", "02"]
    page3 = db.cron_runs("abc", limit=5, before=page2[-1].id)
    assert [r.id[-2:] for r in page3] == ["01", "00"]
    assert [r.id for r in db.cron_runs("ab")] == ["cron_ab_20261124_100000"]


def test_cron_runs_query_walks_the_index_without_sorting(db: SessionStore) -> None:
    db.create_cron_session("abc", 1.0, "20261124_100000")
    plan = " ".join(
        str(tuple(r)) for r in db._conn().execute(
            "EXPLAIN QUERY PLAN SELECT id FROM sessions INDEXED BY idx_sessions_source_id "
            "WHERE source = 'cron' AND id >= 'cron_abc_' AND id < 'cron_abc`' ORDER BY id DESC LIMIT 50")
    )
    assert "idx_sessions_source_id" in plan and "TEMP B-TREE" not in plan
    recent = " ".join(str(tuple(r)) for r in db._conn().execute(
        "EXPLAIN QUERY PLAN SELECT id FROM sessions INDEXED BY idx_desktop_recent_non_cron "
        "WHERE source != 'cron' ORDER BY started_at DESC, id DESC LIMIT 50"))
    assert "TEMP B-TREE" not in recent


def test_run_sessions_in_the_same_second_do_not_collide(db: SessionStore) -> None:
    a = db.create_cron_session("abc", 1.0, "20261124_100000")
    b = db.create_cron_session("abc", 1.5, "20261124_100000")
    c = db.create_cron_session("abc", 1.7, "20261124_100000")
    assert (a, b, c) == ("cron_abc_20261124_100000", "cron_abc_20261124_100000_2", "cron_abc_20261124_100000_3")
    assert [r.id for r in db.cron_runs("abc")] == [c, b, a]  # still newest first


def test_titles_are_made_unique(db: SessionStore) -> None:
    ids = [db.create_cron_session("abc", float(i), f"20261124_10000{i}") for i in range(3)]
    titles = [db.set_unique_title(sid, "Morning brief · Nov 25 09:00") for sid in ids]
    assert titles == ["Morning brief · Nov 25 09:00", "Morning brief · Nov 25 09:00 #2",
                      "Morning brief · Nov 25 09:00 #3"]
    assert db.session(ids[2])["title"] == titles[2]


def test_messages_and_ending(db: SessionStore) -> None:
    sid = db.create_cron_session("abc", 1.0, "20261124_100000")
    db.append_message(sid, "user", "prompt", 2.0)
    db.append_message(sid, "assistant", "result", 3.0)
    db.end_session(sid, END_ERROR, 4.0)
    db.end_session(sid, END_OK, 5.0)  # the first reason wins
    assert [(m.role, m.content) for m in db.messages(sid)] == [("user", "prompt"), ("assistant", "result")]
    run = db.cron_runs("abc")[0]
    assert (run.status, run.duration, run.message_count) == ("error", 3.0, 2)


def test_retention_deletes_exactly_the_right_rows(db: SessionStore) -> None:
    for i in range(10):
        sid = db.create_cron_session("abc", 1000.0 + i, f"20261124_1000{i:02d}")
        db.append_message(sid, "user", "p", 1000.0 + i)
        db.end_session(sid, END_OK)
    live = db.create_cron_session("abc", 1.0, "20261124_100099")  # still running, oldest start
    other = db.create_cron_session("other", 1.0, "20261124_100000")
    db.end_session(other, END_OK)
    add_session(db, "chat", "cli", 1.0, "hello")

    gone = db.delete_cron_runs("abc", keep_newest=4)
    assert len(gone) == 6
    left = [r.id[-2:] for r in db.cron_runs("abc")]
    assert left == ["99", "09", "08", "07", "06"]
    gone = db.delete_cron_runs("abc", older_than=1008.0)
    assert [g[-2:] for g in gone] == ["06", "07"]
    assert [r.id for r in db.cron_runs("other")] == [other]
    assert db.session("chat") is not None and db.session(live) is not None
    orphan = db._conn().execute(
        "SELECT COUNT(*) FROM messages WHERE session_id NOT IN (SELECT id FROM sessions)").fetchone()[0]
    assert orphan == 0


def test_one_connection_per_thread(db: SessionStore) -> None:
    db.session_count()
    seen: list[int] = []

    def work() -> None:
        seen.append(id(db._conn()))
        db.create_cron_session("t", 1.0, "20261124_000000")
        db.close()

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen and seen[0] != id(db._conn())
    assert len(db.cron_runs("t")) == 1


def test_first_connections_at_once_do_not_trip_over_each_other(tmp_path: Path) -> None:
    errors: list[Exception] = []
    for trial in range(20):
        store = SessionStore(tmp_path / f"state-{trial}.db")

        def first_use(name: str, store: SessionStore = store) -> None:
            try:
                store.create_cron_session("job", 1.0, name)
            except Exception as exc:  # "database is locked" while another thread switches to WAL
                errors.append(exc)
            finally:
                store.close()

        threads = [threading.Thread(target=first_use, args=(f"t{i}",)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(SessionStore(tmp_path / f"state-{trial}.db").cron_runs("job")) == 6
    assert errors == []


def test_a_deep_page_of_recents_is_read_by_id_like_the_first(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "state.db")
    conn = store._conn()
    conn.executemany("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cli', ?)",
                     [(f"s{i:05d}", float(i // 3)) for i in range(1000)])  # ties on started_at, broken by id
    order = store.recent_order()
    pages = [store.sessions_by_ids(order.ids[k * 50:(k + 1) * 50]) for k in range(20)]
    ids = [s.id for page in pages for s in page]
    everything = [s.id for s in store.recent_sessions(2000)]
    assert ids == everything and len(set(ids)) == 1000  # every page by its ids: all rows, in order, once
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    store.sessions_by_ids(order.ids[950:])
    conn.set_trace_callback(None)
    query = next(q for q in seen if "WHERE s.id IN" in q)
    plan = " ".join(str(tuple(r)) for r in conn.execute("EXPLAIN QUERY PLAN " + query))
    assert "SEARCH s USING INDEX sqlite_autoindex_sessions_1 (id=?)" in plan, plan


def test_a_generated_title_never_replaces_a_name_given_meanwhile(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "state.db")
    for sid in ("named", "plain", "other"):
        store.create_chat_session(sid, "desktop")
    store.rename_session("named", "My own name")  # while the title request was out
    assert store.title_untitled("named", "Generated") is None
    assert store.session("named")["title"] == "My own name"  # type: ignore[index]
    assert store.title_untitled("plain", "Generated") == "Generated"
    assert store.title_untitled("other", "Generated") == "Generated #2"  # Hermes' rule for a taken title
