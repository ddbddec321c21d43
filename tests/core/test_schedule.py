from __future__ import annotations

import contextlib
import itertools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core.schedule import (
    ScheduleError,
    describe,
    grace_seconds,
    next_run,
    next_runs,
    parse_schedule,
    to_record,
)

NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
KOLKATA = ZoneInfo("Asia/Kolkata")
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=NY)


def local(dt: datetime, tz: ZoneInfo) -> str:
    return dt.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("every 30m", "interval", 30),
        ("30m", "interval", 30),
        ("2h", "interval", 120),
        ("1d", "interval", 1440),
        ("every 90 minutes", "interval", 90),
        ("every hour", "interval", 60),
        ("0 9 * * *", "cron", "0 9 * * *"),
        ("0 9 * * MON-FRI", "cron", "0 9 * * MON-FRI"),
        ("0 0 1 JAN *", "cron", "0 0 1 JAN *"),
        ("@hourly", "cron", "0 * * * *"),
        ("@daily", "cron", "0 0 * * *"),
        ("@weekly", "cron", "0 0 * * 0"),
        ("@monthly", "cron", "0 0 1 * *"),
        ("@yearly", "cron", "0 0 1 1 *"),
        ("weekdays at 9am", "cron", "0 9 * * 1-5"),
        ("every monday 9am", "cron", "0 9 * * 1"),
        ("every day at 18:30", "cron", "30 18 * * *"),
        ("hourly", "cron", "0 * * * *"),
        ("daily at noon", "cron", "0 12 * * *"),
        ("mondays and fridays at 7:15pm", "cron", "15 19 * * 1,5"),
        ("weekends at 10am", "cron", "0 10 * * 0,6"),
        ("on the 15th at 8am", "cron", "0 8 15 * *"),
    ],
)
def test_parses_what_people_type(text: str, kind: str, value: object) -> None:
    sched = parse_schedule(text, now=NOW, tz=NY)
    assert sched["kind"] == kind
    assert sched["minutes" if kind == "interval" else "expr"] == value
    assert sched["display"]


def test_one_shots_relative_and_absolute() -> None:
    rel = parse_schedule("in 20m", now=NOW, tz=NY)
    assert rel["kind"] == "once"
    assert datetime.fromisoformat(rel["run_at"]) == NOW + timedelta(minutes=20)

    naive = parse_schedule("2026-07-04T14:00", now=NOW, tz=NY)
    assert naive["run_at"] == "2026-07-04T14:00:00-04:00"  # read in the user's zone, summer offset
    aware = parse_schedule("2026-07-04T14:00+09:00", now=NOW, tz=NY)
    assert aware["run_at"] == "2026-07-04T14:00:00+09:00"
    spaced = parse_schedule("2026-07-04 14:00", now=NOW, tz=NY)
    assert spaced["run_at"] == naive["run_at"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("61 * * * *", "bad_cron"),
        ("every 0m", "bad_interval"),
        ("0m", "bad_interval"),
        ("0 9 31 2 *", "never"),
        ("", "empty"),
        ("   ", "empty"),
        ("x" * 10_000, "too_long"),
        ("0 0 * * * * * *", "bad_cron"),
        ("@sometimes", "bad_cron"),
        ("every tuesday at 25", "bad_time"),
        ("weekdays at 13pm", "bad_time"),
        ("2020-01-01T00:00", "past"),
        ("2026-07-04", "bad_time"),
        ("in a while", "bad_interval"),
        ("whenever you like", "unknown"),
        ("9am", "unknown"),
    ],
)
def test_bad_input_is_refused_with_a_reason_and_the_forms_that_work(text: str, code: str) -> None:
    with pytest.raises(ScheduleError) as info:
        parse_schedule(text, now=NOW, tz=NY)
    assert info.value.code == code
    message = str(info.value)
    assert info.value.detail in message
    assert "every 30m" in message and "0 9 * * 1-5" in message and "weekdays at 9am" in message
    assert len(message) < 600  # 10 kB of garbage is not echoed back


def test_garbage_is_refused_quickly_and_never_crashes() -> None:
    import random

    rng = random.Random(7)
    alphabet = "0123456789*/-, abcdefmonjan@:TZ+"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        with contextlib.suppress(ScheduleError):
            parse_schedule(text, now=NOW, tz=NY)


# --------------------------------------------------------------------------- DST


def test_new_york_spring_forward_missing_time_fires_once_at_first_valid_instant() -> None:
    sched = parse_schedule("30 2 * * *", tz=NY)
    runs = next_runs(sched, datetime(2026, 3, 7, 12, tzinfo=NY), 3, NY)
    assert [local(r.at, NY) for r in runs] == [
        "2026-03-08 03:00 EDT",  # 02:30 does not exist that day
        "2026-03-09 02:30 EDT",
        "2026-03-10 02:30 EDT",
    ]
    assert runs[0].dst == "moved"
    assert runs[1].dst is None


def test_new_york_fall_back_repeated_time_fires_once() -> None:
    sched = parse_schedule("30 1 * * *", tz=NY)
    runs = next_runs(sched, datetime(2026, 10, 31, 12, tzinfo=NY), 2, NY)
    assert [local(r.at, NY) for r in runs] == ["2026-11-01 01:30 EDT", "2026-11-02 01:30 EST"]
    assert runs[0].dst == "ambiguous"
    # Asked again during the second pass of 01:xx, the run that already happened is not repeated.
    second_pass = datetime(2026, 11, 1, 6, 10, tzinfo=UTC)  # 01:10 EST
    assert local(next_run(sched, second_pass, NY), NY) == "2026-11-02 01:30 EST"


def test_hourly_jobs_run_in_both_passes_of_a_repeated_hour() -> None:
    sched = parse_schedule("30 * * * *", tz=NY)
    runs = next_runs(sched, datetime(2026, 11, 1, 0, 0, tzinfo=NY), 4, NY)
    gaps = [(b.at - a.at) for a, b in itertools.pairwise(runs)]
    assert gaps == [timedelta(hours=1)] * 3


def test_berlin_spring_forward_and_fall_back() -> None:
    sched = parse_schedule("30 2 * * *", tz=BERLIN)
    spring = next_runs(sched, datetime(2026, 3, 28, 12, tzinfo=BERLIN), 2, BERLIN)
    assert [local(r.at, BERLIN) for r in spring] == ["2026-03-29 03:00 CEST", "2026-03-30 02:30 CEST"]
    fall = next_runs(sched, datetime(2026, 10, 24, 12, tzinfo=BERLIN), 3, BERLIN)
    assert [local(r.at, BERLIN) for r in fall] == [
        "2026-10-25 02:30 CEST", "2026-10-26 02:30 CET", "2026-10-27 02:30 CET"
    ]


def test_half_hour_zone() -> None:
    sched = parse_schedule("weekdays at 9am", tz=KOLKATA)
    runs = next_runs(sched, datetime(2026, 3, 6, 10, tzinfo=KOLKATA), 2, KOLKATA)  # a Friday
    assert [to_record(r.at, KOLKATA) for r in runs] == ["2026-03-09T09:00:00+05:30", "2026-03-10T09:00:00+05:30"]


def test_intervals_are_exact_elapsed_time_across_dst() -> None:
    sched = parse_schedule("every 60m")
    start = datetime(2026, 3, 8, 1, 0, tzinfo=NY)
    runs = next_runs(sched, start, 3, NY)
    assert [(r.at - start) for r in runs] == [timedelta(hours=1), timedelta(hours=2), timedelta(hours=3)]
    assert local(runs[0].at, NY) == "2026-03-08 03:00 EDT"  # one real hour after 01:00 EST


def test_one_shot_next_run() -> None:
    sched = parse_schedule("2026-07-04T14:00", now=NOW, tz=NY)
    assert next_run(sched, NOW, NY) == datetime(2026, 7, 4, 18, 0, tzinfo=UTC)
    assert next_run(sched, datetime(2026, 7, 5, tzinfo=NY), NY) is None


# --------------------------------------------------------------------------- grace and words


@pytest.mark.parametrize(
    ("text", "grace"),
    [("every 1m", 120), ("every 30m", 900), ("every 10h", 7200), ("@daily", 7200), ("*/10 * * * *", 300)],
)
def test_grace_is_half_the_period_clamped(text: str, grace: int) -> None:
    assert grace_seconds(parse_schedule(text, now=NOW, tz=NY), NOW, NY) == grace


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("every 30m", "interval"),
        ("in 5m", "once"),
        ("*/15 * * * *", "every_minutes"),
        ("15 * * * *", "hourly"),
        ("0 */2 * * *", "every_hours"),
        ("30 18 * * *", "daily"),
        ("0 9 * * MON-FRI", "weekdays"),
        ("0 10 * * 0,6", "weekends"),
        ("every monday 9am", "weekly"),
        ("0 8 15 * *", "monthly"),
        ("0 0 1 1 *", "yearly"),
        ("*/5 9-17 * * 1-5", "cron"),
    ],
)
def test_description_shapes(text: str, shape: str) -> None:
    assert describe(parse_schedule(text, now=NOW, tz=NY), NY).shape == shape


def test_weekly_description_keeps_the_days() -> None:
    desc = describe(parse_schedule("mondays and fridays at 7:15pm", now=NOW, tz=NY), NY)
    assert (desc.days, desc.hour, desc.minute) == ((1, 5), 19, 15)
