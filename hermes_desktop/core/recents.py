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
its place; a message committed after a later-stamped one (two writers) is
merged in where it belongs. Anything else - a chat deleted by another program,
one added that started in the past, a burst too large to merge - makes the
order afresh: the count of chats and the sum of their start times tell.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

UPDATE_MESSAGES = 20_000  # more new messages than this since the last look: the order is made afresh
UPDATE_CHATS = 200  # more chats than this to bring to the top: the order is made afresh
MERGE_ROWS = 1000  # rows a late-committed message may have to pass on its way up

_LAST = "COALESCE((SELECT MAX(m.timestamp) FROM messages m WHERE m.session_id = s.id), s.started_at)"

Key = tuple[float, float, str]  # last activity, start, id: larger is higher in the list


@dataclass(frozen=True)
class RecentOrder:
    """Every chat's id (cron runs left out), most recently active first."""

    ids: tuple[str, ...]
    mark: int  # the newest message id this order has seen
    newest: tuple[float, str] | None  # the newest chat by start (started_at, id) it knows
    starts: int  # the sum of the chats' start times, in whole milliseconds: with the count, which chats these are
    came: tuple[tuple[str, int | None], ...] | None = None
    seen: tuple[object, ...] = ()  # the file's state it was read from, as its reader knows it (``SessionStore``)
    """How this order came from the one it was brought up from: the chats with new activity, most recent first,
    each with its row there (None: a new chat). They are the top rows, except that a message committed late
    can leave a few rows above some of them. Empty: nothing moved. None: made afresh."""

    def without(self, session_id: str, row: int, started_at: float) -> RecentOrder:
        """The order after deleting the session at ``row``, started at ``started_at``, here (its row goes,
        nothing else moves)."""
        if not 0 <= row < len(self.ids) or self.ids[row] != session_id:
            return self
        return RecentOrder(self.ids[:row] + self.ids[row + 1:], self.mark, self.newest,
                           self.starts - _ms(started_at), ())


def recent_order(conn: sqlite3.Connection, previous: RecentOrder | None = None) -> RecentOrder:
    """The recents' order now: ``previous`` brought up to date where that is exact, else made afresh.

    Run it in one read transaction with the reads that use it, so they all see the same file.
    """
    mark = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM messages").fetchone()[0])
    newest = _newest(conn)
    if previous is None or mark - previous.mark > UPDATE_MESSAGES:
        return _afresh(conn, mark, newest)
    begun = _started_after(conn, previous.newest) if newest != previous.newest else {}
    started = list(begun)
    active = _active_after(conn, previous.mark) if mark != previous.mark else set()
    count, starts = _fingerprint(conn)
    if (count, starts) != (len(previous.ids) + len(started), previous.starts + sum(map(_ms, begun.values()))):
        return _afresh(conn, mark, newest)  # deleted elsewhere, or a chat started in the past
    top_ids = active | set(started)
    if not top_ids:
        return RecentOrder(previous.ids, mark, newest, starts, ())
    if len(top_ids) > UPDATE_CHATS:
        return _afresh(conn, mark, newest)
    keys = _keys(conn, top_ids)
    if len(keys) != len(top_ids):
        return _afresh(conn, mark, newest)  # deleted as soon as written
    top = sorted(top_ids, key=keys.__getitem__, reverse=True)
    rest = [sid for sid in previous.ids if sid not in top_ids]
    if len(rest) != len(previous.ids) - len(active - set(started)):
        return _afresh(conn, mark, newest)  # a chat written in the past, with another deleted
    above = _above(conn, rest, keys[top[-1]], keys)  # rows that stay above some of them (late commits)
    if above is None:
        return _afresh(conn, mark, newest)
    came = tuple((sid, previous.ids.index(sid) if sid in active and sid not in started else None)
                 for sid in top)
    merged = sorted((*top, *rest[:above]), key=keys.__getitem__, reverse=True)
    return RecentOrder((*merged, *rest[above:]), mark, newest, starts, came)


def _above(conn: sqlite3.Connection, rest: list[str], lowest: Key, keys: dict[str, Key]) -> int | None:
    """How many of the first rows of ``rest`` are more recent than ``lowest`` (their keys go into ``keys``).

    Nearly always none: new activity is the newest. A message committed after a later-stamped one (two
    writers) leaves a few; more than ``MERGE_ROWS`` (None) is not worth merging.
    """
    n = 0
    while n < len(rest):
        batch = rest[n:n + 64]
        found = _keys(conn, set(batch))
        for sid in batch:
            key = found.get(sid)
            if key is None:
                return None  # deleted meanwhile
            if key < lowest:
                return n
            keys[sid] = key
            n += 1
        if n > MERGE_ROWS:
            return None
    return n


def _afresh(conn: sqlite3.Connection, mark: int, newest: tuple[float, str] | None) -> RecentOrder:
    rows = conn.execute(f"SELECT s.id FROM sessions s INDEXED BY idx_desktop_recent_non_cron "
                        f"WHERE s.source != 'cron' ORDER BY {_LAST} DESC, s.started_at DESC, s.id DESC").fetchall()
    return RecentOrder(tuple(r[0] for r in rows), mark, newest, _fingerprint(conn)[1])


def _ms(seconds: float) -> int:
    return int(seconds * 1000)  # truncated toward zero, as SQLite's CAST does


def _fingerprint(conn: sqlite3.Connection) -> tuple[int, int]:
    """How many chats there are and the sum of their starts: a chat deleted while another that started in
    the past arrives leaves the count as it was, not (but for a coincidence of milliseconds) the sum."""
    row = conn.execute("SELECT COUNT(*), COALESCE(SUM(CAST(started_at * 1000 AS INTEGER)), 0) "
                       "FROM sessions INDEXED BY idx_desktop_recent_non_cron WHERE source != 'cron'").fetchone()
    return int(row[0]), int(row[1])


def _newest(conn: sqlite3.Connection) -> tuple[float, str] | None:
    row = conn.execute("SELECT started_at, id FROM sessions INDEXED BY idx_desktop_recent_non_cron "
                       "WHERE source != 'cron' ORDER BY started_at DESC, id DESC LIMIT 1").fetchone()
    return None if row is None else (float(row[0]), str(row[1]))


def _started_after(conn: sqlite3.Connection, newest: tuple[float, str] | None) -> dict[str, float]:
    """Chats started after ``newest`` (every chat when there was none), with their starts."""
    where, params = ("", ()) if newest is None else (" AND (started_at, id) > (?, ?)", newest)
    rows = conn.execute(f"SELECT id, started_at FROM sessions INDEXED BY idx_desktop_recent_non_cron "
                        f"WHERE source != 'cron'{where} LIMIT ?", (*params, UPDATE_CHATS + 1)).fetchall()
    return {r[0]: float(r[1]) for r in rows}


def _active_after(conn: sqlite3.Connection, after_id: int) -> set[str]:
    """Chats with a message after message ``after_id``."""
    # NOT INDEXED: the rowid range, not a walk over the whole (session_id, timestamp) index SQLite prefers
    rows = conn.execute("""SELECT s.id FROM (SELECT DISTINCT session_id FROM messages NOT INDEXED WHERE id > ?) m
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
