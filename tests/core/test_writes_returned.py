"""A write tells what it changed; the store reuses its own parse of the file while nobody else writes it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobError, JobStore, JobsWrite
from hermes_desktop.core.scheduler import Scheduler

from .test_jobs import HERMES_RECORD, write_jobs

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 24, 21, 45, 51, tzinfo=UTC)


def watched(home: HermesHome) -> tuple[JobStore, list[JobsWrite]]:
    store = JobStore(home, tz=NY, clock=lambda: NOW)
    writes: list[JobsWrite] = []
    store.on_written = writes.append
    return store, writes


def records(n: int) -> list[dict[str, object]]:
    return [{**HERMES_RECORD, "id": f"job{i:03d}", "name": f"Job {i}"} for i in range(n)]


def test_an_edit_reports_only_the_record_it_changed_with_the_files_new_signature(home: HermesHome) -> None:
    write_jobs(home, records(5))
    store, writes = watched(home)
    store.update("job002", name="Renamed")
    assert len(writes) == 1
    assert [r["name"] for r in writes[0].changed] == ["Renamed"]
    assert writes[0].removed == []
    assert writes[0].signature == store.signature()  # the file as the write left it: no need to read it back
    assert writes[0].changed[0]["future_hermes_field"] == {"nested": [1, 2, 3]}  # the whole record


def test_a_write_that_changes_nothing_reports_nothing(home: HermesHome) -> None:
    write_jobs(home, records(3))
    store, writes = watched(home)
    store.update("job001", name="Job 1")
    store.mutate(lambda recs: None)
    assert writes == []


def test_create_and_remove_report_the_new_record_and_the_removed_id(home: HermesHome) -> None:
    write_jobs(home, records(3))
    store, writes = watched(home)
    made = store.create("every 2h", "Check the backups", name="Backups")
    store.remove("job000")
    assert [r["id"] for r in writes[0].changed] == [made["id"]] and writes[0].removed == []
    assert writes[1].changed == [] and writes[1].removed == ["job000"]


def test_a_new_id_reports_the_old_one_removed_and_a_twin_left_behind_keeps_its_id(home: HermesHome) -> None:
    write_jobs(home, [*records(3), {**HERMES_RECORD, "id": "job001", "name": "Twin"}])
    store, writes = watched(home)
    store.mutate(lambda recs: recs[0].update(id="job900"))
    assert [r["id"] for r in writes[0].changed] == ["job900"] and writes[0].removed == ["job000"]
    store.mutate(lambda recs: recs.pop(3))  # one of the two job001s: the id is still there
    assert writes[1].changed == [] and writes[1].removed == []
    store.mutate(lambda recs: recs.pop(1))
    assert writes[2].removed == ["job001"]


def test_a_change_made_by_another_program_since_the_last_write_is_never_lost(home: HermesHome) -> None:
    write_jobs(home, records(3))
    store, _ = watched(home)
    store.update("job000", name="First")  # the store now holds its parse of the file
    data = json.loads(home.jobs_file.read_text())
    data["jobs"][1]["name"] = "Changed by Hermes"
    home.jobs_file.write_text(json.dumps(data))  # another program's write: a new file
    store.update("job002", name="Third")
    names = [j["name"] for j in json.loads(home.jobs_file.read_text())["jobs"]]
    assert names == ["First", "Changed by Hermes", "Third"]


def test_a_refused_change_leaves_nothing_half_done_for_the_next_one(home: HermesHome) -> None:
    write_jobs(home, records(2))
    store, writes = watched(home)

    def half(recs: list[dict[str, object]]) -> None:
        recs[0]["name"] = "half done"
        raise JobError("refused")

    with pytest.raises(JobError):
        store.mutate(half)
    store.update("job001", name="Second")
    store.create("every 2h", "Check the backups", name="Backups")  # a write that encodes every record again
    assert [j["name"] for j in json.loads(home.jobs_file.read_text())["jobs"]] == ["Job 0", "Second", "Backups"]
    assert [r["name"] for r in writes[0].changed] == ["Second"]


def test_what_a_write_returns_is_a_copy_the_store_never_changes_later(home: HermesHome) -> None:
    write_jobs(home, records(2))
    store, writes = watched(home)
    edited = store.update("job000", repeat=3)
    reported = writes[0].changed[0]
    store.update("job000", repeat=5)
    assert edited["repeat"]["times"] == 3 and reported["repeat"]["times"] == 3


def test_the_scheduler_reports_its_claims_and_outcomes_as_written(home: HermesHome, tmp_path: Path) -> None:
    (home.root / "scripts").mkdir(exist_ok=True)
    (home.root / "scripts" / "hello.py").write_text("print('hello')\n")
    jobs = records(3)
    jobs[1] = {**jobs[1], "prompt": "", "script": "hello.py", "no_agent": True,
               "next_run_at": "2026-11-24T16:00:00-05:00"}
    jobs[0]["next_run_at"] = jobs[2]["next_run_at"] = "2026-11-30T09:00:00-05:00"
    write_jobs(home, jobs)
    writes: list[JobsWrite] = []
    scheduler = Scheduler(home, tz=NY, clock=lambda: datetime.now(UTC), on_jobs_written=writes.append)
    try:
        report = scheduler.tick()
        assert [r.ok for r in report.wait() if r] == [True]
    finally:
        scheduler.shutdown()
    assert [[r["id"] for r in w.changed] for w in writes] == [["job001"], ["job001"]]  # the claim, the outcome
    claim, outcome = (w.changed[0] for w in writes)
    assert claim["state"] == "running" and claim["run_claim"]
    assert outcome["last_status"] == "ok" and outcome.get("run_claim") is None
    assert writes[-1].signature == JobStore(home).signature()


@pytest.mark.parametrize("jobs", [5, 3000])  # a small file read whole, a large one record by record
def test_a_read_says_which_records_changed_since_an_earlier_read(home: HermesHome, jobs: int) -> None:
    write_jobs(home, records(jobs))
    store = JobStore(home, tz=NY, clock=lambda: NOW)
    first = store.load()
    data = json.loads(home.jobs_file.read_text())
    data["jobs"][3]["name"] = "Changed by Hermes"
    del data["jobs"][1]
    write_jobs(home, data["jobs"])
    second = store.load()
    changed, removed = second.changes_since(first.digests)
    assert [j["name"] for j in changed] == ["Changed by Hermes"]
    assert removed == ["job001"]
    assert second.changes_since(second.digests) == ([], [])


def test_a_file_made_malformed_by_another_program_is_never_written_over_from_the_kept_parse(home: HermesHome) -> None:
    from hermes_desktop.core.jobs import JobsFileError

    write_jobs(home, records(3))
    store, writes = watched(home)
    store.update("job000", name="First")  # the store keeps its parse of the file it wrote
    home.jobs_file.write_text('{"jobs": [ {"id": "job000", "name": "half a hand ed')  # someone's broken edit
    broken = home.jobs_file.read_bytes()
    with pytest.raises(JobsFileError):
        store.update("job001", name="Second")
    with pytest.raises(JobsFileError):
        store.with_records(len)
    assert home.jobs_file.read_bytes() == broken and len(writes) == 1


def test_a_change_that_names_its_records_writes_exactly_those_it_changed(home: HermesHome) -> None:
    """``mutate_some`` (a tick's claims) encodes only the records the change names: those that changed - and
    only those - are written and reported; a nested value edited in place counts; nothing changed writes
    nothing; adding records is refused (#12)."""
    write_jobs(home, records(6))
    store, writes = watched(home)
    before = home.jobs_file.stat().st_mtime_ns

    def nothing(recs: list[dict]) -> tuple[None, list[int]]:
        for rec in recs:
            rec["name"] = str(rec["name"])  # the same value set again
        return None, range(len(recs))  # type: ignore[return-value]

    store.mutate_some(nothing)
    assert writes == [] and home.jobs_file.stat().st_mtime_ns == before

    def claim(recs: list[dict]) -> tuple[None, list[int]]:
        recs[1]["state"] = "running"
        recs[4]["repeat"]["completed"] = 7  # nested, edited in place
        return None, [1, 3, 4]  # 3 looked at, not changed

    store.mutate_some(claim)
    assert [r["id"] for r in writes[0].changed] == ["job001", "job004"]
    on_disk = {r["id"]: r for r in json.loads(home.jobs_file.read_text())["jobs"]}
    assert on_disk["job001"]["state"] == "running" and on_disk["job004"]["repeat"]["completed"] == 7
    assert on_disk["job002"] == records(6)[2] and on_disk["job003"] == records(6)[3]  # the others as they were

    def grow(recs: list[dict]) -> tuple[None, list[int]]:
        recs.append({**HERMES_RECORD, "id": "job999", "name": "Added"})
        return None, []

    with pytest.raises(RuntimeError):
        store.mutate_some(grow)
    assert len(json.loads(home.jobs_file.read_text())["jobs"]) == 6 and len(writes) == 1
