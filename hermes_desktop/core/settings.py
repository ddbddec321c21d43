"""The app's settings: one JSON file in the home, read by the window, the ticker and the CLI alike.

The file holds the API key, so it is written owner-only (0600) like
``jobs.json``. The window's look (geometry, splitters) lives in QSettings
instead; what the ticker needs lives here, readable without Qt.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from typing import Any

from .home import HermesHome
from .problems import Problem, ProblemError
from .secrets_guard import remember_secret

log = logging.getLogger("hermes_desktop.store")

DEFAULT_TIMEOUT_S = 600
DEFAULT_OUTPUT_KEEP = 50
DEFAULT_PARALLEL = 4


@dataclass
class Settings:
    language: str = "system"  # system, en, ja, zh_Hans, zh_Hant
    appearance: str = "system"  # system (follow the desktop's light/dark), light or dark
    run_jobs_in_app: bool = True
    run_all_profiles: bool = True  # every profile's jobs, not only the one on screen
    notify_all_runs: bool = False  # a desktop notification for every finished run, not only failures
    base_url: str = ""
    model: str = ""
    api_key: str = ""
    keep_runs: int | None = None  # keep the newest N runs of each job (None: all)
    max_age_days: int | None = None  # delete runs older than N days (None: never)
    output_keep: int = DEFAULT_OUTPUT_KEEP  # output files kept per job, as Hermes does
    job_timeout_s: int = DEFAULT_TIMEOUT_S
    max_parallel: int = DEFAULT_PARALLEL
    hermes_path: str = ""  # the hermes program that runs prompt jobs (empty: found on PATH or where installers put it)

    def __repr__(self) -> str:  # never print the key
        shown = {k: ("***" if k == "api_key" and v else v) for k, v in asdict(self).items()}
        return f"Settings({shown})"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        out = cls()
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            default = getattr(out, f.name)
            if f.name in ("keep_runs", "max_age_days"):
                ok = value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0)
            elif isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, int):
                ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
            else:
                ok = isinstance(value, str)
            if ok:
                setattr(out, f.name, value)
                if f.name == "api_key":
                    remember_secret(value)
            else:
                log.warning("ignoring settings value %s=%r", f.name, "***" if f.name == "api_key" else value)
        return out


def load_settings(home: HermesHome) -> Settings:
    try:
        data = json.loads(home.settings_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("cannot read %s (%s); using defaults", home.settings_file, exc)
        return Settings()
    return Settings.from_dict(data if isinstance(data, dict) else {})


class SettingsFileError(ProblemError, RuntimeError):
    """``desktop-settings.json`` exists but cannot be read: it is never overwritten with defaults."""


def save_settings(home: HermesHome, settings: Settings) -> None:
    """Write the settings (0600). A settings file that exists but cannot be read is left alone - saving
    over it would replace values this app shows nowhere with defaults - and :class:`SettingsFileError` says so."""
    try:
        json.loads(home.settings_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SettingsFileError(Problem.of("settings_unreadable", path=str(home.settings_file), detail=why)) from None
    home.root.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=str(home.root), prefix=".desktop-settings_", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(settings), fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, home.settings_file)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@dataclass(frozen=True)
class Endpoint:
    base_url: str
    model: str
    api_key: str

    def __repr__(self) -> str:
        return f"Endpoint(base_url={self.base_url!r}, model={self.model!r}, api_key={'***' if self.api_key else ''})"


def resolve_endpoint(job: dict[str, Any], settings: Settings, env: dict[str, str] | None = None) -> Endpoint | None:
    """The job's overrides, else the app settings, else OPENAI_BASE_URL / OPENAI_MODEL / OPENAI_API_KEY."""
    environ = os.environ if env is None else env

    def pick(job_key: str, setting: str, env_key: str) -> str:
        value = job.get(job_key) if job_key else None
        if isinstance(value, str) and value.strip():
            return value.strip()
        if setting.strip():
            return setting.strip()
        return environ.get(env_key, "").strip()

    base_url = pick("base_url", settings.base_url, "OPENAI_BASE_URL")
    model = pick("model", settings.model, "OPENAI_MODEL")
    api_key = pick("", settings.api_key, "OPENAI_API_KEY")
    remember_secret(api_key)
    if not base_url or not model:
        return None
    return Endpoint(base_url.rstrip("/"), model, api_key)
