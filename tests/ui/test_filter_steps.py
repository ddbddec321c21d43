"""The cron window's search, typed a key at a time (narrowing reuses the rows shown) or edited back, always
lists exactly the matching jobs in title order (#12: the narrowing path skips the re-sort)."""

from __future__ import annotations

import random

from hermes_desktop.core.job_view import search_text
from hermes_desktop.ui.cron_window import ManageJobsProxy
from hermes_desktop.ui.models import CronJobsModel, Role

WORDS = ["backup", "brief", "build", "bake", "job", "jobs", "disk", "dentist", "daily"]


def test_typing_and_deleting_always_lists_the_matching_jobs_in_order() -> None:
    rng = random.Random(7)
    jobs = []
    for i in range(300):
        name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}"
        jobs.append({"id": f"{i:012x}", "name": name, "prompt": rng.choice(WORDS),
                     "schedule": {"kind": "interval", "minutes": 5}, "schedule_display": "every 5m"})
    model = CronJobsModel()
    model.apply(jobs)
    proxy = ManageJobsProxy(model)
    typed = ""
    for _ in range(200):
        if typed and rng.random() < 0.3:
            typed = typed[: rng.randrange(len(typed))]  # backspace, or select and delete
        else:
            typed += rng.choice("abcdeijklnorstuy 0123456789")
        proxy.setFilterFixedString(typed)
        shown = [proxy.index(r, 0).data(Role.Id) for r in range(proxy.rowCount())]
        want = typed.strip().lower()
        expected = sorted((j for j in jobs if want in search_text(j)), key=lambda j: (j["name"].casefold(), j["id"]))
        assert shown == [j["id"] for j in expected], typed
