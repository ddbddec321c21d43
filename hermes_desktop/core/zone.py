"""The time zone a Hermes home's schedules are read in - the one Hermes itself uses.

hermes-agent 0.19.0 (``hermes_time``) resolves it in this order, and so does
this app, so a job means the same wall-clock time to both programs:

1. ``HERMES_TIMEZONE`` in the environment;
2. ``timezone:`` in the home's ``config.yaml`` - with an administrator's
   managed scope (``$HERMES_MANAGED_DIR``, else ``/etc/hermes``) laid over it
   when that home config has any content, the managed value winning;
3. otherwise the machine's own zone.

A name that is not a valid IANA zone is logged and skipped, as Hermes does:
a bad setting never stops the scheduler. The answer is cached on the
config file's (mtime, size) and the environment value, so asking on every
tick costs one ``stat``.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .home import HermesHome
from .schedule import local_zone

log = logging.getLogger("hermes_desktop.store")

ENV_ZONE = "HERMES_TIMEZONE"
ENV_MANAGED_DIR = "HERMES_MANAGED_DIR"
DEFAULT_MANAGED_DIR = Path("/etc/hermes")


@dataclass(frozen=True)
class HomeZone:
    """The zone and where it came from (``env``, ``managed``, ``config`` or ``machine``)."""

    tz: tzinfo
    source: str


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError:
        return {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError, RecursionError) as exc:
        log.warning("cannot read %s (%s); its time zone setting is ignored", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def _expand(value: str, environ: Mapping[str, str]) -> str:
    """``${VAR}`` references in a managed value, against the process environment (as Hermes expands them)."""
    return re.sub(r"\$\{([^}]+)\}", lambda m: environ.get(m.group(1), m.group(0)), value)


def _zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        log.warning("invalid time zone %r; using the machine's zone, as Hermes does", name)
        return None


def _managed_dir(environ: Mapping[str, str]) -> Path | None:
    override = environ.get(ENV_MANAGED_DIR, "").strip()
    if override:
        return Path(override) if Path(override).is_dir() else None
    return DEFAULT_MANAGED_DIR if DEFAULT_MANAGED_DIR.is_dir() else None


def _configured(home: HermesHome, environ: Mapping[str, str]) -> tuple[str, str]:
    """(zone name, source) as Hermes reads them; ("", "machine") when nothing is set."""
    name = environ.get(ENV_ZONE, "").strip()
    if name:
        return name, "env"
    cfg = _read_yaml(home.root / "config.yaml")
    if cfg:  # Hermes lays the managed scope over a non-empty home config only
        managed_dir = _managed_dir(environ)
        if managed_dir is not None:
            pinned = _read_yaml(managed_dir / "config.yaml").get("timezone")
            if isinstance(pinned, str) and pinned.strip():
                return _expand(pinned, environ).strip(), "managed"
        value = cfg.get("timezone")
        if isinstance(value, str) and value.strip():
            return value.strip(), "config"
    return "", "machine"


_cache: dict[tuple[Any, ...], HomeZone] = {}
_recent: dict[str, tuple[float, HomeZone]] = {}  # home root -> (checked at, zone), for the process environment
_cache_lock = threading.Lock()
RECHECK_S = 2.0


def home_zone(home: HermesHome, env: Mapping[str, str] | None = None) -> HomeZone:
    """The zone Hermes reads this home's schedules in (see the module docstring).

    With the process environment, the files are looked at again at most every
    two seconds, so callers may ask as often as they like.
    """
    if env is None:
        with _cache_lock:
            recent = _recent.get(str(home.root))
        if recent is not None and time.monotonic() - recent[0] < RECHECK_S:
            return recent[1]
        found = _resolve(home, os.environ)
        with _cache_lock:
            _recent[str(home.root)] = (time.monotonic(), found)
        return found
    return _resolve(home, env)


def _resolve(home: HermesHome, environ: Mapping[str, str]) -> HomeZone:
    managed = _managed_dir(environ)
    key = (str(home.root), environ.get(ENV_ZONE, ""), environ.get(ENV_MANAGED_DIR, ""),
           _stamp(home.root / "config.yaml"), _stamp(managed / "config.yaml") if managed else None)
    with _cache_lock:
        hit = _cache.get(key)
    if hit is not None:
        return hit
    name, source = _configured(home, environ)
    tz = _zone(name) if name else None
    found = HomeZone(tz, source) if tz is not None else HomeZone(local_zone(), "machine")
    with _cache_lock:
        if len(_cache) > 64:
            _cache.clear()
        _cache[key] = found
    return found


def schedule_zone(home: HermesHome) -> tzinfo:
    """Shorthand: just the zone."""
    return home_zone(home).tz


def forget_zones() -> None:
    """Drop what was cached (tests that change the environment call this)."""
    with _cache_lock:
        _cache.clear()
        _recent.clear()
