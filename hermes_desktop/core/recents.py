"""The order of the recents: most recently active first, exactly as Hermes lists its sessions.

Hermes orders sessions by last activity (the newest message, else the start;
then start, then id, all newest first) and keeps no column for it: every
listing takes ``MAX(timestamp)`` over each session's messages. Here that pass
runs once, when the list is first read: one index seek per chat and one sort,
inside SQLite (about 0.2 s at 100,000 chats, on a task thread, with the
interpreter free), giving every chat's id in order (7 MB at 100,000 chats).
Rows are then read by id, a page at a time, so a page deep down costs what the
first one does.

After that the order is brought up to date from what was written since: the
messages after the newest id it has seen (ids only grow) and the chats started
after the newest it knows. Those chats, sorted, go on top; everything else keeps
its place. Anything else - a chat deleted by another program, a message stamped
in the past, a burst too large to merge - makes the order afresh. (One case the
count cannot see: another program deleting a chat while adding one that
started in the past. The window notices when it reads the deleted chat's page.)
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

UPDATE_MESSAGES = 20_000  # more new messages than this since the last look: the order is made afresh
UPDATE_CHATS = 200  # more chats than this to bring to the top: the order is made afresh

_LAST = "COALESCE((SELECT MAX(m.timestamp) FROM messages m WHERE m.session_id = s.id), s.started_at)"

Key = tuple[float, float, str]  # last activity, start, id: larger is higher in the list


@dataclass(frozen=True)
class RecentOrder:
    """Every chat's id (cron runs left out), most recently active first."""

    ids: tuple[str, ...]
    mark: int  # the newest message id this order has seen
    newest: tuple[float, str] | None  # the newest chat by start (started_at, id) it knows
    came: tuple[tuple[str, int | None], ...] | None = None
    """How this order came from the one it was brought up from: the chats now on top, first to last, each
    with its row there (None: a new chat). Empty: nothing moved. None: made afresh."""

    def without(self, session_id: str) -> RecentOrder:
        """The order after deleting a session here (its row goes, nothing else moves)."""
        if session_id not in self.ids:
            return self
        return RecentOrder(tuple(s for s in self.ids if s != session_id), self.mark, self.newest, ())


def recent_order(conn: sqlite3.Connection, previous: RecentOrder | None = None) -> RecentOrder:
    """The recents' order now: ``previous`` brought up to date where that is exact, else made afresh.

    Run it in one read transaction with the reads that use it, so they all see the same file.
    """
    mark = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM messages").fetchone()[0])
    newest = _newest(conn)
    if previous is None or mark - previous.mark > UPDATE_MESSAGES:
        return _afresh(conn, mark, newest)
    started = _started_after(conn, previous.newest) if newest != previous.newest else []
    active = _active_after(conn, previous.mark) if mark != previous.mark else set()
    count = _count(conn)
    if count != len(previous.ids) + len(started):
        return _afresh(conn, mark, newest)  # deleted elsewhere, or a chat started in the past
    top_ids = active | set(started)
    if not top_ids:
        return RecentOrder(previous.ids, mark, newest, ())
    if len(top_ids) > UPDATE_CHATS:
        return _afresh(conn, mark, newest)
    keys = _keys(conn, top_ids)
    top = sorted(top_ids, key=keys.__getitem__, reverse=True)
    rest = [sid for sid in previous.ids if sid not in top_ids]
    if rest and keys[top[-1]] < _keys(conn, {rest[0]})[rest[0]]:
        return _afresh(conn, mark, newest)  # a message stamped before the top row's activity
    if len(rest) != len(previous.ids) - len(active - set(started)):
        return _afresh(conn, mark, newest)  # a chat written in the past, with another deleted
    came = tuple((sid, previous.ids.index(sid) if sid in active and sid not in started else None)
                 for sid in top)
    return RecentOrder((*top, *rest), mark, newest, came)


def _afresh(conn: sqlite3.Connection, mark: int, newest: tuple[float, str] | None) -> RecentOrder:
    rows = conn.execute(f"SELECT s.id FROM sessions s INDEXED BY idx_desktop_recent_non_cron "
                        f"WHERE s.source != 'cron' ORDER BY {_LAST} DESC, s.started_at DESC, s.id DESC").fetchall()
    return RecentOrder(tuple(r[0] for r in rows), mark, newest)


def _newest(conn: sqlite3.Connection) -> tuple[float, str] | None:
    row = conn.execute("SELECT started_at, id FROM sessions INDEXED BY idx_desktop_recent_non_cron "
                       "WHERE source != 'cron' ORDER BY started_at DESC, id DESC LIMIT 1").fetchone()
    return None if row is None else (float(row[0]), str(row[1]))


def _count(conn: sqlite3.Connection) -> int:
    sql = "SELECT COUNT(*) FROM sessions INDEXED BY idx_desktop_recent_non_cron WHERE source != 'cron'"
    return int(conn.execute(sql).fetchone()[0])


def _started_after(conn: sqlite3.Connection, newest: tuple[float, str] | None) -> list[str]:
    """Chats started after ``newest`` (every chat when there was none)."""
    where, params = ("", ()) if newest is None else (" AND (started_at, id) > (?, ?)", newest)
    rows = conn.execute(f"SELECT id FROM sessions INDEXED BY idx_desktop_recent_non_cron "
                        f"WHERE source != 'cron'{where} LIMIT ?", (*params, UPDATE_CHATS + 1)).fetchall()
    return [r[0] for r in rows]


def _active_after(conn: sqlite3.Connection, after_id: int) -> set[str]:
    """Chats with a message after message ``after_id``."""
    rows = conn.execute("""SELECT s.id FROM (SELECT DISTINCT session_id FROM messages WHERE id > ?) m
                           JOIN sessions s ON s.id = m.session_id WHERE s.source != 'cron'""",
                        (after_id,)).fetchall()
    return {r[0] for r in rows}


def _keys(conn: sqlite3.Connection, ids: set[str]) -> dict[str, Key]:
    """Each chat's place in Hermes' order."""
    out: dict[str, Key] = {}
    chunk = sorted(ids)
    for i in range(0, len(chunk), 500):
        part = chunk[i:i + 500]
        rows = conn.execute(f"SELECT s.id, s.started_at, {_LAST} FROM sessions s "
                            f"WHERE s.id IN ({','.join('?' * len(part))})", part).fetchall()
        out.update((r[0], (float(r[2]), float(r[1]), str(r[0]))) for r in rows)
    return out
