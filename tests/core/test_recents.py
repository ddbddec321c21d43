"""The recents' order: most recently active first, as Hermes lists sessions, read a page at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.recents import RecentOrder, recent_order
from hermes_desktop.core.sessions import SessionStore
from tests.hermes_agent import needs_hermes, run_hermes_python


def hermes_order(store: SessionStore) -> list[str]:
    """Every chat as Hermes' own listing orders them: last message (else start), start, id, newest first."""
    rows = store._conn().execute(
        """SELECT s.id FROM sessions s
           LEFT JOIN (SELECT session_id, MAX(timestamp) AS last_active FROM messages GROUP BY session_id) m
                  ON m.session_id = s.id
           WHERE s.source != 'cron'
           ORDER BY COALESCE(m.last_active, s.started_at) DESC, s.started_at DESC, s.id DESC""").fetchall()
    return [r[0] for r in rows]


def every_page(store: SessionStore, order: RecentOrder, page: int) -> list[str]:
    """Each page read on its own by id, as the sidebar reads the one scrolled to."""
    return [s.id for start in range(0, len(order.ids), page)
            for s in store.sessions_by_ids(order.ids[start:start + page])]


def chats(store: SessionStore, n: int, *, gap: float = 10.0) -> None:
    """``n`` chats c000…, each started ``gap`` seconds after the last, each with one message a second in."""
    conn = store._conn()
    conn.executemany("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cli', ?)",
                     [(f"c{i:03d}", i * gap) for i in range(n)])
    conn.executemany("INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, 'user', 'hi', ?)",
                     [(f"c{i:03d}", i * gap + 1) for i in range(n)])


@pytest.mark.parametrize("page", [5, 7, 50])
def test_continued_chats_come_first_and_every_page_follows_hermes_order(tmp_path: Path, page: int) -> None:
    store = SessionStore(tmp_path / "state.db")
    chats(store, 40)
    store.append_message("c003", "user", "back to this one", timestamp=1000.0)  # an old chat, continued
    store.append_message("c020", "user", "and this", timestamp=999.0)
    store.append_message("c001", "user", "a while ago", timestamp=245.0)  # continued a while ago: above c024
    order = recent_order(store._conn())
    expected = hermes_order(store)
    assert expected[:3] == ["c003", "c020", "c039"] and expected.index("c001") == expected.index("c024") - 1
    assert list(order.ids) == expected
    assert every_page(store, order, page) == expected


def test_the_order_follows_new_messages_and_chats_without_starting_over(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "state.db")
    chats(store, 30)
    order = recent_order(store._conn())
    assert order.ids[:2] == ("c029", "c028") and order.came is None  # made afresh
    assert recent_order(store._conn(), order).came == ()  # nothing new: nothing moves
    store.append_message("c001", "user", "hello again", timestamp=2000.0)  # row 28
    store._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES ('new', 'cli', 2001.0)")
    store.append_message("c010", "user", "and you", timestamp=1999.0)  # row 19
    later = recent_order(store._conn(), order)
    assert later.ids[:4] == ("new", "c001", "c010", "c029")
    assert later.came == (("new", None), ("c001", 28), ("c010", 19))  # brought up to date, not made again
    assert list(later.ids) == hermes_order(store)
    store.delete_session("c001")  # by another program: the order is made afresh
    gone = recent_order(store._conn(), later)
    assert gone.came is None and list(gone.ids) == hermes_order(store)


def test_a_message_stamped_in_the_past_is_placed_where_hermes_puts_it(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "state.db")
    chats(store, 10)
    order = recent_order(store._conn())
    store.append_message("c002", "user", "imported, from long ago", timestamp=35.0)  # after c003's only message
    later = recent_order(store._conn(), order)
    assert list(later.ids) == hermes_order(store) and later.ids.index("c002") == later.ids.index("c003") - 1


def test_cron_runs_never_enter_the_order_and_a_burst_of_them_moves_nothing(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "state.db")
    chats(store, 10)
    store.append_message("c002", "user", "still talking", timestamp=500.0)
    order = recent_order(store._conn())
    for i in range(30):  # a burst of cron runs, the newest sessions and messages of all
        sid = store.create_cron_session("job", 600.0 + i, f"2026{i:04d}")
        store.append_message(sid, "assistant", "done", timestamp=600.5 + i)
    later = recent_order(store._conn(), order)
    assert later.came == () and later.ids == order.ids and later.ids[0] == "c002"
    assert list(later.ids) == hermes_order(store)


def test_ties_are_broken_as_hermes_breaks_them(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "state.db")
    conn = store._conn()
    conn.executemany("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cli', ?)",
                     [("a", 1.0), ("b", 1.0), ("c", 2.0), ("quiet", 3.0)])  # "quiet" has no message at all
    conn.executemany("INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, 'user', 'x', ?)",
                     [("a", 5.0), ("b", 5.0), ("c", 4.0)])
    assert list(store.recent_order().ids) == hermes_order(store) == ["b", "a", "c", "quiet"]


HERMES_LISTING = """
import json, os
from hermes_state import SessionDB
db = SessionDB()
db.append_message("c004", "user", "continued in Hermes")  # Hermes' own write, stamped now
rows = db.list_sessions_rich(exclude_sources=["cron"], order_by_last_active=True, limit=1000)
print(json.dumps([r["id"] for r in rows]))
"""


@needs_hermes
def test_the_order_is_the_one_hermes_lists_its_sessions_in(home: HermesHome) -> None:
    store = SessionStore(home.state_db)
    chats(store, 30, gap=1000.0)
    store.append_message("c010", "user", "continued here", timestamp=50_000.0)
    sid = store.create_cron_session("job", 60_000.0, "20260101_000000")
    store.append_message(sid, "assistant", "a cron run, left out by both", timestamp=60_001.0)
    store.close()
    hermes = json.loads(run_hermes_python(home.root, HERMES_LISTING))
    store = SessionStore(home.state_db)
    assert hermes[:2] == ["c004", "c010"]
    assert every_page(store, recent_order(store._conn()), 5) == hermes


def test_with_nothing_written_since_the_order_is_not_read_again(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "state.db")
    chats(store, 5)
    order = store.recent_order()
    seen: list[str] = []
    store._conn().set_trace_callback(seen.append)
    again = store.recent_order(order)
    assert again.ids == order.ids and again.came == () and not [q for q in seen if "sessions" in q]
    writer = SessionStore(tmp_path / "state.db")  # another connection (another thread, or Hermes)
    writer.append_message("c001", "user", "later", timestamp=100.0)
    later = store.recent_order(again)
    assert later.ids[0] == "c001"
    store.append_message("c002", "user", "and here", timestamp=101.0)  # this connection's own write
    assert store.recent_order(later).ids[0] == "c002"
