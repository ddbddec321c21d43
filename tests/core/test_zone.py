"""Schedules are read in the zone Hermes uses for the home, found the way hermes-agent 0.19.0 finds it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore
from hermes_desktop.core.zone import forget_zones, home_zone

NOW = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)  # 14:00 in Tokyo


def _config(home: HermesHome, text: str) -> None:
    (home.root / "config.yaml").write_text(text, encoding="utf-8")
    forget_zones()


def test_config_timezone_places_a_daily_job_at_that_zones_wall_clock(home: HermesHome) -> None:
    _config(home, "model:\n  default: x\ntimezone: Asia/Tokyo\n")
    job = JobStore(home, clock=lambda: NOW).create("0 9 * * *", "hello")
    assert job["next_run_at"] == "2026-11-27T09:00:00+09:00"  # what `hermes cron create` stores


def test_environment_beats_the_config(home: HermesHome, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(home, "timezone: Asia/Tokyo\n")
    monkeypatch.setenv("HERMES_TIMEZONE", "America/New_York")
    forget_zones()
    found = home_zone(home)
    assert (str(found.tz), found.source) == ("America/New_York", "env")
    job = JobStore(home, clock=lambda: NOW).create("0 9 * * *", "hello")
    assert job["next_run_at"] == "2026-11-26T09:00:00-05:00"


def test_managed_scope_wins_over_a_nonempty_home_config(home: HermesHome, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    managed = tmp_path / "managed"
    managed.mkdir()
    (managed / "config.yaml").write_text("timezone: Europe/Berlin\n", encoding="utf-8")
    monkeypatch.setenv("HERMES_MANAGED_DIR", str(managed))
    _config(home, "timezone: Asia/Tokyo\n")
    assert (str(home_zone(home).tz), home_zone(home).source) == ("Europe/Berlin", "managed")
    # Hermes lays the managed scope only over a home config that has something in it
    _config(home, "")
    assert home_zone(home).source == "machine"


def test_an_invalid_zone_falls_back_to_the_machine(home: HermesHome) -> None:
    _config(home, "timezone: Mars/Olympus_Mons\n")
    assert home_zone(home).source == "machine"
    _config(home, "timezone: [unclosed\n")  # not YAML at all: ignored the same way
    assert home_zone(home).source == "machine"


def test_a_changed_config_is_seen_without_a_restart(home: HermesHome) -> None:
    _config(home, "timezone: Asia/Tokyo\n")
    store = JobStore(home, clock=lambda: NOW)
    assert str(store.tz) == "Asia/Tokyo"
    _config(home, "timezone: Europe/Paris\n")
    assert str(store.tz) == "Europe/Paris"
