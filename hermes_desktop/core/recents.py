"""The order of the recents: most recently active first, as Hermes lists sessions, at any size.

Hermes orders its sessions by last activity (the newest message, else the start;
then start, then id, all newest first), and keeps no column for it: each
listing takes ``MAX(timestamp)`` over every session's messages. Over 100,000
chats that is a pass over the whole messages table for every page.

Here the list is two parts. The *head* is every chat active since a point in
time, ``since``, the start of the ``HEAD_SESSIONS``-th newest chat: those
newest chats, plus any older one with a message after that point (a
conversation continued here, by Hermes or by its gateway). Finding those is one
index seek per older chat, in one statement (about 0.1 s at 100,000 chats, on a
task thread, with the interpreter free), done when the list is first read; the
head is small and sorted exactly as Hermes sorts. The *tail* is everything
else: chats idle since before ``since``, in start order, read a page at a time
by keyset, skipping the few that moved into the head. Every head row is more
recent than every tail row, so the two parts join without a seam; only inside
the tail, among chats idle since before the newest thousand began, does start
order stand in for activity.

While the window is open the order is brought up to date from the messages
written since it was made (their ids only grow), so a conversation that gets a
new message moves to the top at once, however old it is.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field

HEAD_SESSIONS = 1000  # the newest chats by start, always ordered by activity
UPDATE_MESSAGES = 20_000  # more new messages than this since the last look: the order is made afresh
NO_SINCE = -math.inf  # every chat is in the head


@dataclass(frozen=True)
class RecentOrder:
    """Where the recents stand: ``head`` (ids, most recently active first), then the tail by start."""

    since: float  # head: last activity >= since; tail: started and last active before it
    head: tuple[str, ...] = ()
    moved: frozenset[str] = frozenset()  # head chats that started before ``since``: the tail skips them
    mark: int = 0  # the newest message id this order has seen
    rows: dict[str, int] = field(default_factory=dict, compare=False, repr=False)  # head id -> row

    def __post_init__(self) -> None:
        self.rows.update((sid, row) for row, sid in enumerate(self.head))

    @property
    def tail_start(self) -> tuple[float, str] | None:
        """The keyset cursor before the tail's first row (None: there is no tail)."""
        return None if self.since == NO_SINCE else (self.since, "")

    def first_landmark(self, page: int) -> int:
        """The tail row count before the first page that starts inside the tail at a row other than its first."""
        return page - len(self.head) % page

    def without(self, session_id: str) -> RecentOrder:
        """The order after deleting a session (its row goes, nothing else moves)."""
        if session_id not in self.rows:
            return self
        return RecentOrder(self.since, tuple(s for s in self.head if s != session_id),
                           self.moved - {session_id}, self.mark)


def recent_order(conn: sqlite3.Connection, previous: RecentOrder | None = None, *,
                 sessions: int = HEAD_SESSIONS) -> RecentOrder:
    """The recents' order now: brought up to date from ``previous`` when that is cheap, else made afresh.

    Run it in one read transaction with the queries that use it, so they all see the same file.
    """
    mark = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM messages").fetchone()[0])
    if previous is not None and mark - previous.mark <= UPDATE_MESSAGES and len(previous.head) <= 2 * sessions:
        since, moved = previous.since, set(previous.moved)
        if since != NO_SINCE and mark > previous.mark:
            moved |= _continued_lately(conn, since, previous.mark)
    else:
        row = conn.execute("SELECT started_at FROM sessions INDEXED BY idx_desktop_recent_non_cron "
                           "WHERE source != 'cron' ORDER BY started_at DESC, id DESC LIMIT 1 OFFSET ?",
                           (sessions - 1,)).fetchone()
        since = NO_SINCE if row is None else float(row[0])
        moved = set() if since == NO_SINCE else _continued(conn, since)
    head, still_moved = _head(conn, since, moved)
    return RecentOrder(since, head, still_moved, mark)


def _continued(conn: sqlite3.Connection, since: float) -> set[str]:
    """Chats started before ``since`` with a message after it: one index seek per chat, inside SQLite."""
    rows = conn.execute(
        """SELECT s.id FROM sessions s INDEXED BY idx_desktop_recent_non_cron
           WHERE s.source != 'cron' AND s.started_at < ?
             AND (SELECT MAX(m.timestamp) FROM messages m WHERE m.session_id = s.id) >= ?""",
        (since, since)).fetchall()
    return {r[0] for r in rows}


def _continued_lately(conn: sqlite3.Connection, since: float, after_id: int) -> set[str]:
    """Chats started before ``since`` with a message after it, among the messages after ``after_id``."""
    rows = conn.execute(
        """SELECT s.id FROM (SELECT session_id, MAX(timestamp) AS last FROM messages WHERE id > ?
                             GROUP BY session_id) m
           JOIN sessions s ON s.id = m.session_id
           WHERE s.source != 'cron' AND s.started_at < ? AND m.last >= ?""",
        (after_id, since, since)).fetchall()
    return {r[0] for r in rows}


def _head(conn: sqlite3.Connection, since: float, moved: set[str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """Every chat active since ``since``, in Hermes' order (last activity, start, id, newest first), and which
    of them started before it (deleted ones and ones no longer active since then drop out)."""
    last = "COALESCE((SELECT MAX(m.timestamp) FROM messages m WHERE m.session_id = s.id), s.started_at)"
    rows = conn.execute(f"SELECT s.id, s.started_at, {last} FROM sessions s INDEXED BY idx_desktop_recent_non_cron "
                        "WHERE s.source != 'cron' AND s.started_at >= ?", (since,)).fetchall()
    ids = sorted(moved)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows += conn.execute(f"SELECT s.id, s.started_at, {last} FROM sessions s WHERE s.source != 'cron' "
                             f"AND s.started_at < ? AND s.id IN ({','.join('?' * len(chunk))})",
                             (since, *chunk)).fetchall()
    active = [(float(r[2]), float(r[1]), r[0]) for r in rows if float(r[2]) >= since]
    active.sort(reverse=True)
    return (tuple(sid for _last, _start, sid in active),
            frozenset(sid for _last, start, sid in active if start < since))
