"""The fields Hermes gives a job: stored in Hermes' shape, refused as Hermes refuses them, carried by a copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.job_fields import FieldError, check_deliver, copy_of
from hermes_desktop.core.jobs import JobError, JobStore


def on_disk(home: HermesHome, job_id: str) -> dict:
    return next(j for j in json.loads(home.jobs_file.read_text())["jobs"] if j["id"] == job_id)


def test_every_field_is_stored_as_hermes_stores_it(home: HermesHome, tmp_path: Path) -> None:
    store = JobStore(home)
    source = store.create("every 1h", "Collect the numbers")
    folder = tmp_path / "project"
    folder.mkdir()
    job = store.create("every 2h", " Summarize ", name="Digest", deliver=["telegram", " discord:-100123:17 "],
                       skills=["arxiv", " notes ", "arxiv"], enabled_toolsets="web, terminal", workdir=str(folder),
                       context_from=source["id"], model=" gpt-x ", provider="custom",
                       base_url="http://127.0.0.1:8000/v1/", repeat=3)
    rec = on_disk(home, job["id"])
    assert rec["deliver"] == "telegram,discord:-100123:17"
    assert rec["skills"] == ["arxiv", "notes"] and rec["skill"] == "arxiv"
    assert rec["enabled_toolsets"] == ["web", "terminal"]
    assert rec["workdir"] == str(folder.resolve())
    assert rec["context_from"] == [source["id"]]
    assert (rec["model"], rec["provider"], rec["base_url"]) == ("gpt-x", "custom", "http://127.0.0.1:8000/v1")
    assert rec["repeat"] == {"times": 3, "completed": 0} and rec["prompt"] == "Summarize"
    # a blank job says none of them
    plain = on_disk(home, source["id"])
    assert (plain["deliver"], plain["skills"], plain["skill"], plain["enabled_toolsets"], plain["workdir"],
            plain["context_from"]) == ("local", [], None, None, None, None)


def test_update_changes_the_new_fields_and_keeps_unknown_ones(home: HermesHome, tmp_path: Path) -> None:
    store = JobStore(home)
    job = store.create("every 1h", "p")
    store.mutate(lambda rs: rs[0].update(future_hermes_field={"kept": [1, 2]}, origin={"platform": "telegram"}))
    store.update(job["id"], deliver="origin,all", skills=[], enabled_toolsets=None, workdir=str(tmp_path))
    rec = on_disk(home, job["id"])
    assert rec["deliver"] == "origin,all" and rec["skills"] == [] and rec["skill"] is None
    assert rec["workdir"] == str(tmp_path.resolve())
    assert rec["future_hermes_field"] == {"kept": [1, 2]} and rec["origin"] == {"platform": "telegram"}
    store.update(job["id"], workdir="")
    assert on_disk(home, job["id"])["workdir"] is None


@pytest.mark.parametrize(("fields", "field", "code"), [
    ({"deliver": "carrier_pigeon"}, "deliver", "unknown"),
    ({"deliver": "telegram:"}, "deliver", "malformed"),
    ({"deliver": "local:123"}, "deliver", "malformed"),
    ({"deliver": "tele gram"}, "deliver", "malformed"),
    ({"enabled_toolsets": ["web", "cronjob"]}, "enabled_toolsets", "denied"),
    ({"workdir": "relative/folder"}, "workdir", "relative"),
    ({"workdir": "/no/such/folder/anywhere"}, "workdir", "missing"),
    ({"context_from": "../escape"}, "context_from", "bad_id"),
    ({"context_from": "abcdef123456"}, "context_from", "missing"),
    ({"base_url": "http://example.com/v1"}, "provider", "required"),
    ({"script": "/etc/passwd"}, "script", "outside"),
    ({"no_agent": True}, "script", "required"),
    ({"prompt": ""}, "prompt", "required"),
])
def test_refusals_name_their_field(home: HermesHome, fields: dict, field: str, code: str) -> None:
    store = JobStore(home)
    store.create("every 2h", "already here", name="kept")
    before = home.jobs_file.read_bytes()
    args = {"prompt": "p", **fields}
    with pytest.raises(FieldError) as caught:
        store.create("every 1h", args.pop("prompt"), **args)
    assert (caught.value.field, caught.value.code) == (field, code)
    assert isinstance(caught.value, JobError) and str(caught.value)
    assert home.jobs_file.read_bytes() == before  # refused: nothing written
    assert [j["name"] for j in json.loads(before)["jobs"]] == ["kept"]


def test_refusals_on_update_leave_the_job_as_it_was(home: HermesHome) -> None:
    store = JobStore(home)
    job = store.create("every 1h", "p", deliver="telegram")
    before = home.jobs_file.read_text()
    for changes in ({"deliver": "nowhere"}, {"context_from": ["0123456789ab"]}, {"enabled_toolsets": ["clarify"]},
                    {"base_url": "http://x/v1"}):
        with pytest.raises(FieldError):
            store.update(job["id"], **changes)
    assert home.jobs_file.read_text() == before


def test_an_older_job_with_a_base_url_alone_can_still_be_renamed(home: HermesHome) -> None:
    store = JobStore(home)
    job = store.create("every 1h", "p")
    store.mutate(lambda rs: rs[0].update(base_url="http://x/v1"))
    assert store.update(job["id"], name="renamed")["name"] == "renamed"


def test_agent_jobs_may_run_on_skills_alone(home: HermesHome) -> None:
    job = JobStore(home).create("every 1h", "", skills=["daily-digest"])
    assert job["prompt"] == "" and job["skills"] == ["daily-digest"]


def test_deliver_reads_lists_and_drops_local_beside_other_targets() -> None:
    assert check_deliver(None) == "local"
    assert check_deliver(["local", "Telegram", "telegram"]) == "telegram"
    assert check_deliver("local") == "local"
    assert check_deliver("email, webhook:abc") == "email,webhook:abc"


def test_a_copy_starts_paused_with_no_run_behind_it(home: HermesHome) -> None:
    store = JobStore(home)
    job = store.create("every 1h", "p", name="Brief", deliver="telegram", skills=["s"])
    store.mutate(lambda rs: rs[0].update(
        last_run_at="2026-11-25T10:00:00+00:00", last_status="error", last_error="boom", last_delivery_error="x",
        run_claim={"at": "2026-11-25T10:00:00+00:00", "by": "someone"}, repeat={"times": 5, "completed": 2},
        origin={"platform": "telegram", "chat_id": "1"}, future_hermes_field=7, provider_snapshot="openrouter"))
    original = store.get(job["id"])
    start = copy_of(original, "Brief (copy)")
    assert start["name"] == "Brief (copy)" and start["state"] == "paused" and start["enabled"] is False
    assert start["repeat"] == {"times": 5, "completed": 0}
    for gone in ("id", "run_claim", "last_run_at", "last_status", "last_error", "last_delivery_error",
                 "next_run_at", "created_at", "provider_snapshot"):
        assert gone not in start, gone
    copy = store.create("every 1h", start["prompt"], name=start["name"], deliver=start["deliver"],
                        skills=start["skills"], repeat=5, paused=True, like=start)
    rec = on_disk(home, copy["id"])
    assert rec["id"] != job["id"] and rec["state"] == "paused" and rec["enabled"] is False and rec["paused_at"]
    assert rec["origin"] == {"platform": "telegram", "chat_id": "1"} and rec["future_hermes_field"] == 7
    assert rec["last_run_at"] is None and rec["last_error"] is None and "run_claim" not in rec
    assert "last_delivery_error" not in rec and "provider_snapshot" not in rec
    assert rec["repeat"] == {"times": 5, "completed": 0}
    assert on_disk(home, job["id"])["last_error"] == "boom"  # the original is untouched
