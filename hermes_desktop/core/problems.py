"""What went wrong, as a code with parameters, so the window can say it in the user's language.

Core tells of a failure - a script's exit code, a jobs file that is not JSON,
a lock another program holds - as a :class:`Problem`: a ``code`` and the
``params`` that fill its sentence. ``str()`` gives the English sentence,
exactly as logs, the CLI and the files Hermes reads have always had it
(``last_error`` in jobs.json and run transcripts stay in English, as Hermes
writes them). The UI words the same problem through ``tr()`` in one place
(:func:`hermes_desktop.l10n.problem_text`).

Text that was already stored is English only. :func:`read` turns such a
sentence back into its problem by matching it against the same English
sentences, so a stored ``last_error`` that this app wrote can still be shown
translated; a sentence that matches none (Hermes' own, a script's) is shown
as it is.

A parameter named ``detail`` is text from outside (an OS reason, a script's
stderr, an HTTP body): it is shown as it came, never translated. ``count``
is a number of processes, worded in English as "1 process"/"3 processes".
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import Any

# code → the English sentence, in str.format form. Keep each exactly as it has always read: these are
# also the patterns stored text is recognised by.
ENGLISH: dict[str, str] = {
    # scripts (core/runner.py)
    "script_refused_inside": "Script {name!r} is refused: it must be a file inside {folder}.",
    "script_refused_outside": "Script {name!r} is refused: it leads outside {folder}.",
    "script_not_found": "Script {name!r} was not found in {folder}.",
    "script_not_started": "Could not start {name}: {detail}",
    "script_timeout": "{name} was stopped after {seconds} s (the job timeout).",
    "script_timeout_along": "{name} was stopped after {seconds} s (the job timeout), along with the {processes} "
                            "it started.",
    "script_closing": "{name} was stopped because the app was closing.",
    "script_closing_along": "{name} was stopped because the app was closing, along with the {processes} it started.",
    "script_status_lost": "{name} ended, but its exit status was lost.",
    "script_status_lost_left": "{name} ended, but its exit status was lost, leaving {processes} running, which "
                               "{was_were} stopped.",
    "script_exit": "{name} exited with code {code}.",
    "script_exit_said": "{name} exited with code {code}:\n{detail}",
    "script_exit_left": "{name} exited with code {code}, leaving {processes} running, which {was_were} stopped.",
    "script_exit_left_said": "{name} exited with code {code}, leaving {processes} running, which {was_were} "
                             "stopped:\n{detail}",
    # the model endpoint (core/runner.py)
    "no_endpoint": "No model endpoint configured — set one in Settings",
    "endpoint_timeout": "The model endpoint {url} did not answer within {seconds} s.",
    "endpoint_closing": "The request to the model was stopped because the app was closing.",
    "endpoint_unreachable": "Could not reach the model endpoint {url}: {detail}",
    "endpoint_http": "The model endpoint answered HTTP {status}{hint}: {detail}",
    "endpoint_not_chat": "The model endpoint sent a reply that is not a chat completion.",
    "endpoint_no_text": "The model endpoint's reply has no text.",
    "unexpected": "Unexpected error: {detail}",
    "run_failed": "Run failed: {detail}",
    # runs that did not happen or did not finish (core/scheduler.py)
    "run_interrupted": "The run started {at} by {owner} did not finish (its process ended or its lease ran out).",
    "run_cut_short": "This run was interrupted: {detail}",
    "process_ended": "its process ended.",
    "transcript_late": "This run's transcript could not be finished at the time (state.db was busy); it was "
                       "ended later.",
    "one_shot_missed": "Missed: this one-shot was due {due} and was more than {grace} s late when a ticker next "
                       "ran (the app and Hermes were not running). One-shots do not run late; edit the job to set a "
                       "new time.",
    "runs_missed": "{runs} scheduled run(s) from {first} to {last} did not run: nothing was running jobs then (the "
                   "app and Hermes were closed). The job ran once when a ticker came back and its schedule moved on.",
    "runs_overtaken": "{runs} scheduled run(s) from {first} to {last} did not run: the job's ticker came {late} s "
                      "late, so the job ran once for them and its schedule moved on.",
    "ran_late": "This run was due {due} and ran {late} s late, past its grace of {grace} s (the app and Hermes "
                "were not running). {runs} scheduled run(s) up to now were folded into this one run; the schedule "
                "was moved on to the next future time.",
    # jobs.json and its lock (core/jobs.py)
    "lock_timeout": "Another program has held {path} for over {seconds} s; nothing was changed. Try again in a "
                    "moment.",
    "home_read_only_lock": "The Hermes home is read-only here ({folder}: {detail}); jobs can be listed but not "
                           "added, changed, run or ticked.",
    "home_read_only_write": "The Hermes home is read-only here ({folder}: {detail}); nothing was changed.",
    "lock_is_folder": "{path} is a folder, not a lock file; move it away so jobs can be changed and run.",
    "lock_failed": "Cannot take the lock {path}: {detail}.",
    "disk_full": "The disk is full; {path} was left as it was.",
    "write_failed": "Cannot write {path}: {detail}; it was left as it was.",
    "read_failed": "Cannot read {path}: {detail}",
    "not_utf8": "{path} is not UTF-8 text (byte {byte}); fix or move it away.",
    "not_json": "{path} is not valid JSON (line {line}, column {column}: {detail}); it was left untouched - fix "
                "or move it away.",
    "too_deep": "{path} is nested too deeply to be a jobs file; it was left untouched.",
    "not_a_jobs_file": "{path} cannot be read as a jobs file ({detail}); it was left untouched.",
    "no_jobs_list": "{path} does not hold {{\"jobs\": [...]}}; it was left untouched.",
    # the store's refusals (core/jobs.py) and the settings file (core/settings.py)
    "job_not_found": "No job with the id or name {ref!r}.",
    "nothing_to_pause": "Job {id} has completed; there is nothing to pause.",
    "settings_unreadable": "{path} cannot be read ({detail}); it was not overwritten - fix or move it away.",
    # state.db (core/sessions.py)
    "state_db_busy": "{path} stayed locked by another writer for {seconds} s ({attempts} attempts), so this app "
                     "could not {action}.",
}

# English words made from a parameter, and how to recognise them in stored text.
HTTP_HINTS = {401: " (check the API key)", 403: " (the key may lack access)", 404: " (check the base URL and model)",
              429: " (rate limited)"}
_DERIVED_PATTERNS = {
    "processes": r"(?P<count>\d+) process(?:es)?",
    "was_were": r"(?:was|were)",
    "hint": r"(?: \([^)]*\))?",
}


def _derived(params: dict[str, Any]) -> dict[str, Any]:
    count = int(params.get("count", 0) or 0)
    status = params.get("status")
    return {
        "processes": f"{count} process" if count == 1 else f"{count} processes",
        "was_were": "was" if count == 1 else "were",
        "hint": HTTP_HINTS.get(int(status), "") if isinstance(status, int | str) and str(status).isdigit() else "",
    }


@dataclass(frozen=True)
class Problem:
    """A failure as a code (a key of :data:`ENGLISH`) and the values its sentence names."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return ENGLISH[self.code].format(**{**_derived(self.params), **self.params})

    @classmethod
    def of(cls, which: str, /, **params: Any) -> Problem:
        if which not in ENGLISH:
            raise KeyError(which)
        return cls(which, params)


class ProblemError(Exception):
    """An error that carries a :class:`Problem` (``problem``); its text is the problem's English sentence.

    Built from a plain string, it has no problem (``None``) - core's few sentences with no code yet.
    """

    def __init__(self, problem: Problem | str) -> None:
        self.problem = problem if isinstance(problem, Problem) else None
        super().__init__(str(problem))


def problem_of(value: BaseException | Problem | str | None) -> Problem | None:
    """The problem an error carries, or the one a stored English sentence reads as (None when neither)."""
    if isinstance(value, Problem):
        return value
    if isinstance(value, BaseException):
        found = getattr(value, "problem", None)
        return found if isinstance(found, Problem) else read(str(value))
    if isinstance(value, str):
        return read(value)
    return None


# --------------------------------------------------------------------------- stored text


def _pattern(template: str) -> re.Pattern[str]:
    parts = ["^"]
    seen: set[str] = set()
    for literal, name, _spec, conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name in _DERIVED_PATTERNS:
            parts.append(_DERIVED_PATTERNS[name])
        elif name in seen:
            parts.append(rf"(?P={name})")
        elif name == "detail":
            parts.append(r"(?P<detail>.*)")
        elif conversion == "r":
            parts.append(rf"['\"](?P<{name}>.*?)['\"]")
        else:
            parts.append(rf"(?P<{name}>.+?)")
        seen.add(name)
    parts.append("$")
    return re.compile("".join(parts), re.DOTALL)


# the most specific sentences first: more fixed words means fewer ways to match by accident
_PATTERNS = sorted(((code, _pattern(text)) for code, text in ENGLISH.items()),
                   key=lambda item: -len(re.sub(r"\{[^}]*\}", "", ENGLISH[item[0]])))
_INTS = frozenset({"count", "code", "status", "attempts", "byte", "line", "column"})


def read(text: str) -> Problem | None:
    """The problem a stored English sentence says (this app's own sentences only), or None."""
    if not isinstance(text, str) or len(text) > 20_000:
        return None
    stripped = text.strip()
    for code, pattern in _PATTERNS:
        m = pattern.match(stripped)
        if m is None:
            continue
        params: dict[str, Any] = {}
        for key, value in m.groupdict().items():
            if value is None:
                continue
            params[key] = int(value) if key in _INTS and value.lstrip("-").isdigit() else value
        problem = Problem(code, params)
        if str(problem) == stripped:  # read back exactly: the sentence is ours, not one that merely looks alike
            return problem
    return None
