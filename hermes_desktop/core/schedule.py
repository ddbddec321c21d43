"""Schedules: what a person types, what is stored, and when it fires next.

Three kinds are stored, exactly as Hermes stores them in ``jobs.json``:

* ``{"kind": "interval", "minutes": 30, "display": "every 30m"}`` - exact elapsed time;
* ``{"kind": "once", "run_at": "2026-02-03T14:00:00+01:00", "display": ...}``;
* ``{"kind": "cron", "expr": "0 9 * * 1-5", "display": ...}`` - wall-clock times
  in an IANA zone.

Cron times are computed on the wall clock and only then placed in the zone, so
a daylight-saving change neither skips nor doubles a run: a time that does not
exist that day fires once at the first valid instant after it, and a time
that occurs twice fires once (jobs that run every hour, whose hour field is
``*``, run in both passes of a repeated hour, as they run every hour).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from croniter import CroniterBadDateError, croniter

from . import schedule_cjk

MAX_INPUT = 200
MIN_GRACE_S = 120
MAX_GRACE_S = 7200
ONESHOT_GRACE_S = 120
MAX_INTERVAL_MIN = 366 * 24 * 60
# The furthest a one-shot may be set from now ("in 9999999d" is a typo, not a plan), and the
# largest interval a stored record may hold before it is a bad record (Hermes writes any
# whole number of minutes; past a century the dates stop being representable).
MAX_AHEAD_DAYS = 100 * 366
MAX_STORED_INTERVAL_MIN = MAX_AHEAD_DAYS * 24 * 60

FORMS = (
    "every 30m · 2h · 1d (repeat)",
    "in 20m · 2026-02-03T14:00 (once)",
    "0 9 * * 1-5 · @daily (cron)",
    "weekdays at 9am · every monday 9am · every day at 18:30 · hourly · daily at noon",
    "毎日 9:00 · 平日 9時 · 30分ごと · 每天 9点 · 每周一 下午3点 · 每2小时",
)

ALIASES = {
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
    "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}
DAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY_WORDS = {
    **{d: i for i, d in enumerate(DAY_NAMES)},
    **{w: i for i, w in enumerate(("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"))},
    "tues": 2, "wednes": 3, "thur": 4, "thurs": 4,
}


class ScheduleError(ValueError):
    """A schedule that cannot be used, with the reason and the forms that work.

    ``code`` names the reason for translated messages; ``detail`` is the
    English sentence; ``str()`` adds the forms that work.
    """

    def __init__(self, code: str, detail: str) -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{detail}\nForms that work: " + "; ".join(FORMS))


# --------------------------------------------------------------------------- zones


def local_zone() -> tzinfo:
    """The machine's IANA zone (falls back to UTC when it cannot be told)."""
    try:
        from tzlocal import get_localzone

        return get_localzone()
    except Exception:  # pragma: no cover - exotic systems
        return UTC


def zone_name(tz: tzinfo) -> str:
    return getattr(tz, "key", None) or str(tz)


def _exists(wall: datetime, tz: tzinfo) -> bool:
    aware = wall.replace(tzinfo=tz)
    return aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == wall


def _ambiguous(wall: datetime, tz: tzinfo) -> bool:
    a = wall.replace(tzinfo=tz, fold=0)
    b = wall.replace(tzinfo=tz, fold=1)
    return a.utcoffset() != b.utcoffset() and _exists(wall, tz)


def _gap_end(wall: datetime, tz: tzinfo) -> datetime:
    """First real instant whose wall-clock reading is at or after ``wall`` (wall lies in a gap)."""
    lo = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    hi = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if lo > hi:
        lo, hi = hi, lo
    while (hi - lo) > timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        if mid.astimezone(tz).replace(tzinfo=None) >= wall:
            hi = mid
        else:
            lo = mid
    return hi.replace(microsecond=0).astimezone(tz)


def place_wall_time(wall: datetime, tz: tzinfo) -> tuple[datetime, str | None]:
    """Put a naive wall-clock time into ``tz``: (instant, DST note or None)."""
    if not _exists(wall, tz):
        return _gap_end(wall, tz), "moved"
    if _ambiguous(wall, tz):
        return wall.replace(tzinfo=tz, fold=0), "ambiguous"
    return wall.replace(tzinfo=tz), None


def parse_instant(value: Any, tz: tzinfo | None = None) -> datetime | None:
    """An ISO timestamp from a record, aware; naive ones are read in ``tz``. None if unusable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    try:
        if dt.tzinfo is None:
            dt = place_wall_time(dt, tz or local_zone())[0]
        dt.astimezone(UTC)  # an instant UTC cannot hold (year 1 east of Greenwich, 9999 west): unusable
    except OverflowError:
        return None
    return dt


# --------------------------------------------------------------------------- cron fields


def _expand_names(expr: str) -> str:
    fields = expr.split()
    if not 5 <= len(fields) <= 7:
        return expr
    month = fields[3].lower()
    for i, name in enumerate(MONTH_NAMES):
        month = re.sub(rf"\b{name}\b", str(i + 1), month)
    dow = fields[4].lower()
    for i, name in enumerate(DAY_NAMES):
        dow = re.sub(rf"\b{name}\b", str(i), dow)
    fields[3], fields[4] = month, dow
    return " ".join(fields)


def _values(spec: str, lo: int, hi: int) -> set[int] | None:
    """The values of one numeric cron field, or None when it is not simple enough to tell."""
    out: set[int] = set()
    for part in spec.split(","):
        step = 1
        if "/" in part:
            part, step_s = part.split("/", 1)
            if not step_s.isdigit() or int(step_s) == 0:
                return None
            step = int(step_s)
        if part == "*":
            a, b = lo, hi
        elif "-" in part:
            a_s, b_s = part.split("-", 1)
            if not (a_s.isdigit() and b_s.isdigit()):
                return None
            a, b = int(a_s), int(b_s)
        elif part.isdigit():
            a = int(part)
            b = hi if step > 1 else a
        else:
            return None
        out.update(range(a, b + 1, step))
    return out


@dataclass(frozen=True)
class CronFields:
    """The fields of a cron expression, in croniter's order: five, then optional seconds and year."""

    minute: str
    hour: str
    dom: str
    month: str
    dow: str
    second: str = "0"
    year: str = "*"

    @classmethod
    def of(cls, expr: str) -> CronFields:
        parts = _expand_names(ALIASES.get(expr.strip().lower(), expr)).split()
        if not 5 <= len(parts) <= 7:
            raise TypeError(f"{expr!r} does not have 5 to 7 fields")
        return cls(*parts)

    @property
    def whole_minutes(self) -> bool:
        """Fires at second 0 of its minutes in any year: reads exactly as the five-field form."""
        return self.second in ("0", "00") and self.year == "*"

    def descriptor_form(self) -> str:
        """The expression in cron-descriptor's order (seconds first, year last)."""
        head = f"{self.second} " if not self.whole_minutes else ""
        tail = f" {self.year}" if self.year != "*" else ""
        return f"{head}{self.minute} {self.hour} {self.dom} {self.month} {self.dow}{tail}"


_CRON_CACHE: dict[str, str | ScheduleError] = {}


def _check_cron(expr: str) -> str:
    """Validate a cron expression; return it with aliases expanded (memoised: ticks re-check every job)."""
    known = _CRON_CACHE.get(expr)
    if known is None:
        try:
            known = _validate_cron(expr)
        except ScheduleError as exc:
            known = exc
        if len(_CRON_CACHE) > 4096:
            _CRON_CACHE.clear()
        _CRON_CACHE[expr] = known
    if isinstance(known, ScheduleError):
        raise ScheduleError(known.code, known.detail)
    return known


def _validate_cron(expr: str) -> str:
    raw = " ".join(expr.split())
    expanded = ALIASES.get(raw.lower(), raw)
    if raw.startswith("@") and raw.lower() not in ALIASES:
        raise ScheduleError("bad_cron", f"Unknown shortcut {raw!r}; use @hourly, @daily, @weekly, @monthly or @yearly.")
    if not 5 <= len(expanded.split()) <= 7:
        # Hermes also accepts croniter's optional seconds (6th) and year (7th) fields
        raise ScheduleError(
            "bad_cron",
            f"A cron expression has 5 fields (minute hour day month weekday), optionally followed by seconds "
            f"and a year; {raw!r} has {len(expanded.split())}.",
        )
    if not croniter.is_valid(expanded):
        raise ScheduleError("bad_cron", f"{raw!r} is not a valid cron expression (a field is out of range).")
    try:
        croniter(expanded, datetime(2000, 1, 1)).get_next(datetime)
        # a leap-day-only schedule must still find a date within the croniter horizon
    except Exception:
        raise ScheduleError("never", f"{raw!r} never occurs (no calendar date matches it).") from None
    return expanded


def _cron_walls(expr: str, start_wall: datetime) -> Iterator[datetime]:
    it = croniter(expr, start_wall)
    while True:
        try:
            yield it.get_next(datetime)
        except CroniterBadDateError:  # no later match (a year field in the past): the schedule has ended
            return


# --------------------------------------------------------------------------- parsing

_DURATION = re.compile(
    r"^(?P<n>\d{1,7})\s*(?P<u>m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days)$"
)
_TIME = r"(?P<time>noon|midnight|\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)"


def _duration_minutes(text: str) -> int | None:
    m = _DURATION.match(text)
    if not m:
        return None
    n = int(m.group("n"))
    return n * {"m": 1, "h": 60, "d": 1440}[m.group("u")[0]]


def _parse_time(text: str) -> tuple[int, int]:
    t = text.strip().replace(".", "")
    if t == "noon":
        return 12, 0
    if t == "midnight":
        return 0, 0
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*(am|pm)?", t)
    if not m:
        raise ScheduleError("bad_time", f"{text!r} is not a time of day (try 9am, 9:30pm or 18:30).")
    hour, minute, ampm = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if ampm:
        if not 1 <= hour <= 12:
            raise ScheduleError("bad_time", f"{text!r} is not a time of day: with am/pm the hour is 1-12.")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ScheduleError("bad_time", f"{text!r} is not a time of day (hours 0-23, minutes 0-59).")
    return hour, minute


def _day_list(text: str) -> list[int] | None:
    words = [w for w in re.split(r"[\s,]+|\band\b", text) if w]
    days: list[int] = []
    for w in words:
        if w not in _DAY_WORDS and w.endswith("s") and w[:-1] in _DAY_WORDS:
            w = w[:-1]  # "mondays"
        if w not in _DAY_WORDS:
            return None
        days.append(_DAY_WORDS[w])
    return sorted(set(days)) or None


def _phrase_to_cron(text: str) -> str | None:
    """Simple English phrases → a cron expression (None when the text is not a phrase)."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in ("hourly", "every hour on the hour"):
        return "0 * * * *"
    if t in ("daily", "every day at midnight"):
        return "0 0 * * *"
    if t == "weekly":
        return "0 0 * * 0"
    if t == "monthly":
        return "0 0 1 * *"
    if t in ("yearly", "annually"):
        return "0 0 1 1 *"
    m = re.fullmatch(rf"(?:daily|every day|each day)(?: at)? {_TIME}", t)
    if m:
        h, mi = _parse_time(m.group("time"))
        return f"{mi} {h} * * *"
    m = re.fullmatch(rf"(?:on )?(?:every |each )?(?P<which>weekdays?|weekends?)(?: at)? {_TIME}", t)
    if m:
        h, mi = _parse_time(m.group("time"))
        return f"{mi} {h} * * {'1-5' if m.group('which').startswith('weekday') else '0,6'}"
    m = re.fullmatch(rf"(?:on )?(?:every |each )?(?P<days>[a-z, ]+?)(?: at)? {_TIME}", t)
    if m:
        days = _day_list(m.group("days"))
        if days:
            h, mi = _parse_time(m.group("time"))
            return f"{mi} {h} * * {','.join(map(str, days))}"
    m = re.fullmatch(
        rf"(?:monthly on the|every month on the|on the) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?: of (?:every|each) month)?(?: at {_TIME})?",
        t,
    )
    if m:
        day = int(m.group("d"))
        if not 1 <= day <= 31:
            raise ScheduleError("bad_time", f"There is no day {day} in a month.")
        h, mi = _parse_time(m.group("time")) if m.group("time") else (0, 0)
        return f"{mi} {h} {day} * *"
    return None


def parse_schedule(text: str, *, now: datetime | None = None, tz: tzinfo | None = None,
                   allow_past: bool = False) -> dict[str, Any]:
    """What a person typed → a stored schedule dict, or :class:`ScheduleError`.

    ``allow_past`` accepts a one-shot time that has passed (an edit compares it
    with what the job already has before deciding anything).
    """
    if not isinstance(text, str) or not text.strip():
        raise ScheduleError("empty", "The schedule is empty.")
    if len(text) > MAX_INPUT:
        raise ScheduleError("too_long", f"The schedule is too long ({len(text)} characters; at most {MAX_INPUT}).")
    zone = tz or local_zone()
    moment = (now or datetime.now(UTC)).astimezone(zone)
    raw = " ".join(schedule_cjk.widen(text).split())  # "９：００" reads as "9:00"
    low = raw.lower()

    # Japanese and Chinese phrases: read as the English phrase they mean, so both store one record.
    if schedule_cjk.is_cjk(raw):
        try:
            english = schedule_cjk.to_english(raw)
        except schedule_cjk.Refusal as exc:
            raise ScheduleError(exc.code, exc.detail) from None
        record = parse_schedule(english, now=now, tz=tz, allow_past=allow_past)
        if record["kind"] == "cron":
            record["display"] = raw  # as typed, like an English phrase
        return record

    # Intervals: "every 30m", "30m", "every hour".
    body = low[6:].strip() if low.startswith("every ") else low
    if body in ("minute", "hour", "day"):
        body = "1" + body
    minutes = _duration_minutes(body)
    if minutes is not None:
        if minutes < 1:
            raise ScheduleError("bad_interval", f"{raw!r}: an interval must be at least 1 minute.")
        if minutes > MAX_INTERVAL_MIN:
            raise ScheduleError("bad_interval", f"{raw!r}: an interval can be at most 366 days.")
        return {"kind": "interval", "minutes": minutes, "display": f"every {minutes}m"}

    # One-shot, relative: "in 20m".
    if low.startswith("in "):
        minutes = _duration_minutes(low[3:].strip())
        if minutes is None or minutes < 1:
            raise ScheduleError("bad_interval", f"{raw!r}: say how long from now, like 'in 20m' or 'in 2h'.")
        if minutes > MAX_AHEAD_DAYS * 24 * 60:
            raise ScheduleError("too_far", f"{raw!r} is more than 100 years from now.")
        at = (moment + timedelta(minutes=minutes)).replace(microsecond=0)
        return {"kind": "once", "run_at": at.isoformat(), "display": f"once in {low[3:].strip()}"}

    # One-shot, absolute: ISO date-time.
    if re.match(r"^\d{4}-\d{2}-\d{2}", raw):
        try:
            dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            raise ScheduleError("bad_time", f"{raw!r} is not a date and time (like 2026-02-03T14:00).") from None
        if not re.search(r"[T ]\d{1,2}:\d{2}", raw):
            raise ScheduleError("bad_time", f"{raw!r} has no time of day; add one, like {raw[:10]}T09:00.")
        try:
            at = dt if dt.tzinfo else place_wall_time(dt, zone)[0]
            at.astimezone(UTC)
        except (OverflowError, ValueError):
            raise ScheduleError("bad_time", f"{raw!r} is not a date and time this app can place.") from None
        if at < moment - timedelta(seconds=ONESHOT_GRACE_S) and not allow_past:
            raise ScheduleError("past", f"{raw!r} has already passed.")
        if at > moment + timedelta(days=MAX_AHEAD_DAYS):
            raise ScheduleError("too_far", f"{raw!r} is more than 100 years from now.")
        return {"kind": "once", "run_at": at.isoformat(), "display": f"once at {at.strftime('%Y-%m-%d %H:%M')}"}

    # Cron expressions and shortcuts.
    fields = raw.split()
    if raw.startswith("@") or (len(fields) >= 5 and all(re.fullmatch(r"[\w*,/\-?]+", f) for f in fields)
                               and any(ch.isdigit() or ch == "*" for ch in fields[0])):
        expr = _check_cron(raw)
        return {"kind": "cron", "expr": expr, "display": raw}

    phrase = _phrase_to_cron(low)
    if phrase is not None:
        return {"kind": "cron", "expr": _check_cron(phrase), "display": raw}

    shown = raw if len(raw) <= 40 else raw[:40] + "…"
    raise ScheduleError("unknown", f"{shown!r} is not a schedule this app understands.")


def check_schedule(schedule: Any) -> dict[str, Any]:
    """Validate a stored schedule dict (as read from jobs.json)."""
    if not isinstance(schedule, dict):
        raise ScheduleError("bad_record", "The schedule is not an object.")
    kind = schedule.get("kind")
    if kind == "interval":
        m = schedule.get("minutes")
        if not isinstance(m, int | float) or isinstance(m, bool) or not 1 <= m <= MAX_STORED_INTERVAL_MIN:
            # NaN and Infinity fail the range test too
            raise ScheduleError("bad_record", f"The interval's 'minutes' ({m!r}) is not a number of minutes "
                                              "from 1 to 100 years.")
    elif kind == "cron":
        if not isinstance(schedule.get("expr"), str):
            raise ScheduleError("bad_record", "The cron schedule has no 'expr'.")
        _check_cron(schedule["expr"])
    elif kind == "once":
        at = parse_instant(schedule.get("run_at"))
        try:
            if at is None or at.astimezone(UTC) is None:
                raise ValueError
        except (OverflowError, ValueError):
            raise ScheduleError("bad_record", "The one-shot schedule has no valid 'run_at'.") from None
    else:
        raise ScheduleError("bad_record", f"Unknown schedule kind {kind!r}.")
    return schedule


def same_schedule(a: Any, b: Any, tz: tzinfo | None = None) -> bool:
    """Whether two stored schedules fire at the same times (kind and expression, not the display text)."""
    if not isinstance(a, dict) or not isinstance(b, dict) or a.get("kind") != b.get("kind"):
        return False
    kind = a.get("kind")
    try:
        if kind == "interval":
            return float(a["minutes"]) == float(b["minutes"])
        if kind == "once":
            at, bt = parse_instant(a.get("run_at"), tz), parse_instant(b.get("run_at"), tz)
            return at is not None and at == bt
        if kind == "cron":
            return CronFields.of(_check_cron(str(a["expr"]))) == CronFields.of(_check_cron(str(b["expr"])))
    except (KeyError, TypeError, ValueError):
        return False
    return False


# --------------------------------------------------------------------------- next runs


@dataclass(frozen=True)
class Occurrence:
    """One future run: the instant (UTC), and a daylight-saving note.

    ``dst`` is None, ``"moved"`` (the wall time does not exist that day: it
    fires at the first valid instant after it, possibly merged with the next
    run) or ``"ambiguous"`` (the wall time happens twice: it fires once).
    """

    at: datetime
    dst: str | None = None


def _cron_occurrences(expr: str, after: datetime, tz: tzinfo) -> Iterator[Occurrence]:
    fields = CronFields.of(expr)
    every_hour = fields.hour == "*"
    after_utc = after.astimezone(UTC)
    # Start two hours early on the wall clock so a repeated hour is not jumped over.
    start_wall = after_utc.astimezone(tz).replace(tzinfo=None, fold=0) - timedelta(hours=2)
    last: datetime | None = None
    for wall in _cron_walls(expr, start_wall):
        at, note = place_wall_time(wall, tz)
        candidates = [(at, note)]
        if note == "ambiguous" and every_hour:
            candidates = [(at, None), (wall.replace(tzinfo=tz, fold=1), None)]
        for local, dst in candidates:
            # Compare in UTC: Python compares two times of one zone by wall clock, ignoring fold.
            utc = local.astimezone(UTC)
            if utc <= after_utc or (last is not None and utc <= last):
                continue
            last = utc
            yield Occurrence(utc, dst)


def next_runs(
    schedule: dict[str, Any], after: datetime, count: int = 5, tz: tzinfo | None = None
) -> list[Occurrence]:
    """The next ``count`` runs strictly after ``after``, as UTC instants."""
    zone = tz or local_zone()
    after_utc = after.astimezone(UTC)
    kind = schedule.get("kind")
    if kind == "interval":
        step = timedelta(minutes=float(schedule["minutes"]))
        return [Occurrence(after_utc + step * (i + 1)) for i in range(count)]
    if kind == "once":
        at = parse_instant(schedule.get("run_at"), zone)
        return [Occurrence(at.astimezone(UTC))] if at and at > after_utc and count > 0 else []
    if kind == "cron":
        out: list[Occurrence] = []
        if count <= 0:
            return out
        for occ in _cron_occurrences(schedule["expr"], after_utc, zone):
            out.append(occ)
            if len(out) >= count:
                break
        return out
    return []


def fire_times(schedule: dict[str, Any], start: datetime, end: datetime, tz: tzinfo | None = None, *,
               first: datetime | None = None, limit: int = 1000) -> list[Occurrence]:
    """The runs in ``[start, end)``, oldest first, at most ``limit`` of them.

    ``first`` is the job's stored next run, when it has one: an interval job
    keeps the grid it was put on (``first`` + k periods, the way the ticker
    advances it), and a cron job's own next time wins over one computed from
    ``start`` (so a run held ahead while another lasts is shown where it is).
    An interval is stepped arithmetically, so a whole week of a one-minute
    job is found without walking every minute before ``start``.
    """
    start_utc, end_utc = start.astimezone(UTC), end.astimezone(UTC)
    if limit <= 0 or end_utc <= start_utc:
        return []
    kind = schedule.get("kind")
    if kind == "interval":
        step = timedelta(minutes=float(schedule["minutes"]))
        at = first.astimezone(UTC) if first is not None else start_utc + step
        if at < start_utc:  # a stale grid point: the ticker fast-forwards it, on the grid
            at += step * -((at - start_utc) // step)
        out: list[Occurrence] = []
        while at < end_utc and len(out) < limit:
            out.append(Occurrence(at))
            at += step
        return out
    if first is not None and first.astimezone(UTC) >= start_utc:
        head = [Occurrence(first.astimezone(UTC))] if first.astimezone(UTC) < end_utc else []
        after = first.astimezone(UTC)
    else:
        head, after = [], start_utc - timedelta(microseconds=1)
    if kind == "once":
        return head or [o for o in next_runs(schedule, after, 1, tz) if o.at < end_utc][:limit]
    if kind != "cron" or (first is not None and not head and first.astimezone(UTC) >= end_utc):
        return head[:limit]
    out = head
    for occ in _cron_occurrences(schedule["expr"], after, tz or local_zone()):
        if occ.at >= end_utc or len(out) >= limit:
            break
        out.append(occ)
    return out


def next_run(schedule: dict[str, Any], after: datetime, tz: tzinfo | None = None) -> datetime | None:
    """The next run strictly after ``after`` (UTC), or None when there is none."""
    runs = next_runs(schedule, after, 1, tz)
    return runs[0].at if runs else None


def advance(schedule: dict[str, Any], due_at: datetime, now: datetime, tz: tzinfo | None = None) -> datetime | None:
    """The next run after the occurrence ``due_at`` was taken at ``now``.

    Intervals stay on their grid (``due_at`` + k periods, the first one after
    ``now``) so they never drift with ticker lateness; cron takes its next
    wall-clock time after ``now``; a one-shot has no next run.
    """
    kind = schedule.get("kind")
    if kind == "interval":
        period = timedelta(minutes=float(schedule["minutes"]))
        due_utc, now_utc = due_at.astimezone(UTC), now.astimezone(UTC)
        steps = max(0, int((now_utc - due_utc) / period)) + 1
        return due_utc + period * steps
    if kind == "cron":
        return next_run(schedule, now, tz)
    return None


def count_due(schedule: dict[str, Any], due_at: datetime, now: datetime, tz: tzinfo | None = None,
              limit: int = 1000) -> int:
    """How many occurrences fell in ``[due_at, now]`` (at most ``limit``), ``due_at`` itself included."""
    if now < due_at:
        return 0
    if schedule.get("kind") == "interval":
        period = timedelta(minutes=float(schedule["minutes"]))
        return min(limit, int((now.astimezone(UTC) - due_at.astimezone(UTC)) / period) + 1)
    if schedule.get("kind") == "cron":
        count = 0
        for occ in _cron_occurrences(schedule["expr"], due_at - timedelta(microseconds=1), tz or local_zone()):
            if occ.at > now or count >= limit:
                break
            count += 1
        return count
    return 1


def to_record(instant: datetime, tz: tzinfo | None = None) -> str:
    """An instant as jobs.json stores it: ISO with the offset of the user's zone, as Hermes writes it."""
    return instant.astimezone(tz or local_zone()).isoformat()


def period_seconds(schedule: dict[str, Any], now: datetime, tz: tzinfo | None = None) -> float | None:
    kind = schedule.get("kind")
    if kind == "interval":
        return float(schedule["minutes"]) * 60
    if kind == "cron":
        runs = next_runs(schedule, now, 2, tz)
        if len(runs) == 2:
            return (runs[1].at - runs[0].at).total_seconds()
    return None


def grace_seconds(schedule: dict[str, Any], now: datetime, tz: tzinfo | None = None) -> int:
    """How late a run may be and still fire without a fast-forward: half the period, 2 min … 2 h."""
    period = period_seconds(schedule, now, tz)
    if period is None:
        return MIN_GRACE_S
    return int(max(MIN_GRACE_S, min(period / 2, MAX_GRACE_S)))


# --------------------------------------------------------------------------- description


@dataclass(frozen=True)
class Description:
    """A schedule's shape, for wording it in any language.

    ``shape`` is one of: ``interval`` (minutes), ``once`` (at), ``every_minutes``
    (step), ``hourly`` (minute), ``every_hours`` (step, minute), ``daily``,
    ``weekdays``, ``weekends``, ``weekly`` (days, 0 = Sunday), ``monthly`` (day),
    ``yearly`` (month, day) - each with hour and minute - or ``cron`` (expr) for
    shapes worded by cron-descriptor; that ``expr`` is in cron-descriptor's field
    order (seconds first, as in ``30 */5 * * * *``), not croniter's.
    """

    shape: str
    minutes: int = 0
    hour: int = 0
    minute: int = 0
    step: int = 0
    days: tuple[int, ...] = field(default_factory=tuple)
    day: int = 0
    month: int = 0
    at: datetime | None = None
    expr: str = ""


def _single(spec: str, lo: int, hi: int) -> int | None:
    return int(spec) if spec.isdigit() and lo <= int(spec) <= hi else None


def describe(schedule: dict[str, Any], tz: tzinfo | None = None) -> Description:
    kind = schedule.get("kind")
    if kind == "interval":
        return Description("interval", minutes=int(schedule["minutes"]))
    if kind == "once":
        at = parse_instant(schedule.get("run_at"), tz)
        return Description("once", at=at.astimezone(tz or local_zone()) if at else None)
    expr = str(schedule.get("expr", ""))
    try:
        f = CronFields.of(expr)
    except TypeError:
        return Description("cron", expr=expr)
    if not f.whole_minutes:  # seconds or a year: worded by cron-descriptor, in its field order
        return Description("cron", expr=f.descriptor_form())
    minute, hour = _single(f.minute, 0, 59), _single(f.hour, 0, 23)
    plain_days = f.dom == "*" and f.month == "*"
    if plain_days and f.dow == "*" and f.hour == "*":
        m = re.fullmatch(r"\*/(\d+)", f.minute)
        if f.minute == "*":
            return Description("every_minutes", step=1)
        if m:
            return Description("every_minutes", step=int(m.group(1)))
        if minute is not None:
            return Description("hourly", minute=minute)
    if plain_days and f.dow == "*" and minute is not None:
        m = re.fullmatch(r"\*/(\d+)", f.hour)
        if m:
            return Description("every_hours", step=int(m.group(1)), minute=minute)
    if minute is None or hour is None:
        return Description("cron", expr=expr)
    if plain_days:
        dows = _values(f.dow, 0, 7)
        if dows is None:
            return Description("cron", expr=expr)
        dows = {d % 7 for d in dows}
        if dows == set(range(7)):
            return Description("daily", hour=hour, minute=minute)
        if dows == {1, 2, 3, 4, 5}:
            return Description("weekdays", hour=hour, minute=minute)
        if dows == {0, 6}:
            return Description("weekends", hour=hour, minute=minute)
        return Description("weekly", hour=hour, minute=minute, days=tuple(sorted(dows)))
    dom = _single(f.dom, 1, 31)
    if dom is not None and f.dow == "*":
        if f.month == "*":
            return Description("monthly", day=dom, hour=hour, minute=minute)
        month = _single(f.month, 1, 12)
        if month is not None:
            return Description("yearly", month=month, day=dom, hour=hour, minute=minute)
    return Description("cron", expr=expr)
