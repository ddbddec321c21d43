"""Schedules typed in Japanese or Chinese, turned into the English forms :mod:`.schedule` reads.

People type "毎日 9時", "平日 9:00", "每周一 下午3点" or "30分ごと" the way they
say them. Rather than a second parser, this front end reads such a phrase
with a few word tables (how a language says "every day", "weekdays", a
weekday, "every N minutes", a time of day) and rewrites it as the English
phrase that means the same - "every day at 9:00", "every mon at 15:00",
"every 30m" - which the English parser then turns into exactly the record
its English twin gets. So a schedule typed in any language is stored as
the same cron or interval record, and only one parser decides what a
schedule means.

A phrase is read whole or refused with a reason: an hour that a period
word makes ambiguous ("午後12時", "晚上12点") or a repeating schedule
without a time ("毎日") is refused rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# (words, what they mean). Longer words are tried first, so "毎週末" wins over "毎週".
DAILY = ("毎日", "每天", "每日", "天天")
WEEKDAYS = ("毎平日", "平日", "每个工作日", "每個工作日", "每工作日", "工作日")
WEEKENDS = ("毎週末", "週末", "土日", "每个周末", "每個週末", "每周末", "每週末", "周末")
WEEKLY = ("毎週", "每周", "每週", "每星期", "每礼拜", "每禮拜")
MONTHLY = ("毎月", "每月", "每个月", "每個月")
HOURLY = ("毎時", "每小时整点", "每小時整點")

# Weekday words (cron numbers, 0 = Sunday). Japanese names stand alone or after 毎週; Chinese
# numerals only after a week word ("每周一", "星期三").
JA_DAYS = {"日": 0, "月": 1, "火": 2, "水": 3, "木": 4, "金": 5, "土": 6}
ZH_DAYS = {"日": 0, "天": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
ZH_WEEK = ("星期", "礼拜", "禮拜", "周", "週")
DAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
LIST_MARKS = "、,・と和及"
RANGE_MARKS = "至到〜~-－"  # "周一至周五", "月〜金": every day from the one to the other

# Interval units: (the words, minutes per unit).
UNITS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("分钟", "分鐘", "分間", "分"), 1),
    (("个小时", "個小時", "小时", "小時", "時間", "钟头", "鐘頭"), 60),
    (("天", "日"), 1440),
)
EVERY_AFTER = ("ごと", "毎", "おき", "おきに", "ごとに")  # "30分ごと"
EVERY_BEFORE = ("每隔", "每", "毎")  # "每30分钟", "毎30分"

# Words before an hour, and how they move it: a function of the hour (None when it is ambiguous).
PERIODS: dict[str, Callable[[int], int | None]] = {
    "午前": lambda h: h if 0 <= h <= 11 else None,  # 午前0時 is midnight; 午前12時 is read both ways
    "上午": lambda h: h if 0 <= h <= 11 else None,
    "早上": lambda h: h if 0 <= h <= 11 else None,
    "早晨": lambda h: h if 0 <= h <= 11 else None,
    "朝": lambda h: h if 0 <= h <= 11 else None,
    "凌晨": lambda h: h if 0 <= h <= 5 else None,
    "午後": lambda h: h + 12 if 0 <= h <= 11 else None,  # 午後0時 is noon; 午後12時 is read both ways
    "下午": lambda h: h + 12 if 1 <= h <= 11 else None,
    "中午": lambda h: 12 if h == 12 else (h + 12 if 1 <= h <= 2 else None),
    "夕方": lambda h: h + 12 if 3 <= h <= 8 else None,
    "傍晚": lambda h: h + 12 if 3 <= h <= 8 else None,
    "晚上": lambda h: h + 12 if 5 <= h <= 11 else None,  # 晚上12点 could be today's or tomorrow's midnight
    "夜": lambda h: h + 12 if 5 <= h <= 11 else None,
}
FIXED_TIMES = {"正午": (12, 0), "午夜": (0, 0)}
HOUR_MARKS = ("時", "点", "點")
MINUTE_MARKS = ("分",)
HALF = "半"
FILLERS = ("に", "の", "在", "于", "於", "は", "から")

NUMERALS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
            "八": 8, "九": 9}
TEN = "十"

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


class Refusal(ValueError):
    """A CJK phrase that cannot be used: ``code`` is one of :class:`~.schedule.ScheduleError`'s codes."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


def widen(text: str) -> str:
    """Full-width digits, colons and spaces ("９：００") as plain ones (NFKC), other text as typed."""
    return unicodedata.normalize("NFKC", text)


def is_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def to_english(text: str) -> str:
    """A Japanese or Chinese schedule as the English form that means the same; :class:`Refusal` otherwise.

    ``text`` has been widened (:func:`widen`) already.
    """
    compact = "".join(text.split())
    for reader in (_interval, _hourly, _daily, _weekdays, _weekends, _weekly, _monthly):
        found = reader(compact)
        if found is not None:
            return found
    shown = text if len(text) <= 40 else text[:40] + "…"
    raise Refusal("unknown", f"{shown!r} is not a schedule this app understands.")


# --------------------------------------------------------------------------- pieces


def _strip_prefix(text: str, words: tuple[str, ...]) -> str | None:
    for word in sorted(words, key=len, reverse=True):
        if text.startswith(word):
            return text[len(word):]
    return None


def _strip_suffix(text: str, words: tuple[str, ...]) -> str | None:
    for word in sorted(words, key=len, reverse=True):
        if text.endswith(word):
            return text[: -len(word)]
    return None


def _leading_number(text: str) -> tuple[int, str] | None:
    digits = len(text) - len(text.lstrip("0123456789"))
    if digits == 0 or digits > 7:
        return None
    return int(text[:digits]), text[digits:]


def _numerals(text: str) -> str:
    """Numbers written in kanji/hanzi up to 99 as digits ("九時" → "9時", "二十三点" → "23点", "十五分" → "15分")."""
    out, run = [], ""
    for ch in text + " ":
        if ch in NUMERALS or ch == TEN:
            run += ch
            continue
        if run:
            tens, _, ones = run.rpartition(TEN)
            if TEN in run and len(tens) <= 1 and len(ones) <= 1:
                value = (NUMERALS.get(tens, 1) if tens else 1) * 10 + (NUMERALS[ones] if ones else 0)
                out.append(str(value))
            elif len(run) == 1:
                out.append(str(NUMERALS[run]))
            else:
                out.append(run)  # "一二三": not a number people write; left for the reader to refuse
            run = ""
        out.append(ch)
    return "".join(out[:-1])


def _time(text: str, whole: str) -> str:
    """A time of day ("9時", "下午3点半", "9:30", "午前9時15分", "九点") as "H:MM"; the phrase needs one."""
    rest = _numerals(text)
    while rest[:1] in FILLERS and rest:
        rest = rest[1:]
    if rest.endswith(FILLERS):
        rest = _strip_suffix(rest, FILLERS) or ""
    if not rest:
        raise Refusal("needs_time", f"{whole!r} does not say at what time; add one, like 9:00.")
    if rest in FIXED_TIMES:
        h, m = FIXED_TIMES[rest]
        return f"{h}:{m:02d}"
    period = next((p for p in sorted(PERIODS, key=len, reverse=True) if rest.startswith(p)), None)
    if period:
        rest = rest[len(period):]
    number = _leading_number(rest)
    if number is None:
        raise Refusal("bad_time", f"{whole!r}: {text!r} is not a time of day (try 9:00 or 9時).")
    hour, rest = number
    minute = 0
    if rest.startswith(":"):
        number = _leading_number(rest[1:])
        if number is None or len(rest[1:]) - len(number[1]) != 2:
            raise Refusal("bad_time", f"{whole!r}: {text!r} is not a time of day (try 9:00 or 9時).")
        minute, rest = number
    elif rest[:1] in HOUR_MARKS:
        rest = rest[1:]
        if rest == HALF:
            minute, rest = 30, ""
        elif rest:
            number = _leading_number(rest)
            if number is None or number[1] not in (*MINUTE_MARKS, ""):
                raise Refusal("bad_time", f"{whole!r}: {text!r} is not a time of day (try 9:00 or 9時).")
            minute, rest = number[0], ""
    if rest:
        raise Refusal("bad_time", f"{whole!r}: {text!r} is not a time of day (try 9:00 or 9時).")
    if period:
        moved = PERIODS[period](hour)
        if moved is None:
            raise Refusal("ambiguous_time", f"{whole!r}: {period}{hour} can be read two ways; "
                                            "write the hour from 0 to 23, like 0:00 or 12:00.")
        hour = moved
    if hour > 23 or minute > 59:
        raise Refusal("bad_time", f"{whole!r}: {text!r} is not a time of day (hours 0-23, minutes 0-59).")
    return f"{hour}:{minute:02d}"


def _days(text: str, after_week: bool) -> tuple[list[int], str]:
    """Weekdays at the start of ``text`` ("月曜", "月・水・金", "一", "周一和周三", "周一至周五"), and what follows.

    ``after_week``: the text follows a week word ("每周"), so a bare Chinese numeral is a day.
    """
    days: list[int] = []
    rest = text
    range_from: int | None = None
    while rest:
        week = _strip_prefix(rest, ZH_WEEK)
        if week is not None and week[:1] in ZH_DAYS:
            day, rest = ZH_DAYS[week[0]], week[1:]
        elif rest[:1] in JA_DAYS:
            day, rest = JA_DAYS[rest[0]], rest[1:]
            stripped = _strip_prefix(rest, ("曜日", "曜"))
            rest = rest if stripped is None else stripped
        elif rest[:1] in ZH_DAYS and rest[:1] not in JA_DAYS and (days or after_week):
            day, rest = ZH_DAYS[rest[0]], rest[1:]  # "每周一、三": later days without their week word
        else:
            break
        if range_from is not None:  # Monday = 1 … Sunday = 7, so "土〜日" is Saturday and Sunday
            end = 7 if day == 0 else day
            if end < range_from:  # "周五至周一": on through the weekend
                end += 7
            days.extend(d % 7 for d in range(range_from, end + 1))
            range_from = None
        else:
            days.append(day)
        if rest[:1] in RANGE_MARKS and days:
            range_from = 7 if days[-1] == 0 else days[-1]
            rest = rest[1:]
        elif rest[:1] in LIST_MARKS:
            rest = rest[1:]
        else:
            break
    return days, rest


# --------------------------------------------------------------------------- phrases


def _interval(text: str) -> str | None:
    """"30分ごと", "2時間ごと", "每30分钟", "每隔2小時", "每小时", "每两小时" → "every 30m"."""
    body = _strip_suffix(text, EVERY_AFTER)
    if body is None:
        body = _strip_prefix(text, EVERY_BEFORE)
        if body is None:
            return None
    body = _numerals(body)
    number = _leading_number(body)
    count, unit_text = number if number is not None else (1, body)
    for words, minutes in UNITS:
        if unit_text in words:
            if minutes == 1440 and number is None:
                return None  # "每天", "毎日": every day at a time, read as a daily phrase
            return f"every {count * minutes}m"
    return None


def _hourly(text: str) -> str | None:
    """"毎時" → hourly; "毎時30分" → at minute 30 of every hour (a cron expression)."""
    rest = _strip_prefix(text, HOURLY)
    if rest is None:
        return None
    if rest in ("", "0分", "00分"):
        return "hourly"
    number = _leading_number(rest)
    if number is None or number[1] not in MINUTE_MARKS or number[0] > 59:
        raise Refusal("bad_time", f"{text!r}: say the minute past each hour, like 毎時30分.")
    return f"{number[0]} * * * *"


def _daily(text: str) -> str | None:
    rest = _strip_prefix(text, DAILY)
    return None if rest is None else f"every day at {_time(rest, text)}"


def _weekdays(text: str) -> str | None:
    rest = _strip_prefix(text, WEEKDAYS)
    return None if rest is None else f"weekdays at {_time(rest, text)}"


def _weekends(text: str) -> str | None:
    rest = _strip_prefix(text, WEEKENDS)
    return None if rest is None else f"weekends at {_time(rest, text)}"


def _weekly(text: str) -> str | None:
    """"毎週月曜 8:30", "每周一 下午3点", "星期三9点", "毎週月・木 9時"."""
    rest = _strip_prefix(text, WEEKLY)
    after_week = rest is not None
    if rest is None:
        if _strip_prefix(text, ZH_WEEK) is None:
            return None
        rest = text  # "星期一 9点": the week word belongs to the day
    days, rest = _days(rest, after_week)
    if not days:
        raise Refusal("unknown", f"{text!r}: say which day of the week, like 毎週月曜 or 每周一.")
    at = _time(rest, text)
    chosen = sorted(set(days))
    # the same days as a named set are stored as that set's English phrase stores them ("1-5", not "1,2,3,4,5")
    named = {(1, 2, 3, 4, 5): "weekdays at", (0, 6): "weekends at", tuple(range(7)): "every day at"}
    if tuple(chosen) in named:
        return f"{named[tuple(chosen)]} {at}"
    return f"every {','.join(DAY_NAMES[d] for d in chosen)} at {at}"


def _monthly(text: str) -> str | None:
    """"毎月1日 9時", "每月1号 9点", "每月15日上午10点"."""
    rest = _strip_prefix(text, MONTHLY)
    if rest is None:
        return None
    rest = _numerals(rest)
    number = _leading_number(rest)
    if number is None or number[1][:1] not in ("日", "号", "號"):
        raise Refusal("unknown", f"{text!r}: say which day of the month, like 毎月1日 or 每月1号.")
    day, rest = number[0], number[1][1:]
    if not 1 <= day <= 31:
        raise Refusal("bad_time", f"There is no day {day} in a month.")
    return f"monthly on the {day} at {_time(rest, text)}"
