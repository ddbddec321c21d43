"""The fields of a job a person can set, and the rules Hermes holds them to.

Each rule here is the one hermes-agent 0.19.0 applies when ``hermes cron
create``/``edit`` or its ``cronjob`` tool makes or changes a job, or the one
its scheduler applies when the job fires (where a value that would be
ignored then is refused now instead, with the reason). A refused value raises
:class:`FieldError`, which names the field so a form can show the reason next
to it.

Values are stored in the shape Hermes writes them: ``deliver`` as one
comma-separated string, ``skills`` as a list with the legacy ``skill`` beside
it, ``enabled_toolsets`` and ``context_from`` as lists or null, ``workdir``
as an absolute, resolved path or null.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any

from .problems import ProblemError

Job = dict[str, Any]

# What JobStore.update may change (JobStore.create takes the same keywords).
EDITABLE = frozenset({
    "name", "prompt", "script", "no_agent", "schedule", "repeat", "model", "base_url", "provider",
    "deliver", "skills", "enabled_toolsets", "workdir", "context_from",
})

# The platforms Hermes' scheduler delivers to (its built-in list in 0.19.0), and the three words it reads
# as targets of their own: ``local`` (save the output only), ``origin`` (the chat the job was made from,
# else a home channel) and ``all`` (every platform with a home channel).
DELIVERY_PLATFORMS = (
    "telegram", "discord", "slack", "whatsapp", "signal", "matrix", "mattermost", "homeassistant", "dingtalk",
    "feishu", "wecom", "wecom_callback", "weixin", "sms", "email", "webhook", "bluebubbles", "qqbot", "yuanbao",
)
LOCAL, ORIGIN, ALL = "local", "origin", "all"
ROUTING_TARGETS = (LOCAL, ORIGIN, ALL)

# Toolsets Hermes never hands a cron run, whatever the job asks for.
CRON_DENIED_TOOLSETS = ("cronjob", "messaging", "clarify")

# Hermes reads another job's output only for ids of lowercase hex (anything else is skipped at run time).
JOB_ID = re.compile(r"^[0-9a-f]+$")
_TARGET_NAME = re.compile(r"^[a-z0-9_]+$")

# A record's run state: a copy of the job starts without it.
RUN_STATE_FIELDS = frozenset({
    "id", "created_at", "next_run_at", "state", "enabled", "paused_at", "paused_reason", "run_claim",
    "latest_execution", "provider_snapshot", "model_snapshot",
})


class JobError(ProblemError, ValueError):
    """A job that cannot be created or changed as asked (the message says why; ``problem`` when it has a code)."""


class FieldError(JobError):
    """One field's value is refused; ``field`` names it, ``code`` says which rule (the message says why)."""

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.code = code


# --------------------------------------------------------------------------- single fields


def optional_text(field: str, value: Any, *, strip_slash: bool = False) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(field, "type", f"{field} must be text.")
    text = value.strip()
    if strip_slash:
        text = text.rstrip("/")
    return text or None


def check_script_name(script: str) -> str:
    """A script is a name inside the home's ``scripts/`` folder: no absolute path, no ``..``."""
    name = script.strip()
    path = PurePath(name)
    if (not name or path.is_absolute() or ".." in path.parts or name.startswith(("~", "/", "\\"))
            or (len(name) >= 2 and name[1] == ":")):
        raise FieldError("script", "outside",
                         f"Script {script!r} must be a file name inside the home's scripts/ folder.")
    return name


def text_list(field: str, value: Any) -> list[str]:
    """A list of names from a list or a comma-separated string: stripped, empty ones and repeats dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        items: Iterable[Any] = value.split(",")
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        raise FieldError(field, "type", f"{field} must be a list of names.")
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise FieldError(field, "type", f"{field} must be a list of names.")
        text = item.strip()
        if text and text not in out:
            out.append(text)
    return out


def deliver_parts(value: Any) -> list[str]:
    """A stored ``deliver`` (a comma-separated string, or the list some writers leave) as its targets."""
    if isinstance(value, (list, tuple)):
        return [str(p).strip() for p in value if str(p).strip()]
    if not value:
        return [LOCAL]
    return [p.strip() for p in str(value).split(",") if p.strip()] or [LOCAL]


def check_deliver(value: Any) -> str:
    """Where the output goes, as Hermes stores it: ``local``, or targets joined by commas.

    A target is ``origin``, ``all``, a platform Hermes delivers to, or
    ``platform:chat`` (``platform:chat:thread``). A platform Hermes does not
    know would be skipped when the job fires, so it is refused now; ``local``
    beside other targets means nothing (the output is always saved), so it is
    dropped.
    """
    if value is not None and not isinstance(value, (str, list, tuple)):
        raise FieldError("deliver", "type", "deliver must be text or a list of targets.")
    parts = deliver_parts(value)
    out: list[str] = []
    for part in parts:
        platform, _, chat = part.partition(":")
        platform = platform.strip().lower()
        if not _TARGET_NAME.match(platform):
            raise FieldError("deliver", "malformed", f"{part!r} is not a delivery target (like telegram or "
                                                     "telegram:-1001234567).")
        if platform in ROUTING_TARGETS:
            if chat:
                raise FieldError("deliver", "malformed", f"{part!r}: {platform} takes no chat after it.")
        elif platform not in DELIVERY_PLATFORMS:
            raise FieldError("deliver", "unknown", f"Hermes does not deliver to {platform!r}; it delivers to "
                                                   f"{', '.join(DELIVERY_PLATFORMS)}.")
        elif _ == ":" and not chat.strip():
            raise FieldError("deliver", "malformed", f"{part!r} names no chat after the colon.")
        target = f"{platform}:{chat.strip()}" if chat.strip() else platform
        if target not in out:
            out.append(target)
    if len(out) > 1:
        out = [t for t in out if t != LOCAL]
    return ",".join(out) or LOCAL


def check_toolsets(value: Any) -> list[str] | None:
    names = text_list("enabled_toolsets", value)
    denied = [n for n in names if n in CRON_DENIED_TOOLSETS]
    if denied:
        raise FieldError("enabled_toolsets", "denied",
                         f"Hermes never gives a cron job the {', '.join(denied)} toolset"
                         f"{'s' if len(denied) > 1 else ''}; take {'them' if len(denied) > 1 else 'it'} out.")
    return names or None


def check_workdir(value: Any) -> str | None:
    """An absolute folder that exists (``~`` expanded), stored resolved; empty means none."""
    if value is None or value is False:
        return None
    if not isinstance(value, str):
        raise FieldError("workdir", "type", "workdir must be a folder path.")
    raw = value.strip()
    if not raw:
        return None
    path = Path(raw).expanduser()
    if not path.is_absolute():
        raise FieldError("workdir", "relative", f"The working folder must be an absolute path (got {raw!r}): "
                                                "a cron job runs from no shell folder of its own.")
    resolved = path.resolve()
    if not resolved.exists():
        raise FieldError("workdir", "missing", f"The working folder {resolved} does not exist.")
    if not resolved.is_dir():
        raise FieldError("workdir", "not_dir", f"{resolved} is not a folder.")
    return str(resolved)


def check_context_from(value: Any) -> list[str] | None:
    ids = text_list("context_from", value)
    for job_id in ids:
        if not JOB_ID.match(job_id):
            raise FieldError("context_from", "bad_id", f"{job_id!r} is not a job id (Hermes reads the output of "
                                                       "jobs with ids of lowercase hex only).")
    return ids or None


def check_repeat(value: Any) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise FieldError("repeat", "range", "Repeat must be a whole number of runs, 1 or more (or empty for forever).")
    return value  # type: ignore[no-any-return]


def check_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Each given field checked and in the shape Hermes stores it (``skills`` also sets ``skill``)."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key in ("name", "model", "provider"):
            out[key] = optional_text(key, value)
        elif key == "prompt":
            out[key] = optional_text(key, value) or ""
        elif key == "base_url":
            out[key] = optional_text(key, value, strip_slash=True)
        elif key == "script":
            if value is not None and not isinstance(value, str):
                raise FieldError("script", "type", "script must be a file name.")
            out[key] = check_script_name(value) if value and value.strip() else None
        elif key == "no_agent":
            out[key] = bool(value)
        elif key == "repeat":
            out[key] = check_repeat(value)
        elif key == "deliver":
            out[key] = check_deliver(value)
        elif key == "skills":
            skills = text_list("skills", value)
            out["skills"], out["skill"] = skills, (skills[0] if skills else None)
        elif key == "enabled_toolsets":
            out[key] = check_toolsets(value)
        elif key == "workdir":
            out[key] = check_workdir(value)
        elif key == "context_from":
            out[key] = check_context_from(value)
        else:
            raise JobError(f"{key} cannot be set on a job.")
    return out


# --------------------------------------------------------------------------- the whole job


def check_job(job: dict[str, Any], changed: Iterable[str] = ()) -> None:
    """What Hermes requires of the job as a whole; ``changed`` names the fields just set.

    A job without the agent runs its script; a job with the agent needs a
    prompt or a skill (a script alone has nobody to read its output). A base
    URL is refused without a provider - Hermes will not send a stored key to
    an address the job names - but only when one of the two is being set, so
    older jobs can still be renamed.
    """
    changed = set(changed)
    if job.get("no_agent") and not job.get("script"):
        raise FieldError("script", "required", "A job that runs without the agent needs a script.")
    if not job.get("no_agent") and not job.get("prompt") and not job.get("skills"):
        if job.get("script"):
            raise FieldError("prompt", "required", "A job that runs the agent needs a prompt or a skill; "
                                                   "to only run the script, run it without the agent.")
        raise FieldError("prompt", "required", "A job needs a prompt for the agent or a script to run.")
    if changed & {"base_url", "provider"} and job.get("base_url") and not job.get("provider"):
        raise FieldError("provider", "required", "A base URL needs a provider: Hermes sends no stored key to an "
                                                 "address a job names. Use the provider custom for an endpoint "
                                                 "of your own.")


def check_references(ids: list[str] | None, known: Iterable[Any]) -> None:
    """Every job named in ``context_from`` exists (Hermes checks this when the job is made or changed)."""
    have = set(known)
    for job_id in ids or []:
        if job_id not in have:
            raise FieldError("context_from", "missing", f"There is no job {job_id} to take output from.")


# --------------------------------------------------------------------------- starting points


def carried_fields(template: Job | None, set_by_create: Iterable[str]) -> Job:
    """What a new job keeps of the record it starts from: the fields creation does not set itself (an
    ``origin``, fields this app does not know), never run state, claims or ``last_*`` outcomes."""
    if not template:
        return {}
    skip = set(set_by_create) | RUN_STATE_FIELDS | {"skill", "repeat", "schedule", "schedule_display"}
    return {k: copy.deepcopy(v) for k, v in template.items() if k not in skip and not k.startswith("last_")}


def copy_of(job: Job, name: str) -> Job:
    """The record a duplicate starts from: the job's fields under ``name``, paused, with no run behind it."""
    out = {k: copy.deepcopy(v) for k, v in job.items() if k not in RUN_STATE_FIELDS and not k.startswith("last_")}
    repeat: dict[str, Any] = job["repeat"] if isinstance(job.get("repeat"), dict) else {}
    out.update(name=name, state="paused", enabled=False, repeat={"times": repeat.get("times"), "completed": 0})
    return out
