"""Retention deletes old runs, but never a run someone went on talking in (#16: talk back to a cron run)."""

from __future__ import annotations

from pathlib import Path

from hermes_desktop.core.sessions import SessionStore

T0 = 1_790_000_000.0


def test_a_continued_run_outlives_retention(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "state.db")
    ids = []
    for n in range(4):
        at = T0 + 3600 * n
        sid = store.create_cron_session("abcdef012345", at, f"2026091{n}_090000")
        store.append_message(sid, "assistant", "done", at + 1)
        store.end_session(sid, "cron_complete", ended_at=at + 2)
        ids.append(sid)
    talked = ids[0]  # the oldest run: someone asked "why?" a day later
    store.append_message(talked, "user", "Why did it take so long?", T0 + 86400)
    store.append_message(talked, "assistant", "The disk was busy.", T0 + 86401)
    gone = store.delete_cron_runs("abcdef012345", keep_newest=1)
    assert sorted(gone) == sorted(ids[1:3])
    left = {r.id for r in store.cron_runs("abcdef012345", limit=10)}
    assert left == {talked, ids[3]}
    store.close()
