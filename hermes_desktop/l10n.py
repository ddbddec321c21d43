"""Words a person reads, in the chosen language (QtCore only, so the CLI can use it too).

Core describes a schedule's *shape*; this module words it through Qt's
translation system, with day and month names and times from :class:`QLocale`
so they read naturally in every language. Unusual cron shapes fall back to
cron-descriptor in the matching locale.
"""

from __future__ import annotations

import errno
import math
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QObject, QTime, QTimeZone

from .core.firing import Firer, FiringStatus, NobodyBecause
from .core.missed import MissedSpan
from .core.problems import Problem, problem_of
from .core.schedule import Description, ScheduleError, describe, local_zone, zone_name

# ui language code → (QLocale name, cron-descriptor locale)
LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("en_US", "en_US"),
    "ja": ("ja_JP", "ja_JP"),
    "zh_Hans": ("zh_CN", "zh_CN"),
    "zh_Hant": ("zh_TW", "zh_TW"),
}
_current = {"lang": "en"}


def set_language(code: str) -> None:
    """Record the UI language (the translator itself is installed by the app)."""
    _current["lang"] = code if code in LANGUAGES else "en"
    QLocale.setDefault(QLocale(LANGUAGES[_current["lang"]][0]))


def language() -> str:
    return _current["lang"]


def locale() -> QLocale:
    return QLocale(LANGUAGES[_current["lang"]][0])


# --------------------------------------------------------------------------- times
#
# Every date and time a person reads is made here, from the UI language's QLocale: its short date and its
# short time, so 24-hour and 12-hour clocks never mix and no US date stands beside a Japanese time.


def clock_time(hour: int, minute: int, second: int = 0) -> str:
    """A time of day in the locale's short form; with seconds only when there are some (a seconds-field cron)."""
    loc = locale()
    if not second:
        return loc.toString(QTime(hour, minute), QLocale.FormatType.ShortFormat)
    shape = loc.timeFormat(QLocale.FormatType.ShortFormat).replace("mm", "mm:ss", 1)
    return loc.toString(QTime(hour, minute, second), shape)


def _qt_day(cron_day: int) -> int:
    return 7 if cron_day % 7 == 0 else cron_day % 7  # Qt: Monday = 1 … Sunday = 7


def to_qdatetime(instant: datetime, tz: tzinfo | None = None) -> QDateTime:
    zone = tz or local_zone()
    qdt = QDateTime.fromMSecsSinceEpoch(int(instant.timestamp() * 1000), QTimeZone(zone_name(zone).encode()))
    return qdt


def short_date(day: date) -> str:
    """A calendar date in the locale's short form ("11/25/26", "2026/11/25")."""
    return locale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def date_time(instant: datetime, tz: tzinfo | None = None, with_zone: bool = False) -> str:
    """A date and time in the UI language's own short forms ("11/25/26 9:00 AM", "2026/11/25 9:00")."""
    local = instant.astimezone(tz or local_zone())
    text = short_date(local.date()) + " " + clock_time(local.hour, local.minute, local.second)
    if with_zone:
        text += f" {local.tzname()}"
    return text


def moment(instant: datetime, now: datetime | None = None, tz: tzinfo | None = None) -> str:
    """A time of day when ``instant`` is today, else its date and time."""
    zone = tz or local_zone()
    local = instant.astimezone(zone)
    if local.date() == (now or datetime.now(UTC)).astimezone(zone).date():
        return clock_time(local.hour, local.minute)
    return date_time(instant, zone)


class Countdown(QObject):
    """Countdowns and ages. (A QObject so lupdate sees ``self.tr`` with plural forms.)"""

    def relative(self, instant: datetime, now: datetime | None = None) -> str:
        """Time left, rounded up so each count shows once and "in 0s" never: "in 42s", "in 5 min",
        "in 1 h 59 min", "in 2 d 3 h"; "now" for the minute after the time, then "overdue"."""
        left = (instant - (now or datetime.now(UTC))).total_seconds()
        if left <= 0:
            return self.tr("now") if left > -60 else self.tr("overdue")
        seconds = math.ceil(left)
        if seconds < 60:
            return self.tr("in %ns", "", seconds)
        minutes = math.ceil(left / 60)
        if minutes < 60:
            return self.tr("in %n min", "", minutes)
        if minutes < 24 * 60:
            hours, rest = divmod(minutes, 60)
            return (self.tr("in %n h", "", hours) if rest == 0 else
                    self.tr("in {hours} h {minutes} min").format(hours=hours, minutes=rest))
        days, hours = divmod(math.ceil(left / 3600), 24)
        return (self.tr("in %n d", "", days) if hours == 0 else
                self.tr("in {days} d {hours} h").format(days=days, hours=hours))

    def ago(self, instant: datetime, now: datetime | None = None) -> str:
        seconds = int(((now or datetime.now(UTC)) - instant).total_seconds())
        minutes, hours, days = divmod(seconds, 60)[0], divmod(seconds, 3600)[0], divmod(seconds, 86400)[0]
        if seconds < 60:
            return self.tr("just now")
        if seconds < 3600:
            return self.tr("%n min ago", "", minutes)
        if seconds < 86400:
            return self.tr("%n h ago", "", hours)
        return self.tr("%n d ago", "", days)


class Schedule(QObject):
    """A schedule's shape in words."""

    def interval(self, minutes: int) -> str:
        if minutes % 1440 == 0:
            return self.tr("Every %n day(s)", "", divmod(minutes, 1440)[0])
        if minutes % 60 == 0:
            return self.tr("Every %n hour(s)", "", divmod(minutes, 60)[0])
        return self.tr("Every %n minute(s)", "", minutes)

    def words(self, d: Description, tz: tzinfo | None = None) -> str:
        loc = locale()
        at = clock_time(d.hour, d.minute)
        if d.shape == "interval":
            return self.interval(d.minutes)
        if d.shape == "once":
            if d.at is None:
                return self.tr("Once (the time is unreadable)")
            return self.tr("Once, on {when}").format(when=date_time(d.at, tz))
        if d.shape == "every_minutes":
            return self.tr("Every %n minute(s)", "", d.step)
        if d.shape == "hourly":
            return self.tr("Every hour at {minute} minutes past").format(minute=d.minute)
        if d.shape == "every_hours":
            return self.tr("Every %n hour(s), at {minute} minutes past the hour", "", d.step).format(minute=d.minute)
        if d.shape == "daily":
            return self.tr("Every day at {time}").format(time=at)
        if d.shape == "weekdays":
            return self.tr("Weekdays (Monday to Friday) at {time}").format(time=at)
        if d.shape == "weekends":
            return self.tr("Weekends at {time}").format(time=at)
        if d.shape == "weekly":
            names = [loc.dayName(_qt_day(day), QLocale.FormatType.LongFormat) for day in d.days]
            return self.tr("Every {days} at {time}").format(days=loc.createSeparatedList(names), time=at)
        if d.shape == "monthly":
            return self.tr("Monthly on day {day} at {time}").format(day=d.day, time=at)
        if d.shape == "yearly":
            return self.tr("Every year on {month} {day} at {time}").format(
                month=loc.monthName(d.month, QLocale.FormatType.LongFormat), day=d.day, time=at)
        return _cron_fallback(d.expr, self.tr("Cron schedule {expr}"))


class MissedRuns(QObject):
    """A history row of runs that never happened, in plain words."""

    def text(self, span: MissedSpan, one_shot: bool, now: datetime | None = None, tz: tzinfo | None = None) -> str:
        if one_shot:
            return self.tr("Missed — was due {time}").format(time=moment(span.first, now, tz))
        if span.count <= 1:
            return self.tr("Missed run at {time}").format(time=moment(span.first, now, tz))
        return self.tr("%n run(s) missed, {span}", "", span.count).format(span=self.span(span, now, tz))

    def span(self, span: MissedSpan, now: datetime | None = None, tz: tzinfo | None = None) -> str:
        """``10:00–12:00`` today; the date in front on another day; both dates when it crosses midnight."""
        zone = tz or local_zone()
        first, last = span.first.astimezone(zone), span.last.astimezone(zone)
        if first.date() != last.date():
            return self.tr("{start}–{end}").format(start=date_time(first, zone), end=date_time(last, zone))
        times = self.tr("{start}–{end}").format(start=clock_time(first.hour, first.minute),
                                                end=clock_time(last.hour, last.minute))
        if first.date() == (now or datetime.now(UTC)).astimezone(zone).date():
            return times
        return f"{short_date(first.date())} {times}"


class Firing(QObject):
    """Who fires a profile's jobs, in words for the status bar, Settings and the Profiles window."""

    def text(self, status: FiringStatus | None) -> str:
        if status is None:
            return self.tr("Not run by this window; no Hermes gateway seen")
        if status.firer == Firer.APP:
            return self.tr("Scheduled jobs run while this window is open")
        if status.firer == Firer.GATEWAY:
            return self.tr("A Hermes gateway runs the scheduled jobs (pid {pid}); this window stands by").format(
                pid=status.pid if status.pid is not None else "?")
        if status.because == NobodyBecause.NOT_THIS_PROFILE:
            return self.tr("Nobody runs these jobs now: this window runs only the profile on screen (see Settings)")
        return self.tr("Nobody runs scheduled jobs now: this window is set not to (see Settings) and no Hermes "
                       "gateway is running")

    def short(self, status: FiringStatus | None) -> str:
        """A few words for one profile: "this window", "Hermes gateway (pid 4242)", "nobody"."""
        if status is not None and status.firer == Firer.APP:
            return self.tr("this window")
        if status is not None and status.firer == Firer.GATEWAY:
            return self.tr("Hermes gateway (pid {pid})").format(pid=status.pid if status.pid is not None else "?")
        return self.tr("nobody")

    def not_run(self, when: str) -> str:
        """A countdown while nobody fires the jobs: the time comes, nothing runs."""
        return self.tr("{when}, not run").format(when=when)


_words: dict[str, QObject] = {}
W = TypeVar("W", bound=QObject)


def _word_maker(name: str, make: Callable[[], W]) -> W:
    """The one translating object of its kind, made when first asked for (not on every call: each is a
    QObject, 0.7 ms to make, and countdowns alone ask hundreds of times a minute)."""
    maker = _words.get(name)
    if maker is None:
        maker = _words[name] = make()
    return maker  # type: ignore[return-value]


def _firing() -> Firing:
    return _word_maker("firing", Firing)


def firing_text(status: FiringStatus | None) -> str:
    return _firing().text(status)


def firing_short(status: FiringStatus | None) -> str:
    return _firing().short(status)


def not_run(when: str) -> str:
    return _firing().not_run(when)


def _countdown() -> Countdown:
    return _word_maker("countdown", Countdown)


def _schedule() -> Schedule:
    return _word_maker("schedule", Schedule)


def relative(instant: datetime, now: datetime | None = None) -> str:
    """A short countdown: "in 42s", "in 5 min", "in 3 h", "in 2 d" (or "overdue")."""
    return _countdown().relative(instant, now)


def ago(instant: datetime, now: datetime | None = None) -> str:
    return _countdown().ago(instant, now)


def _missed() -> MissedRuns:
    return _word_maker("missed", MissedRuns)


def missed_text(span: MissedSpan, one_shot: bool, now: datetime | None = None, tz: tzinfo | None = None) -> str:
    """A missed-runs row: "Missed run at 10:00", "Missed — was due 10:00", "9 runs missed, 10:00–12:00"."""
    return _missed().text(span, one_shot, now, tz)


def missed_span_text(span: MissedSpan, now: datetime | None = None, tz: tzinfo | None = None) -> str:
    """Just the times a missed-runs row covers ("10:00–12:00")."""
    return _missed().span(span, now, tz)


# --------------------------------------------------------------------------- run titles

_RUN_TITLE = re.compile(r"^(?P<name>.*\S) · (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} "
                        r"\d{2}:\d{2}(?P<again> #\d+)?$")


def run_title(stored: str | None, started: datetime, tz: tzinfo | None = None) -> str | None:
    """A cron run's title as shown: the job's name and the run's time in the UI language.

    ``state.db`` keeps the title as Hermes writes it ("Morning brief · Nov 25 09:00", with " #2" when two
    runs share a minute) so Hermes reads it unchanged; the window shows the name with the session's own start
    time in the locale's form instead ("Morning brief · 2026/11/25 9:00"). A title of another shape (one a
    person gave the session) is shown as it is.
    """
    if not stored:
        return stored
    m = _RUN_TITLE.match(stored)
    if m is None:
        return stored
    return f"{m.group('name')} · {date_time(started, tz)}{m.group('again') or ''}"


# --------------------------------------------------------------------------- schedules


def describe_text(schedule: dict[str, Any], tz: tzinfo | None = None) -> str:
    """A schedule in plain words in the UI language."""
    return words(describe(schedule, tz), tz)


def words(d: Description, tz: tzinfo | None = None) -> str:
    return _schedule().words(d, tz)


def _cron_fallback(expr: str, as_written: str) -> str:
    try:
        from cron_descriptor import Options, get_description

        opts = Options()
        opts.locale_code = LANGUAGES[_current["lang"]][1]
        opts.use_24hour_time_format = True
        return str(get_description(expr, opts))
    except Exception:  # an exotic shape cron-descriptor cannot word: show it as written
        return as_written.format(expr=expr)


# --------------------------------------------------------------------------- problems


def schedule_reason(exc: ScheduleError) -> str:
    """Why a schedule cannot be used, in one line of the UI language (core's precise sentence in English)."""
    translate = QCoreApplication.translate
    reasons = {
        "empty": translate("ScheduleError", "The schedule is empty."),
        "too_long": translate("ScheduleError", "The schedule is too long (at most 200 characters)."),
        "bad_cron": translate("ScheduleError",
                              "This is not a valid cron expression: it needs 5 fields, each in range."),
        "never": translate("ScheduleError", "This cron expression never occurs: no calendar date matches it."),
        "bad_interval": translate("ScheduleError",
                                  "An interval must be a whole number of minutes, hours or days, at least 1 minute."),
        "bad_time": translate("ScheduleError", "That is not a time of day or a date and time this app can read."),
        "past": translate("ScheduleError", "That time has already passed."),
        "too_far": translate("ScheduleError", "That is more than 100 years from now."),
        "unknown": translate("ScheduleError", "This is not a schedule this app understands."),
        "bad_record": translate("ScheduleError", "The stored schedule is damaged."),
        "needs_time": translate("ScheduleError", "Say at what time it runs, like “every day at 9:00”."),
        "ambiguous_time": translate("ScheduleError",
                                    "That hour can be read two ways; write it from 0 to 23, like 0:00 or 12:00."),
    }
    return exc.detail if language() == "en" else reasons.get(exc.code, exc.detail)


def problem_line(exc: BaseException) -> str:
    """What went wrong, as the one line a person reads: core's own sentence, never a traceback or an errno.

    Core errors are single sentences, carried as a code (:mod:`.core.problems`) and worded here in the UI
    language; a schedule error's second line (the forms that work) belongs to the editor, and an ``OSError``
    reads as its reason and file rather than ``[Errno 21] …``.
    """
    if isinstance(exc, ScheduleError):
        return schedule_reason(exc)
    if isinstance(exc, OSError) and exc.strerror:
        path = exc.filename2 or exc.filename  # a rename names its target second
        text = _problems().os_error(exc, str(path) if path else "")
    else:
        text = problem_text(exc)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def problem_text(value: BaseException | Problem | str | None) -> str:
    """A problem in the UI language: an error that carries one, a :class:`Problem`, or text this app stored.

    Stored text (a job's ``last_error``, a tick's error) stays English in the files, as Hermes writes them;
    when it is one of this app's own sentences it is read back into its problem (:func:`.core.problems.read`)
    and shown translated, and any other text (Hermes' own, a script's output) is shown as it is. In English
    the sentence is core's, word for word.
    """
    if value is None:
        return ""
    problem = problem_of(value)
    if problem is None or language() == "en":
        return str(problem) if problem is not None else str(value)
    return _problems().text(problem)


class Problems(QObject):
    """Core's problems (:data:`.core.problems.ENGLISH`) in the UI language; ``detail`` stays as it came."""

    def text(self, problem: Problem) -> str:
        params = dict(problem.params)
        for key in ("at", "due", "first", "last"):  # times stored as ISO text read as the locale writes them
            when = _instant(params.get(key))
            if when is not None:
                params[key] = date_time(when)
        detail = params.get("detail")
        if isinstance(detail, str):
            params["detail"] = problem_text(detail)  # "Run failed: …" holds another of our sentences
        if problem.code == "endpoint_http":
            params["hint"] = self.http_hint(params.get("status"))
        template = self.templates().get(problem.code)
        if template is None:
            return str(problem)
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):  # a stored sentence that lacks a value: say it as written
            return str(problem)

    def http_hint(self, status: Any) -> str:
        hints = {401: self.tr("check the API key"), 403: self.tr("the key may lack access"),
                 404: self.tr("check the base URL and model"), 429: self.tr("rate limited")}
        hint = hints.get(int(status)) if str(status).isdigit() else None
        return self.tr(" ({hint})").format(hint=hint) if hint else ""

    def os_error(self, exc: OSError, path: str) -> str:
        """A file error by its errno, in the UI language (the OS's own words otherwise)."""
        reasons = {
            errno.ENOENT: self.tr("No such file or folder"),
            errno.EACCES: self.tr("Permission denied"),
            errno.EPERM: self.tr("Not permitted"),
            errno.EROFS: self.tr("The disk is read-only"),
            errno.ENOSPC: self.tr("The disk is full"),
            errno.EISDIR: self.tr("This is a folder, not a file"),
            errno.ENOTDIR: self.tr("A part of the path is not a folder"),
            errno.EEXIST: self.tr("It already exists"),
        }
        reason = str(exc.strerror) if language() == "en" else reasons.get(exc.errno or 0, str(exc.strerror))
        return self.tr("{reason}: {path}").format(reason=reason, path=path) if path else reason

    def templates(self) -> dict[str, str]:
        return {
            "script_refused_inside": self.tr("Script “{name}” is refused: it must be a file inside {folder}."),
            "script_refused_outside": self.tr("Script “{name}” is refused: it leads outside {folder}."),
            "script_not_found": self.tr("Script “{name}” was not found in {folder}."),
            "script_not_started": self.tr("Could not start {name}: {detail}"),
            "script_timeout": self.tr("{name} was stopped after {seconds} s (the job timeout)."),
            "script_timeout_along": self.tr("{name} was stopped after {seconds} s (the job timeout), along with the "
                                            "{count} processes it started."),
            "script_closing": self.tr("{name} was stopped because the app was closing."),
            "script_closing_along": self.tr("{name} was stopped because the app was closing, along with the {count} "
                                            "processes it started."),
            "script_status_lost": self.tr("{name} ended, but its exit status was lost."),
            "script_status_lost_left": self.tr("{name} ended, but its exit status was lost; the {count} processes it "
                                               "left running were stopped."),
            "script_exit": self.tr("{name} exited with code {code}."),
            "script_exit_said": self.tr("{name} exited with code {code}:") + "\n{detail}",
            "script_exit_left": self.tr("{name} exited with code {code}; the {count} processes it left running were "
                                        "stopped."),
            "script_exit_left_said": self.tr("{name} exited with code {code}; the {count} processes it left running "
                                             "were stopped:") + "\n{detail}",
            "no_endpoint": self.tr("No model endpoint is set up: set one in Settings."),
            "endpoint_timeout": self.tr("The model endpoint {url} did not answer within {seconds} s."),
            "endpoint_closing": self.tr("The request to the model was stopped because the app was closing."),
            "endpoint_unreachable": self.tr("Could not reach the model endpoint {url}: {detail}"),
            "endpoint_http": self.tr("The model endpoint answered HTTP {status}{hint}: {detail}"),
            "endpoint_not_chat": self.tr("The model endpoint sent a reply that is not a chat completion."),
            "endpoint_no_text": self.tr("The model endpoint's reply has no text."),
            "unexpected": self.tr("Unexpected error: {detail}"),
            "run_failed": self.tr("Run failed: {detail}"),
            "run_interrupted": self.tr("The run started {at} by {owner} did not finish (its process ended or its lease "
                                       "ran out)."),
            "run_cut_short": self.tr("This run was interrupted: {detail}"),
            "process_ended": self.tr("its process ended."),
            "transcript_late": self.tr("This run's transcript could not be finished at the time (state.db was busy); "
                                       "it was ended later."),
            "one_shot_missed": self.tr("Missed: this one-shot was due {due} and did not run, because neither the app "
                                       "nor Hermes was running. One-shots do not run late; edit the job to set a new "
                                       "time."),
            "runs_missed": self.tr("{runs} scheduled runs from {first} to {last} did not run, because neither the app "
                                   "nor Hermes was running. The job ran once when they came back, and its schedule "
                                   "moved on."),
            "runs_overtaken": self.tr("{runs} scheduled runs from {first} to {last} did not run: jobs were checked "
                                      "{late} s late, so the job ran once for them and its schedule moved on."),
            "ran_late": self.tr("This run was due {due} and ran {late} s late, because neither the app nor Hermes was "
                                "running. {runs} scheduled runs up to now were folded into this one run."),
            "lock_timeout": self.tr("Another program has held {path} for over {seconds} s; nothing was changed. Try "
                                    "again in a moment."),
            "home_read_only_lock": self.tr("The Hermes home is read-only here ({folder}); jobs can be listed but not "
                                           "added, changed, run or ticked."),
            "home_read_only_write": self.tr("The Hermes home is read-only here ({folder}); nothing was changed."),
            "lock_is_folder": self.tr("{path} is a folder, not a lock file; move it away so jobs can be changed and "
                                      "run."),
            "lock_failed": self.tr("Cannot take the lock {path}: {detail}."),
            "disk_full": self.tr("The disk is full; {path} was left as it was."),
            "write_failed": self.tr("Cannot write {path}: {detail}; it was left as it was."),
            "read_failed": self.tr("Cannot read {path}: {detail}"),
            "not_utf8": self.tr("{path} is not UTF-8 text (byte {byte}); fix it or move it away."),
            "not_json": self.tr("{path} is not valid JSON (line {line}, column {column}); it was left untouched. "
                                "Fix it or move it away."),
            "too_deep": self.tr("{path} is nested too deeply to be a jobs file; it was left untouched."),
            "not_a_jobs_file": self.tr("{path} cannot be read as a jobs file; it was left untouched."),
            "no_jobs_list": self.tr("{path} holds no list of jobs; it was left untouched."),
            "job_not_found": self.tr("There is no job with the id or name “{ref}”; it may have been deleted."),
            "nothing_to_pause": self.tr("This job has completed; there is nothing to pause."),
            "settings_unreadable": self.tr("{path} cannot be read, so it was not overwritten. Fix it or move it "
                                           "away."),
            "state_db_busy": self.tr("{path} stayed locked by another program for {seconds} s ({attempts} attempts), "
                                     "so the change was not saved."),
        }


def _instant(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


def _problems() -> Problems:
    return _word_maker("problems", Problems)
