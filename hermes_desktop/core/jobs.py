"""The job store over ``cron/jobs.json``, shared with the Hermes CLI and gateway.

Rules that keep both programs' data safe:

* every read-modify-write holds ``cron/.jobs.lock`` - a flock on the very file
  Hermes flocks - with a bounded wait (:class:`LockTimeout` past it);
* writes go to a temp file in the same folder, are fsynced and renamed over
  the old file (mode 0600), so a reader never sees half a file;
* records are plain dicts: fields this app does not know survive every write;
* a ``jobs.json`` that cannot be parsed is never written (:class:`JobsFileError`)
  and one malformed record neither hides nor breaks the others.
"""

from __future__ import annotations

import contextlib
import copy
import errno
import json
import logging
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path, PurePath
from typing import Any, TypeVar

from filelock import FileLock, Timeout

from .home import HermesHome
from .job_fields import EDITABLE, JobError, carried_fields, check_fields, check_job, check_references
from .problems import Problem, ProblemError
from .schedule import (
    MAX_STORED_INTERVAL_MIN,
    ONESHOT_GRACE_S,
    ScheduleError,
    check_schedule,
    next_run,
    parse_instant,
    parse_schedule,
    same_schedule,
    to_record,
)
from .states import JobState, RunStatus
from .zone import schedule_zone

log = logging.getLogger("hermes_desktop.store")

Clock = Callable[[], datetime]
T = TypeVar("T")
Job = dict[str, Any]

STATES = JobState.stored()
TITLE_PROMPT_CHARS = 60
SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
TEMP_PREFIX, TEMP_SUFFIX = ".jobs_", ".tmp"  # the names Hermes gives its temp files too
STALE_TEMP_S = 60


class JobsFileError(ProblemError, RuntimeError):
    """``jobs.json`` cannot be read as Hermes' format; it is left untouched and no write is made."""


class LockTimeout(ProblemError, RuntimeError):
    """Another process held ``cron/.jobs.lock`` for longer than the bounded wait."""


class HomeNotWritable(JobsFileError):
    """The home (or a file in it) cannot be written: read-only, not ours, or not a file where one must be."""


READ_ONLY_ERRNOS = (errno.EROFS, errno.EACCES, errno.EPERM)


def _read_only(path: PurePath, exc: OSError, code: str) -> HomeNotWritable:
    return HomeNotWritable(Problem.of(code, folder=str(path.parent), detail=str(exc.strerror)))


def lock_error(path: PurePath, exc: OSError) -> JobsFileError:
    """An OSError from taking a lock file, as one clear sentence."""
    if exc.errno in READ_ONLY_ERRNOS:
        return _read_only(path, exc, "home_read_only_lock")
    if exc.errno == errno.EISDIR:
        return JobsFileError(Problem.of("lock_is_folder", path=str(path)))
    return JobsFileError(Problem.of("lock_failed", path=str(path), detail=str(exc.strerror or exc)))


def write_error(path: PurePath, exc: OSError) -> JobsFileError:
    """An OSError from writing ``jobs.json``, as one clear sentence (the file is unchanged)."""
    if exc.errno in READ_ONLY_ERRNOS:
        return _read_only(path, exc, "home_read_only_write")
    if exc.errno == errno.ENOSPC:
        return JobsFileError(Problem.of("disk_full", path=str(path)))
    return JobsFileError(Problem.of("write_failed", path=str(path), detail=str(exc.strerror or exc)))


class JobNotFound(ProblemError, LookupError):
    pass


class AmbiguousJob(LookupError):
    pass


def _utcnow() -> datetime:
    return datetime.now(UTC)


# --------------------------------------------------------------------------- record helpers


_STATE_OF_WORD = {state.value: state for state in STATES}


def job_state(job: Job) -> JobState:
    """The record's state, else ``scheduled``/``disabled`` from ``enabled``."""
    state = job.get("state")
    known = _STATE_OF_WORD.get(state) if isinstance(state, str) else None
    if known is not None:
        return known
    return JobState.SCHEDULED if job.get("enabled", True) else JobState.DISABLED


def job_title(job: Job, fallback: str = "Cron job") -> str:
    """Name, else the prompt clipped to 60 characters, else the script, else the id, else ``fallback``."""
    for key in ("name",):
        value = job.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    prompt = job.get("prompt")
    if isinstance(prompt, str) and prompt.strip():
        text = " ".join(prompt.split())
        return text if len(text) <= TITLE_PROMPT_CHARS else text[: TITLE_PROMPT_CHARS - 1].rstrip() + "…"
    for key in ("script", "id"):
        value = job.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return fallback


def job_next_run(job: Job, tz: tzinfo | None = None) -> datetime | None:
    """The record's ``next_run_at`` as a UTC instant (None when absent or unreadable)."""
    return utc_instant(job.get("next_run_at"), tz)


_from_iso = datetime.fromisoformat


def utc_instant(value: Any, tz: tzinfo | None = None) -> datetime | None:
    """A record's timestamp as a UTC instant (None when absent or unreadable); naive ones are read in ``tz``.

    The usual value - written in UTC with ``+00:00`` - is read with one call:
    a read of 10,000 jobs asks this twice per job.
    """
    if type(value) is str and "Z" not in value:
        try:
            at = _from_iso(value)
        except ValueError:
            return None
        if at.tzinfo is UTC:
            return at
    found = parse_instant(value, tz)
    return found.astimezone(UTC) if found else None


def record_problem(record: Any) -> str | None:
    """Why a record cannot be used as a job (None when it can)."""
    if not isinstance(record, dict):
        return "is not an object"
    if not isinstance(record.get("id"), str) or not record["id"].strip():
        return "has no id"
    try:
        check_schedule(record.get("schedule"))
    except ScheduleError as exc:
        return exc.detail
    return None


_SOUND_CRON: set[str] = set()  # cron expressions check_schedule accepted


def _sound_schedule(schedule: Any) -> bool:
    """True when :func:`check_schedule` accepts ``schedule`` and that is known at once: an interval of whole
    minutes, or a cron expression accepted before. False means only: ask it."""
    if type(schedule) is dict:
        kind = schedule.get("kind")
        if kind == "cron":
            expr = schedule.get("expr")
            return type(expr) is str and expr in _SOUND_CRON
        if kind == "interval":
            minutes = schedule.get("minutes")
            return type(minutes) is int and 1 <= minutes <= MAX_STORED_INTERVAL_MIN
    return False


def _remember_sound(schedule: dict[str, Any]) -> None:
    """Note a schedule :func:`check_schedule` accepted, when it is a cron expression."""
    expr = schedule.get("expr")
    if schedule.get("kind") == "cron" and type(expr) is str:
        if len(_SOUND_CRON) > 4096:
            _SOUND_CRON.clear()
        _SOUND_CRON.add(expr)


def usable(records: list[Any]) -> list[Job]:
    """The records that are jobs this app may run and edit: well formed, with an id of their own."""
    twins = duplicate_ids(records)
    return [r for r in records if record_problem(r) is None and r["id"] not in twins]


def duplicate_ids(records: list[Any]) -> set[str]:
    """Ids held by more than one record: such jobs cannot be told apart, so none of them is run or edited."""
    seen: set[str] = set()
    twins: set[str] = set()
    for record in records:
        job_id = record.get("id") if isinstance(record, dict) else None
        if isinstance(job_id, str):
            (twins if job_id in seen else seen).add(job_id)
    return twins


@dataclass
class JobsSnapshot:
    """What one read of ``jobs.json`` found: usable jobs and the problems of the rest."""

    jobs: list[Job] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    error: str | None = None  # the whole file is unreadable
    tz: tzinfo | None = None  # the zone the schedules are read in (Hermes' own for the home)
    digests: dict[str, int] = field(default_factory=dict)  # job id -> a hash of its record's text as read

    def changes_since(self, before: dict[str, int]) -> tuple[list[Job], list[str]]:
        """The jobs whose text differs from an earlier read's (``before``: its digests), and the ids gone since:
        what a view holding that read must take, found without comparing 10,000 records field by field."""
        digests = self.digests
        changed = [j for j in self.jobs if before.get(j["id"]) != digests.get(j["id"])]
        return changed, [i for i in before if i not in digests]


# --------------------------------------------------------------------------- the store


class JobStore:
    def __init__(
        self,
        home: HermesHome,
        *,
        tz: tzinfo | None = None,
        clock: Clock = _utcnow,
        lock_timeout: float = 10.0,
    ) -> None:
        self.home = home
        self._tz = tz
        self.clock = clock
        self.lock_timeout = lock_timeout
        # The signature of the file as this store last wrote it (taken under the jobs lock, so it is
        # exactly that write): a window that applies the returned records need not read its own write back.
        self.last_signature: tuple[int, int, int] | None = None
        # Told of each write (under the locks, so in the order of the writes): who shows the jobs applies it.
        self.on_written: Callable[[JobsWrite], None] | None = None
        self._parsed: _Parsed | None = None  # the file as this store last read or wrote it
        self._mutex = threading.RLock()  # this store's threads take turns with it

    @property
    def tz(self) -> tzinfo:
        """The zone schedules are read in: the one given, else Hermes' own for this home."""
        return self._tz or schedule_zone(self.home)

    # ----------------------------------------------------------------- reading

    def signature(self) -> tuple[int, int, int] | None:
        """Changes whenever the file is replaced or rewritten (for cheap change polling)."""
        try:
            st = os.stat(self.home.jobs_file)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _read(self, digests: list[int] | None = None) -> dict[str, Any]:
        """The whole document, or :class:`JobsFileError`. A missing file is an empty store.

        ``digests``, when given, gets a hash of each record's text, in order.
        """
        path = self.home.jobs_file
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return {"jobs": []}
        except OSError as exc:
            raise JobsFileError(Problem.of("read_failed", path=str(path), detail=str(exc.strerror or exc))) from exc
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise JobsFileError(Problem.of("not_utf8", path=str(path), byte=exc.start)) from exc
        try:
            try:
                data = parse_document(text, digests=digests)
            except json.JSONDecodeError:
                # Bare control characters inside strings (a hand edit): Hermes reads these leniently too,
                # and the next write stores them escaped.
                if digests is not None:
                    digests.clear()
                data = parse_document(text, strict=False, digests=digests)
        except json.JSONDecodeError as exc:
            raise JobsFileError(Problem.of("not_json", path=str(path), line=exc.lineno, column=exc.colno,
                                           detail=exc.msg)) from exc
        except RecursionError:
            raise JobsFileError(Problem.of("too_deep", path=str(path))) from None
        except ValueError as exc:  # e.g. a number with thousands of digits
            raise JobsFileError(Problem.of("not_a_jobs_file", path=str(path), detail=str(exc))) from None
        if isinstance(data, list):  # a bare list, as Hermes also accepts
            data = {"jobs": data}
        if not isinstance(data, dict) or not isinstance(data.get("jobs", []), list):
            raise JobsFileError(Problem.of("no_jobs_list", path=str(path)))
        data.setdefault("jobs", [])
        return data

    def load(self) -> JobsSnapshot:
        """Read without the lock (writers rename whole files into place)."""
        digests: list[int] = []
        try:
            data = self._read(digests)
        except JobsFileError as exc:
            return JobsSnapshot(error=str(exc), tz=self.tz)
        tz = self.tz  # once per read, not per record (10,000 look-ups of the home's zone: ~25 ms)
        snap = JobsSnapshot(tz=tz)
        records = data["jobs"]
        if len(digests) != len(records):  # a small or oddly shaped file: hash each record's encoding
            digests[:] = [hash(_encode(r)) for r in records]
        # One pass of plain look-ups for the usual record (10,000 of them on a profile switch); anything
        # unusual is checked as record_problem says, word for word.
        ids = [r.get("id") if type(r) is dict else None for r in records]
        named = [i for i in ids if type(i) is str]
        twins = duplicate_ids(records) if len(set(named)) != len(named) else set()
        jobs, problems, by_id = snap.jobs, snap.problems, snap.digests
        for index, record in enumerate(records):
            job_id = ids[index]
            if not (type(job_id) is str and job_id.strip() and job_id not in twins
                    and _sound_schedule(record.get("schedule"))):
                problem = record_problem(record)
                if problem is None and record["id"] in twins:
                    problem = ("shares its id with another job; neither runs until one of them gets another id "
                               "(the file is left as it is)")
                if problem:
                    label = record.get("id") or record.get("name") if isinstance(record, dict) else None
                    problems.append(f"Job #{index + 1}{f' ({label})' if label else ''} {problem.rstrip('.')}.")
                    continue
                _remember_sound(record["schedule"])
                job_id = record["id"]
            at = record.get("next_run_at")
            if at is not None and utc_instant(at, tz) is None:
                problems.append(f"Job {job_id} has an unreadable next_run_at; it is recomputed.")
            jobs.append(record)
            by_id[job_id] = digests[index]
        return snap

    def list_jobs(self) -> list[Job]:
        snap = self.load()
        if snap.error:
            raise JobsFileError(snap.error)
        return snap.jobs

    def get(self, ref: str) -> Job:
        return _resolve(self.list_jobs(), ref)

    # ----------------------------------------------------------------- writing

    def _lock(self) -> FileLock:
        self.home.cron_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        # preserve_lock_file: Hermes flocks this path too; unlinking it on release
        # would let a waiter lock a dead inode while someone else locks the new one.
        return FileLock(str(self.home.jobs_lock), timeout=self.lock_timeout, preserve_lock_file=True, mode=0o600)

    def _write(self, data: dict[str, Any], encoded: list[str] | None = None) -> None:
        """Replace the file atomically (the caller holds the jobs lock).

        The document is written one job per line (``encoded``: each record
        already serialised), which any JSON reader - Hermes' included - reads
        as usual, and which costs a fraction of pretty-printing the whole
        tree: an edit at 10,000 jobs stays cheaper than Hermes' own.

        A ``jobs.json`` that is a symlink is written through: the link stays
        and its target gets the new text, as Hermes does. Where a rename onto
        the file is refused (a single file bind-mounted into a container:
        EBUSY; a target on another filesystem: EXDEV) the text is copied into
        place instead. Temp files a killed writer left behind are removed.
        """
        link = self.home.jobs_file
        path = Path(os.path.realpath(link)) if link.is_symlink() else link
        data["updated_at"] = to_record(self.clock(), self.tz)
        self._sweep_temp_files()
        fd, tmp = tempfile.mkstemp(dir=str(link.parent), prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(_document(data, encoded))
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            try:
                os.replace(tmp, path)
            except OSError as exc:
                if exc.errno not in (errno.EBUSY, errno.EXDEV):
                    raise
                log.info("cannot rename onto %s (%s); copying into place", path, errno.errorcode[exc.errno])
                _copy_into_place(Path(tmp), path)
                os.unlink(tmp)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self.last_signature = self.signature()
        try:  # make the rename itself durable
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError:  # pragma: no cover - Windows has no directory fsync
            pass

    def _sweep_temp_files(self) -> None:
        """Remove ``.jobs_*.tmp`` files older than a minute: writers (ours and Hermes') only make them under
        the jobs lock, which is held now, so an old one belongs to a writer that was killed mid-write."""
        cutoff = time.time() - STALE_TEMP_S
        try:
            entries = list(os.scandir(self.home.cron_dir))
        except OSError:
            return
        for entry in entries:
            if not (entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX)):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.unlink(entry.path)
                    log.info("removed %s, left by a writer that was stopped mid-write", entry.name)

    def mutate(self, change: Callable[[list[Any]], T]) -> T:
        """Run ``change(records)`` under the jobs lock and write the records back.

        ``change`` edits the list in place (or raises to abort: nothing is
        written). The file is re-read under the lock whenever another program
        wrote it since, so no other writer's update is lost. Every record is
        compared before and after (by its encoding); nothing is written when
        none changed. A change that knows which records it touched (a tick's
        claims) uses :meth:`mutate_some`, which encodes only those.
        """
        def detect(records: list[Any], lines: list[str]) -> tuple[T, list[str] | None]:
            result = change(records)
            after = [_encode(r) for r in records]
            return result, (None if after == lines else after)

        return self._locked(detect)

    def mutate_some(self, change: Callable[[list[Any]], tuple[T, Iterable[int]]]) -> T:
        """Like :meth:`mutate`, for a change that says which records it may have changed: ``change(records)``
        returns its result and those records' positions, and only they are encoded again and compared (a
        tick that claims 20 jobs among 10,000 neither copies nor encodes the other 9,980). It must not add,
        remove or reorder records."""
        def some(records: list[Any], lines: list[str]) -> tuple[T, list[str] | None]:
            count = len(records)
            result, touched = change(records)
            if len(records) != count:
                raise RuntimeError("mutate_some: the change added or removed records")
            edited: list[str] | None = None
            for at in sorted(set(touched)):
                line = _encode(records[at])
                if line != lines[at]:
                    edited = edited or list(lines)
                    edited[at] = line
            return result, edited

        return self._locked(some)

    def mutate_record(self, job_id: str, change: Callable[[Job], T], default: T) -> T:
        """Run ``change(record)`` on the one record with this id under the jobs lock (``default`` if there is
        none); only that record is encoded again, so a run's bookkeeping at 10,000 jobs costs one record's
        encoding and the write, not a serialisation of the whole file."""
        def one(records: list[Any], lines: list[str]) -> tuple[T, list[str] | None]:
            at = next((i for i, r in enumerate(records) if isinstance(r, dict) and r.get("id") == job_id), None)
            if at is None:
                return default, None
            result = change(records[at])
            return result, _replaced(lines, at, _encode(records[at]))

        return self._locked(one)

    def _edit(self, ref: str, edit: Callable[[Job], None]) -> Job:
        """One job's edit: only that record is encoded again (an edit at 10,000 jobs stays cheap)."""
        def change(records: list[Any], lines: list[str]) -> tuple[Job, list[str] | None]:
            job = _find(records, ref)
            at = next(i for i, r in enumerate(records) if r is job)
            edit(job)
            line = _encode(job)
            return json.loads(line), _replaced(lines, at, line)

        return self._locked(change)

    def with_records(self, read: Callable[[list[Any]], T]) -> T:
        """``read(records)`` over every record as the file holds them now, without the jobs lock.

        While the file is as this store last read or wrote it, its parsed
        records are reused, so a scheduler asking "is anything due?" after its
        own write parses nothing. ``read`` must not change the records.
        Raises :class:`JobsFileError` for an unreadable file.
        """
        with self._mutex:
            return read(self._current().data["jobs"])

    def _current(self) -> _Parsed:
        """The document as the file holds it now (this thread holds ``_mutex``): reused while unchanged."""
        signature = self.signature()
        cached = self._parsed
        if cached is not None and signature is not None and cached.signature == signature:
            return cached
        self._parsed = None
        # The signature is taken before the read: a file replaced in between is read again next time.
        parsed = _Parsed(signature, self._read())
        self._parsed = parsed
        return parsed

    def _locked(self, change: Callable[[list[Any], list[str]], tuple[T, list[str] | None]]) -> T:
        """Under the jobs lock: ``change(records, lines)`` edits in place and returns its result and, when
        anything changed, every record's new encoding (``lines`` are the encodings before)."""
        try:
            lock = self._lock()
            lock.acquire()
        except Timeout:
            raise LockTimeout(Problem.of("lock_timeout", path=str(self.home.jobs_lock),
                                         seconds=f"{self.lock_timeout:.0f}")) from None
        except OSError as exc:
            raise lock_error(self.home.jobs_lock, exc) from None
        try:
            with self._mutex:
                parsed = self._current()
                before = parsed.encoded()
                try:
                    result, after = change(parsed.data["jobs"], before)
                    if after is not None:
                        try:
                            self._write(parsed.data, after)
                        except OSError as exc:
                            raise write_error(self.home.jobs_file, exc) from None
                except BaseException:
                    self._parsed = None  # the records may be half changed: read the file again next time
                    raise
                if after is not None:
                    parsed.signature, parsed.lines = self.last_signature, after
                    if self.on_written is not None:
                        self.on_written(_what_changed(before, after, parsed.data["jobs"], self.last_signature))
                return result
        finally:
            lock.release()

    # ----------------------------------------------------------------- operations

    def _schedule(self, schedule: str | dict[str, Any]) -> dict[str, Any]:
        if isinstance(schedule, dict):
            return check_schedule(dict(schedule))
        return parse_schedule(schedule, now=self.clock(), tz=self.tz)

    def _first_run(self, schedule: dict[str, Any]) -> str:
        now = self.clock()
        if schedule["kind"] == "once":
            at = parse_instant(schedule["run_at"], self.tz)
            if at is None or (now - at).total_seconds() > ONESHOT_GRACE_S:
                raise ScheduleError("past", f"The one-shot time {schedule.get('run_at')} has already passed.")
            return to_record(at, self.tz)
        at = next_run(schedule, now, self.tz)
        if at is None:  # pragma: no cover - check_schedule refuses schedules that never occur
            raise JobError("This schedule has no future run.")
        return to_record(at, self.tz)

    def create(
        self,
        schedule: str | dict[str, Any],
        prompt: str = "",
        *,
        paused: bool = False,
        like: Job | None = None,
        **values: Any,
    ) -> Job:
        """A new job. ``values`` are the editable fields (``name``, ``script``, ``no_agent``, ``repeat``, ``model``,
        ``provider``, ``base_url``, ``deliver``, ``skills``, ``enabled_toolsets``, ``workdir``, ``context_from``);
        ``paused`` makes it paused from the start; ``like`` is a record it starts from, whose other fields
        (an ``origin``, fields this app does not know) it keeps."""
        parsed = self._schedule(schedule)
        fields = _checked_fields({"prompt": prompt, **values})
        record: Job = {"name": None, "script": None, "no_agent": False, "model": None, "provider": None,
                       "base_url": None, "repeat": None, "deliver": "local", "skills": [], "skill": None,
                       "enabled_toolsets": None, "workdir": None, "context_from": None, **fields}
        _check_runnable(record, fields)
        now = to_record(self.clock(), self.tz)
        job: Job = {
            "id": "",
            "name": record["name"],
            "prompt": record["prompt"],
            "skills": record["skills"],
            "skill": record["skill"],
            "model": record["model"],
            "provider": record["provider"],
            "base_url": record["base_url"],
            "script": record["script"],
            "no_agent": record["no_agent"],
            "context_from": record["context_from"],
            "schedule": parsed,
            "schedule_display": parsed["display"],
            "repeat": {"times": record["repeat"], "completed": 0},
            "enabled": not paused,
            "state": JobState.PAUSED if paused else JobState.SCHEDULED,
            "paused_at": now if paused else None,
            "paused_reason": None,
            "created_at": now,
            "next_run_at": self._first_run(parsed),
            "last_run_at": None,
            "last_status": None,
            "last_error": None,
            "deliver": record["deliver"],
            "origin": None,
            "enabled_toolsets": record["enabled_toolsets"],
            "workdir": record["workdir"],
        }
        job.update(carried_fields(like, set(job) - {"origin"}))

        def change(records: list[Any]) -> Job:
            taken = {r.get("id") for r in records if isinstance(r, dict)}
            job_id = secrets.token_hex(6)
            while job_id in taken:  # pragma: no cover - 48 random bits
                job_id = secrets.token_hex(6)
            job["id"] = job_id
            check_references(job["context_from"], taken)
            records.append(job)
            return copy.deepcopy(job)

        created = self.mutate(change)
        log.info("created job %s", created["id"])
        return created

    def update(self, ref: str, **changes: Any) -> Job:
        """Change the given fields; anything else in the record, ``next_run_at`` and ``state`` included, stays.

        A schedule that fires at the same times as the job's own (same kind and
        expression once parsed, whatever the wording) changes nothing, so a
        rename never moves the next run or clears an error. A new schedule
        re-arms the job: a finished or missed one-shot given a new time runs
        again.
        """
        unknown = set(changes) - EDITABLE
        if unknown:
            raise JobError(f"These fields cannot be changed: {', '.join(sorted(unknown))}.")
        wanted = changes.pop("schedule", None)
        if isinstance(wanted, str):
            wanted = parse_schedule(wanted, now=self.clock(), tz=self.tz, allow_past=True)
        elif wanted is not None:
            wanted = check_schedule(dict(wanted))
        checked = _checked_fields(changes)
        if checked.get("context_from"):  # checked before the edit, as Hermes does: a job deleted meanwhile is harmless
            check_references(checked["context_from"], (j["id"] for j in self.list_jobs()))

        def edit(job: Job) -> None:
            for key, value in checked.items():
                if key == "repeat":
                    rep = job.get("repeat")
                    job["repeat"] = {**(rep if isinstance(rep, dict) else {"completed": 0}), "times": value}
                else:
                    job[key] = value
            _check_runnable(job, checked)
            if wanted is not None and not same_schedule(wanted, job.get("schedule"), self.tz):
                first = self._first_run(wanted)  # refuses a one-shot time that has passed
                job["schedule"] = wanted
                job["schedule_display"] = wanted["display"]
                if job_state(job) in (JobState.COMPLETED, JobState.ERROR):
                    job.update(state=JobState.SCHEDULED, enabled=True)
                if wanted["kind"] == "once" and isinstance(job.get("repeat"), dict):
                    job["repeat"]["completed"] = 0  # a re-armed one-shot is not spent (Hermes removes spent ones)
                if job_state(job) != JobState.PAUSED:
                    job["next_run_at"] = first

        return self._edit(ref, edit)

    def pause(self, ref: str, reason: str | None = None) -> Job:
        def edit(job: Job) -> None:
            if job_state(job) == JobState.COMPLETED:
                raise JobError(Problem.of("nothing_to_pause", id=job["id"]))
            job.update(enabled=False, state=JobState.PAUSED, paused_at=to_record(self.clock(), self.tz),
                       paused_reason=(reason or None))

        return self._edit(ref, edit)

    def resume(self, ref: str) -> Job:
        def edit(job: Job) -> None:
            job["next_run_at"] = self._first_run(job["schedule"])
            job.update(enabled=True, state=JobState.SCHEDULED, paused_at=None, paused_reason=None)

        return self._edit(ref, edit)

    def trigger(self, ref: str) -> Job:
        """Make the job due now: the next tick runs it."""

        def edit(job: Job) -> None:
            job.update(enabled=True, paused_at=None, paused_reason=None,
                       next_run_at=to_record(self.clock(), self.tz))
            if job_state(job) != JobState.RUNNING:
                job["state"] = JobState.SCHEDULED

        return self._edit(ref, edit)

    def remove(self, ref: str) -> Job:
        def change(records: list[Any]) -> Job:
            job = _resolve(usable(records), ref)
            records.remove(job)
            return job

        removed = self.mutate(change)
        if SAFE_ID.match(removed["id"]):
            shutil.rmtree(self.home.job_output_dir(removed["id"]), ignore_errors=True)
        log.info("removed job %s", removed["id"])
        return removed

    def record_run(self, job_id: str, *, ok: bool, error: str | None = None,
                   ran_at: datetime | None = None) -> Job | None:
        """Record a finished run's outcome; returns the updated record (None if it was deleted meanwhile)."""
        when = ran_at or self.clock()

        def change(records: list[Any]) -> Job | None:
            for job in records:
                if isinstance(job, dict) and job.get("id") == job_id:
                    apply_run_outcome(job, ok=ok, error=error, ran_at=when, tz=self.tz)
                    return copy.deepcopy(job)
            return None

        return self.mutate(change)


@dataclass
class _Parsed:
    """A store's parsed ``jobs.json``: the document, and each record's encoding once asked for."""

    signature: tuple[int, int, int] | None
    data: dict[str, Any]
    lines: list[str] | None = None

    def encoded(self) -> list[str]:
        if self.lines is None:
            self.lines = [_encode(r) for r in self.data["jobs"]]
        return self.lines


@dataclass(frozen=True)
class JobsWrite:
    """What one write of a store changed: fresh copies of the records that changed or were added, the ids
    of those removed, and the file's signature as the write left it."""

    signature: tuple[int, int, int] | None
    changed: list[Job]
    removed: list[str]


def _replaced(lines: list[str], at: int, line: str) -> list[str] | None:
    """``lines`` with ``line`` at ``at``, or None when that record did not change."""
    if lines[at] == line:
        return None
    after = list(lines)
    after[at] = line
    return after


def _what_changed(before: list[str], after: list[str], records: list[Any],
                  signature: tuple[int, int, int] | None) -> JobsWrite:
    """The records a write changed or added (fresh copies, nobody else's objects) and the ids it removed, found
    from the lines that differ: no pass of Python over every record (a tick's claim at 10,000 jobs)."""
    known, kept = set(before), set(after)
    changed = [json.loads(line) for line in after if line not in known]
    gone = {r.get("id") for r in (json.loads(line) for line in before if line not in kept) if isinstance(r, dict)}
    gone -= {r.get("id") for r in changed if isinstance(r, dict)}
    if gone:  # a record removed (or its id changed): unless another record still has that id
        gone -= {r.get("id") for r in records if isinstance(r, dict)}
    return JobsWrite(signature, [r for r in changed if isinstance(r, dict) and isinstance(r.get("id"), str)],
                     sorted(i for i in gone if isinstance(i, str)))


_WS = re.compile(r"[ \t\n\r]*")
WHOLE_PARSE_CHARS = 256 * 1024


def parse_document(text: str, strict: bool = True, digests: list[int] | None = None) -> Any:
    """``json.loads`` for jobs.json, but a large ``jobs`` array is parsed one record at a time.

    One ``json.loads`` of a 9 MB file holds the GIL for its whole 100 ms, so
    every thread - the window's included - stands still meanwhile; between
    records the interpreter can switch threads, and the window keeps moving.
    Any JSON layout is read (Hermes' indented one and this app's one job per
    line alike); the result is what ``json.loads`` gives. ``digests`` gets a
    hash of each record's text as it is read (a large file only).
    """
    if len(text) < WHOLE_PARSE_CHARS:
        return json.loads(text, strict=strict)
    if strict:
        found = _one_job_per_line(text)
        if found is not None:
            if digests is not None:
                digests.extend(found[1])
            return found[0]
    dec = json.JSONDecoder(strict=strict)
    value: Any
    i = _WS.match(text, 0).end()  # type: ignore[union-attr]
    if text.startswith("[", i):
        value, i = _array(dec, text, i, digests)
    elif text.startswith("{", i):
        value, i = _object(dec, text, i, digests)
    else:
        value, i = dec.raw_decode(text, i)
    i = _WS.match(text, i).end()  # type: ignore[union-attr]
    if i != len(text):
        raise json.JSONDecodeError("Extra data", text, i)
    return value


_HEAD = '{\n  "jobs": [\n'  # how _document begins
_TAIL = "\n  ]"  # and how its jobs array ends
_JSON_WS = " \t\r\n"
_SEAM = re.compile(r"\}[ \t\r]*,[ \t\r]*\{")  # where one object ends and the next begins on the same line
# ~12 of this app's records: one json.loads of them holds the GIL ~0.2 ms, near the GUI thread's switch interval
# (64 KB chunks parsed no faster, and held it 1-3 ms each time the window wanted Python back)
CHUNK_CHARS = 8 * 1024


def _one_job_per_line(text: str) -> tuple[dict[str, Any], list[int]] | None:
    """The document and a digest of each record when ``text`` is laid out as :func:`_document` writes it, else None.

    The records are read a chunk of lines at a time with one ``json.loads``
    each: ~1 ms of holding the GIL at a time, and faster than one
    ``raw_decode`` per record (the decoder shares key strings within a call,
    so the records also take half the memory).
    Each chunk, cut after a line ending with a comma, must be a list of values
    on its own; then the head, the chunks, the array's end and the other
    members are valid JSON together, whose one parse is the result here.
    Anything else - Hermes' indented layout, a damaged file - gives None and
    the general parser reads the file, with its errors. Strict mode only.

    A record's digest is a hash of its text, as the general parser's: taken
    from its line, which is sound only where each line is one record. A chunk
    whose records are objects as many as its lines, none ending on the line
    where the next begins (no ``}, {`` there), is; any other chunk is read
    again record by record.
    """
    if not text.startswith(_HEAD):
        return None
    end = text.rfind(_TAIL)
    if end <= len(_HEAD):
        return None
    dec = json.JSONDecoder()
    records: list[Any] = []
    digests: list[int] = []
    try:
        rest = text[end + len(_TAIL):].lstrip(_JSON_WS)
        if rest.startswith(","):
            others = json.loads("{" + rest[1:])
            if not others:  # "], }": a trailing comma, which json.loads refuses
                return None
        elif rest.rstrip(_JSON_WS) == "}":
            others = {}
        else:
            return None
        at = len(_HEAD)
        while at < end:
            cut = text.find("\n", at + CHUNK_CHARS, end)
            cut = end if cut < 0 else cut
            region = text[at:cut]
            body = region
            if cut < end:
                body = region.rstrip(_JSON_WS)
                if not body.endswith(","):
                    return None
                body = body[:-1]
            chunk = "[" + body + "]"
            parsed = json.loads(chunk)
            lines = region.split("\n")
            if len(parsed) != len(lines):  # not one record a line: Hermes' layout, a blank line ...
                return None
            if _SEAM.search(region) is None and all(type(r) is dict for r in parsed):
                records.extend(parsed)
                digests.extend(map(hash, map(_record_text, lines)))
            else:
                again, stop = _array(dec, chunk, 0, digests)
                if stop != len(chunk):  # pragma: no cover - json.loads took the same text whole
                    return None
                records.extend(again)
            at = cut + 1
    except (ValueError, RecursionError):  # the general parser reads it again, and says what is wrong as usual
        return None
    document = {"jobs": records}
    document.update(others)
    return document, digests


def _record_text(line: str) -> str:
    """A line's record: the line without the whitespace around it and the comma after it."""
    text = line.strip(_JSON_WS)
    return text[:-1].rstrip(_JSON_WS) if text.endswith(",") else text


def _array(dec: json.JSONDecoder, text: str, i: int, digests: list[int] | None = None) -> tuple[list[Any], int]:
    """The array starting at ``text[i] == '['``, element by element (``digests``: a hash of each one's text)."""
    out: list[Any] = []
    i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", i):
        return out, i + 1
    while True:
        start = i
        value, i = dec.raw_decode(text, i)
        out.append(value)
        if digests is not None:
            digests.append(hash(text[start:i]))
        i = _WS.match(text, i).end()  # type: ignore[union-attr]
        if text.startswith("]", i):
            return out, i + 1
        if not text.startswith(",", i):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, i)
        i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]


def _object(dec: json.JSONDecoder, text: str, i: int, digests: list[int] | None = None) -> tuple[dict[str, Any], int]:
    """The top-level object; its ``jobs`` array is read with :func:`_array`, other values whole."""
    out: dict[str, Any] = {}
    i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
    if text.startswith("}", i):
        return out, i + 1
    while True:
        if not text.startswith('"', i):
            raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, i)
        key, i = dec.raw_decode(text, i)
        i = _WS.match(text, i).end()  # type: ignore[union-attr]
        if not text.startswith(":", i):
            raise json.JSONDecodeError("Expecting ':' delimiter", text, i)
        i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        if key == "jobs" and text.startswith("[", i):
            out[key], i = _array(dec, text, i, digests)
        else:
            out[key], i = dec.raw_decode(text, i)
        i = _WS.match(text, i).end()  # type: ignore[union-attr]
        if text.startswith("}", i):
            return out, i + 1
        if not text.startswith(",", i):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, i)
        i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]


def _encode(value: Any) -> str:
    """One value as compact JSON (the C encoder: pretty-printing runs in pure Python, ten times slower)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=True)


def _document(data: dict[str, Any], encoded: list[str] | None = None) -> str:
    """``{"jobs": [...], ...}`` with one job per line, then the other top-level keys, each kept as it was."""
    jobs = encoded if encoded is not None else [_encode(r) for r in data.get("jobs", [])]
    lines = ['{\n  "jobs": [\n', ",\n".join(f"    {j}" for j in jobs), "\n  ]" if jobs else "  ]"]
    for key, value in data.items():
        if key != "jobs":
            lines.append(f",\n  {_encode(key)}: {_encode(value)}")
    lines.append("\n}\n")
    return "".join(lines)


def _copy_into_place(source: Path, target: Path) -> None:
    """Overwrite ``target`` in place with ``source``'s bytes and fsync it (when it cannot be renamed over)."""
    data = source.read_bytes()
    with open(target, "r+b" if target.exists() else "wb") as fh:
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def apply_run_outcome(job: Job, *, ok: bool, error: str | None, ran_at: datetime, tz: tzinfo) -> None:
    """Fold one run's outcome into a record (the caller holds the jobs lock)."""
    job["last_run_at"] = to_record(ran_at, tz)
    job["last_status"] = RunStatus.OK if ok else RunStatus.ERROR
    job["last_error"] = None if ok else (error or "The run failed.")
    job["run_claim"] = None
    # a new dict, not the old one edited: a caller's change may be detected by its records' own keys
    repeat: dict[str, Any] = dict(job["repeat"]) if isinstance(job.get("repeat"), dict) else {"times": None}
    completed = int(repeat.get("completed") or 0) + 1
    repeat["completed"] = completed
    job["repeat"] = repeat
    times = repeat.get("times")
    finished = (isinstance(times, int) and times > 0 and completed >= times) or job["schedule"].get("kind") == "once"
    if finished:
        job.update(state=JobState.COMPLETED, enabled=False, next_run_at=None)
    elif job_state(job) != JobState.PAUSED and job_state(job) != JobState.COMPLETED and job.get("enabled", True):
        job["state"] = JobState.SCHEDULED if ok else JobState.ERROR
        if job.get("next_run_at") is None or job_next_run(job, tz) is None:
            nxt = next_run(job["schedule"], ran_at, tz)
            job["next_run_at"] = to_record(nxt, tz) if nxt else None


def _checked_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields as Hermes stores them, or :class:`~.job_fields.FieldError` naming the one refused."""
    return check_fields(fields)


def _check_runnable(job: dict[str, Any], changed: Any = ()) -> None:
    check_job(job, changed)


def _find(records: list[Any], ref: str) -> Job:
    """The usable job ``ref`` names; by id without checking every record when the id is unique and sound."""
    ref = (ref or "").strip()
    hits = [r for r in records if isinstance(r, dict) and r.get("id") == ref]
    if len(hits) == 1 and record_problem(hits[0]) is None:
        return hits[0]
    return _resolve(usable(records), ref)


def _resolve(jobs: list[Job], ref: str) -> Job:
    ref = (ref or "").strip()
    for job in jobs:
        if job.get("id") == ref:
            return job
    for exact in (True, False):
        matches = [
            j for j in jobs
            if isinstance(j.get("name"), str)
            and (j["name"].strip() == ref if exact else j["name"].strip().lower() == ref.lower())
        ]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            ids = ", ".join(j["id"] for j in matches)
            raise AmbiguousJob(f"{len(matches)} jobs are named {ref!r} ({ids}); use the id.")
    raise JobNotFound(Problem.of("job_not_found", ref=ref))
