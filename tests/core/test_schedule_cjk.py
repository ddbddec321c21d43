"""Schedules typed in Japanese or Chinese are stored as the same records as their English twins."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from hermes_desktop.core.schedule import ScheduleError, parse_schedule

NOW = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
TOKYO = ZoneInfo("Asia/Tokyo")


def stored(text: str) -> dict:
    """What decides when a job fires: the kind and its expression or minutes (``display`` keeps what was typed)."""
    record = parse_schedule(text, now=NOW, tz=TOKYO)
    return {k: v for k, v in record.items() if k != "display"}


@pytest.mark.parametrize(
    ("typed", "english"),
    [
        ("毎日 9時", "every day at 9:00"),
        ("毎日9:30", "every day at 9:30"),
        ("平日 9:00", "weekdays at 9:00"),
        ("毎週月曜 8:30", "every monday at 8:30"),
        ("毎週月・水・金 9時", "mondays, wednesdays and fridays at 9am"),
        ("毎月1日 9時", "on the 1st at 9am"),
        ("30分ごと", "every 30m"),
        ("2時間ごと", "every 2h"),
        ("毎時30分", "30 * * * *"),
        ("每天 9点", "every day at 9:00"),
        ("每天早上9点半", "every day at 9:30"),
        ("工作日 9:00", "weekdays at 9:00"),
        ("每週一 上午9點", "every monday at 9am"),
        ("每周一 下午3点", "every monday at 3pm"),
        ("每周一、三 9点", "every monday, wednesday at 9:00"),
        ("每30分钟", "every 30m"),
        ("每2小時", "every 2h"),
        ("每小时", "every hour"),
        ("每月1号 9点", "on the 1st at 9am"),
        ("毎日 ９：００", "every day at 9:00"),  # full-width digits and colon
        ("毎日　午後３時", "every day at 3pm"),  # full-width space
        ("毎日 午前0時", "every day at midnight"),
        ("毎日 午後0時", "daily at noon"),
        ("每天 晚上8点", "every day at 8pm"),
        ("每天 下午3点15分", "every day at 3:15pm"),
        ("週末 10時", "weekends at 10am"),
        ("每周一至周五 9点", "weekdays at 9:00"),  # a range of days, stored as its named set
        ("毎週月〜金 9時", "weekdays at 9am"),
        ("毎週土〜日 10時", "weekends at 10am"),
        ("每周五至周一 9点", "every friday, saturday, sunday and monday at 9:00"),  # on through the weekend
        ("每天 九点", "every day at 9:00"),  # numbers written in hanzi
        ("每两小时", "every 2h"),
    ],
)
def test_a_cjk_phrase_is_stored_as_its_english_twin(typed: str, english: str) -> None:
    assert stored(typed) == stored(english)


def test_the_record_keeps_what_was_typed_as_its_display() -> None:
    record = parse_schedule("毎日 9時", now=NOW, tz=TOKYO)
    assert record == {"kind": "cron", "expr": "0 9 * * *", "display": "毎日 9時"}
    assert parse_schedule("30分ごと", now=NOW, tz=TOKYO) == parse_schedule("every 30m", now=NOW, tz=TOKYO)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("毎日", "needs_time"),  # every day - but when?
        ("每周一", "needs_time"),
        ("毎週月曜日", "needs_time"),
        ("毎日 午後12時", "ambiguous_time"),  # noon or midnight: refused, not guessed
        ("每天 晚上12点", "ambiguous_time"),
        ("每天 上午12点", "ambiguous_time"),
        ("毎日 25時", "bad_time"),
        ("毎日 9時70分", "bad_time"),
        ("每天 9:5", "bad_time"),
        ("每月32号 9点", "bad_time"),
        ("毎週 9時", "unknown"),  # which day?
        ("毎月 9時", "unknown"),  # which day of the month?
        ("天気がいい日", "unknown"),
        ("0分ごと", "bad_interval"),
    ],
)
def test_ambiguous_or_nonsense_cjk_is_refused_with_a_reason(typed: str, code: str) -> None:
    with pytest.raises(ScheduleError) as info:
        parse_schedule(typed, now=NOW, tz=TOKYO)
    assert info.value.code == code
    assert info.value.detail in str(info.value)


def test_cjk_garbage_is_refused_and_never_crashes() -> None:
    import contextlib
    import random

    rng = random.Random(11)
    alphabet = "毎每日天週周月曜一二三五十点點時分半午前後上下晚平工作ごと小时隔号0123456789:：９　 、至〜"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        with contextlib.suppress(ScheduleError):
            record = parse_schedule(text, now=NOW, tz=TOKYO)
            assert record["kind"] in ("cron", "interval")
