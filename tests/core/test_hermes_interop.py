"""The app and the real Hermes (hermes-agent 0.19.0) read and write one home the same way."""

from __future__ import annotations

import json

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.zone import forget_zones
from tests.hermes_agent import needs_hermes, run_hermes_python

pytestmark = needs_hermes


def hermes_create(home: HermesHome, schedule: str, prompt: str = "p") -> dict:
    out = run_hermes_python(home.root, (
        "import json\nfrom cron.jobs import create_job\n"
        f"print(json.dumps(create_job(prompt={prompt!r}, schedule={schedule!r})))"))
    return json.loads(out.strip().splitlines()[-1])


def test_both_programs_place_a_daily_job_in_hermes_time_zone(home: HermesHome) -> None:
    (home.root / "config.yaml").write_text("timezone: Asia/Tokyo\n")
    forget_zones()
    theirs = hermes_create(home, "0 9 * * *")
    ours = JobStore(home).create("0 9 * * *", "p")
    assert ours["next_run_at"] == theirs["next_run_at"] and theirs["next_run_at"].endswith("T09:00:00+09:00")
    # re-saving Hermes' job in the app (a rename, the schedule as shown) moves nothing
    edited = JobStore(home).update(theirs["id"], name="Morning", schedule="0 9 * * *")
    assert edited["next_run_at"] == theirs["next_run_at"]


def test_a_six_field_job_made_by_hermes_is_listed(home: HermesHome) -> None:
    theirs = hermes_create(home, "*/5 * * * * 30")
    snap = JobStore(home).load()
    assert [j["id"] for j in snap.jobs] == [theirs["id"]] and snap.problems == []


def test_hermes_lists_what_the_app_writes(home: HermesHome) -> None:
    ours = JobStore(home).create("every 2h", "Check the build", name="Build watch")
    code = ("import json\nfrom cron.jobs import list_jobs\n"
            "print(json.dumps([[j['id'], j['name'], j['next_run_at']] for j in list_jobs()]))")
    out = run_hermes_python(home.root, code)
    assert json.loads(out.strip().splitlines()[-1]) == [[ours["id"], "Build watch", ours["next_run_at"]]]
