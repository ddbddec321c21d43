"""Conversation search over state.db: Hermes' own full-text tables where they exist, a bounded scan where not."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hermes_desktop.core.search import SearchResult, SessionSearch
from hermes_desktop.core.sessions import SessionStore
from tests.hermes_agent import needs_hermes, run_hermes_python

# Full-text tables shaped as hermes-agent 0.19 makes them (one ``content`` column, rowid = messages.id, filled by
# triggers on messages): the word table with FTS5's default tokenizer, and a trigram one for CJK and substrings.
HERMES_LIKE_FTS = [
    "CREATE VIRTUAL TABLE messages_fts USING fts5(content)",
    "CREATE VIRTUAL TABLE messages_fts_trigram USING fts5(content, tokenize='trigram')",
    "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN "
    "INSERT INTO messages_fts(rowid, content) VALUES (new.id, COALESCE(new.content, '') || ' '); END",
    "CREATE TRIGGER messages_fts_trigram_insert AFTER INSERT ON messages BEGIN "
    "INSERT INTO messages_fts_trigram(rowid, content) VALUES (new.id, COALESCE(new.content, '') || ' '); END",
]

T0 = 1_780_000_000.0

CHATS = [  # id, title, started offset (hours), messages
    ("chat_k8s", "Cluster upgrade", 1, ["How do I deploy to Kubernetes today?", "Use kubectl apply."]),
    ("chat_whale", None, 2, ["I saw a blue whale yesterday", "Lucky you."]),
    ("chat_split", None, 3, ["blue shirt and a whale of a time", "Nice."]),
    ("chat_deploy", "Release notes", 4, ["The deployment failed\nat step three with error E42", "Retry it."]),
    ("chat_tokyo", None, 5, ["今日は東京タワーに行きます", "いいですね"]),
    ("chat_tokyo_end", None, 6, ["旅行先は東京", "楽しんで"]),
    ("chat_beijing", "北京出差", 7, ["我们下周去北京开会", "好的"]),
]


def fill(db: SessionStore) -> None:
    conn = db._conn()
    for sid, title, hours, texts in CHATS:
        conn.execute("INSERT INTO sessions (id, source, started_at, title) VALUES (?, 'cli', ?, ?)",
                     (sid, T0 + hours * 3600, title))
        for k, text in enumerate(texts):
            db.append_message(sid, ("user", "assistant")[k % 2], text, T0 + hours * 3600 + k)
    for n in range(5):  # cron runs, newer than every chat, whose prompt mentions Kubernetes
        sid = f"cron_abcdef012345_202606{n + 10:02d}_090000"
        conn.execute("INSERT INTO sessions (id, source, started_at, title) VALUES (?, 'cron', ?, ?)",
                     (sid, T0 + 86400 * (n + 1), f"Cluster check · Jun {n + 10} 09:00"))
        db.append_message(sid, "user", "Check the Kubernetes cluster health", T0 + 86400 * (n + 1))
        db.append_message(sid, "assistant", "All nodes ready.", T0 + 86400 * (n + 1) + 5)


def make_fts_db(path: Path) -> Path:
    """A state.db with Hermes-shaped full-text tables and the chats and runs above (made here, so tests that
    search need no Hermes)."""
    db = SessionStore(path)
    conn = db._conn()
    for sql in HERMES_LIKE_FTS:
        conn.execute(sql)
    fill(db)
    db.close()
    return path


@pytest.fixture
def fts_db(tmp_path: Path) -> Path:
    return make_fts_db(tmp_path / "state.db")


@pytest.fixture
def plain_db(tmp_path: Path) -> Path:
    """A state.db this app created on a new home: no full-text tables at all."""
    path = tmp_path / "plain" / "state.db"
    db = SessionStore(path)
    fill(db)
    db.close()
    return path


def ids(result: SearchResult) -> list[str]:
    return [hit.id for hit in result.hits]


def marked(hit: object) -> list[str]:
    return [hit.snippet[a:b] for a, b in hit.marks]  # type: ignore[attr-defined]


def test_a_word_finds_the_conversation_and_marks_it(fts_db: Path) -> None:
    result = SessionSearch(fts_db).search("kubernetes")
    assert ids(result) == ["chat_k8s"]  # cron runs mention it too, but they are left out by default
    hit = result.hits[0]
    assert (hit.title, hit.source, hit.started_at) == ("Cluster upgrade", "cli", T0 + 3600)
    assert hit.snippet == "How do I deploy to Kubernetes today?"
    assert marked(hit) == ["Kubernetes"]
    assert result.complete and result.method == "fts"


def test_a_phrase_needs_its_words_together(fts_db: Path) -> None:
    assert ids(SessionSearch(fts_db).search('"blue whale"')) == ["chat_whale"]
    assert ids(SessionSearch(fts_db).search("blue whale")) == ["chat_split", "chat_whale"]  # newest first


def test_a_prefix_with_a_star(fts_db: Path) -> None:
    search = SessionSearch(fts_db)
    assert ids(search.search("deploy")) == ["chat_k8s"]  # a word matches whole words only
    result = search.search("deploy*")
    assert ids(result) == ["chat_deploy", "chat_k8s"]
    assert marked(result.hits[0]) == ["deployment"]
    assert result.hits[0].snippet == "The deployment failed"  # the matching line, not the whole message


def test_a_prefix_starts_a_word(fts_db: Path) -> None:
    db = SessionStore(fts_db)
    db._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES ('chat_re', 'cli', ?)", (T0 + 9e5,))
    db.append_message("chat_re", "user", "We redeploy on Fridays", T0 + 9e5)
    db.close()
    assert ids(SessionSearch(fts_db).search("deploy*")) == ["chat_deploy", "chat_k8s"]
    assert ids(SessionSearch(fts_db).search("redep*")) == ["chat_re"]


def test_a_prefix_finds_accented_words(fts_db: Path) -> None:
    db = SessionStore(fts_db)
    db._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES ('chat_cafe', 'cli', ?)", (T0 + 9e5,))
    db.append_message("chat_cafe", "user", "Un café noir, s'il vous plaît", T0 + 9e5)
    db.close()
    result = SessionSearch(fts_db).search("café*")
    assert ids(result) == ["chat_cafe"]
    assert marked(result.hits[0]) == ["café"]


def test_cjk_of_three_or_more_characters_uses_the_trigram_table(fts_db: Path) -> None:
    result = SessionSearch(fts_db).search("東京タワー")
    assert ids(result) == ["chat_tokyo"]
    assert result.method == "trigram"
    assert marked(result.hits[0]) == ["東京タワー"]


def test_cjk_of_two_characters_is_found_mid_text_and_at_the_end(fts_db: Path) -> None:
    result = SessionSearch(fts_db).search("東京")
    assert ids(result) == ["chat_tokyo_end", "chat_tokyo"]
    assert result.complete and result.method == "trigram"
    assert [marked(h) for h in result.hits] == [["東京"], ["東京"]]
    assert ids(SessionSearch(fts_db).search("北京")) == ["chat_beijing"]  # title and message


def test_a_title_match_counts(fts_db: Path) -> None:
    result = SessionSearch(fts_db).search("release")
    assert ids(result) == ["chat_deploy"]
    assert result.hits[0].in_title


def test_include_cron(fts_db: Path) -> None:
    search = SessionSearch(fts_db)
    result = search.search("kubernetes", include_cron=True)
    assert ids(result)[:5] == [f"cron_abcdef012345_202606{n + 10:02d}_090000" for n in reversed(range(5))]
    assert ids(result)[5:] == ["chat_k8s"]
    assert {h.source for h in result.hits} == {"cron", "cli"}
    assert all(h.source != "cron" for h in search.search("kubernetes", include_cron=False).hits)


def test_chats_next_to_each_other_are_looked_up_together(fts_db: Path) -> None:
    search = SessionSearch(fts_db)
    search.candidate_rows, search.chunk = 1, 1  # past the newest match (a cron run), walk the chats, 4 a batch
    assert ids(search.search("kubernetes")) == ["chat_k8s"]
    assert ids(search.search("whale")) == ["chat_split", "chat_whale"]
    assert ids(search.search("deploy*")) == ["chat_deploy", "chat_k8s"]


def test_limit(fts_db: Path) -> None:
    assert len(SessionSearch(fts_db).search("kubernetes", include_cron=True, limit=3).hits) == 3


NASTY = ['"', '"""', "*", "kube*rnetes", "AND", "OR kubernetes", "NOT", "-", "--x", "a - b", '"unbalanced',
         "col:kubernetes", "(", ")", "^", "{x}", "NEAR(a b)", "+", "東", "*東京*", '"東京', "\x00", "%", "_", "'",
         "\\", " ", "", "a" * 5000, '"' * 999, "x" + " OR" * 300]


def test_query_syntax_in_user_text_never_raises(fts_db: Path, plain_db: Path) -> None:
    for path in (fts_db, plain_db):
        search = SessionSearch(path)
        for query in NASTY:
            for include_cron in (False, True):
                result = search.search(query, include_cron=include_cron)
                assert isinstance(result, SearchResult), query


def test_operators_are_plain_words(fts_db: Path) -> None:
    assert ids(SessionSearch(fts_db).search("OR kubernetes")) == []  # no message holds the word "or"
    assert ids(SessionSearch(fts_db).search("error E42")) == ["chat_deploy"]


def test_without_full_text_tables_a_bounded_scan_finds_recent_messages(plain_db: Path) -> None:
    search = SessionSearch(plain_db)
    result = search.search("kubernetes", include_cron=True)
    assert ids(result)[-1] == "chat_k8s" and len(result.hits) == 6
    assert result.method == "scan" and result.complete and result.searched_newest is None
    assert ids(search.search("東京")) == ["chat_tokyo_end", "chat_tokyo"]
    search.scan_rows = 4  # only the newest 4 messages (two cron runs) are read
    result = search.search("kubernetes", include_cron=True)
    assert len(result.hits) == 2 and not result.complete and result.searched_newest == 4


def test_chats_behind_many_cron_matches_are_found(tmp_path: Path) -> None:
    """Without cron runs, chats are found however many newer cron messages match the same word."""
    path = tmp_path / "state.db"
    db = SessionStore(path)
    conn = db._conn()
    for sql in HERMES_LIKE_FTS:
        conn.execute(sql)
    conn.execute("INSERT INTO sessions (id, source, started_at) VALUES ('old_chat', 'cli', ?)", (T0,))
    db.append_message("old_chat", "user", "the nightly report looks odd", T0)
    # a long chat: its first message before all the cron runs, its last after them
    conn.execute("INSERT INTO sessions (id, source, started_at) VALUES ('long_chat', 'cli', ?)", (T0 + 1,))
    db.append_message("long_chat", "user", "is the nightly job slow?", T0 + 1)
    conn.execute("BEGIN")
    for n in range(300):
        sid = f"cron_abcdef012345_{n:06d}"
        conn.execute("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cron', ?)", (sid, T0 + 60 + n))
        conn.execute("INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, 'user', ?, ?)",
                     (sid, "write the nightly report", T0 + 60 + n))
    conn.execute("COMMIT")
    db.append_message("long_chat", "assistant", "It was.", T0 + 1000)
    search = SessionSearch(path)
    search.candidate_rows = 50  # few cron matches are read one by one; then the chats are walked instead
    search.chunk = 1  # one chat per batch: the long chat is looked up on its own, the old one as a span
    result = search.search("nightly")
    assert ids(result) == ["long_chat", "old_chat"] and result.complete
    search.chunk = 2  # both in one batch, spread among the cron messages: looked up one by one
    assert ids(search.search("nightly")) == ["long_chat", "old_chat"]
    assert ids(search.search("nightly*")) == ["long_chat", "old_chat"]
    search.chunk = 256


def test_the_search_never_writes(fts_db: Path, plain_db: Path) -> None:
    for path in (fts_db, plain_db):
        before = path.read_bytes()
        schema = sqlite3.connect(path).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
        SessionSearch(path).search("東京")
        SessionSearch(path).search("kubernetes", include_cron=True)
        assert sqlite3.connect(path).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
        assert path.read_bytes() == before


def test_a_missing_database_is_no_match(tmp_path: Path) -> None:
    result = SessionSearch(tmp_path / "absent.db").search("anything")
    assert result.hits == [] and not (tmp_path / "absent.db").exists()


HERMES_FILL = """
import sys
from hermes_state import SessionDB
db = SessionDB(sys.argv[1] if len(sys.argv) > 1 else None)
db.create_session("chat_a", "cli")
db.append_message("chat_a", "user", "Plan the Kubernetes migration")
db.append_message("chat_a", "assistant", "東京のデータセンターから始めましょう")
db.create_session("cron_abcdef012345_20260101_090000", "cron")
db.append_message("cron_abcdef012345_20260101_090000", "user", "Kubernetes health report")
db.set_session_title("chat_a", "Migration plan")
db.close()
"""


@needs_hermes
def test_on_a_database_hermes_made(tmp_path: Path) -> None:
    home = tmp_path / "hermes"
    home.mkdir()
    run_hermes_python(home, HERMES_FILL)
    path = home / "state.db"
    names = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert {"messages_fts", "messages_fts_trigram"} <= names
    search = SessionSearch(path)
    assert ids(search.search("kubernetes")) == ["chat_a"]
    assert ids(search.search("kubernetes", include_cron=True)) == ["cron_abcdef012345_20260101_090000", "chat_a"]
    result = search.search("東京")
    assert ids(result) == ["chat_a"] and result.method == "trigram"
    assert result.hits[0].title == "Migration plan"
    assert ids(search.search("データセンター")) == ["chat_a"]


@pytest.mark.parametrize("folder", ["home#1", "what?now", "100%"])
def test_a_home_whose_path_has_uri_characters_is_searched_and_nothing_else_is_made(tmp_path: Path,
                                                                                   folder: str) -> None:
    """A path is not a URI: '#', '?' or '%' in it once sent the read-only open to another (new, empty) file."""
    root = tmp_path / folder
    root.mkdir()
    db = SessionStore(root / "state.db")
    fill(db)
    db.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    search = SessionSearch(root / "state.db")
    try:
        assert ids(search.search("kubernetes")) != []
    finally:
        search.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == before
