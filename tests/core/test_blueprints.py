"""Hermes' blueprints are read with the Python of the `hermes` found, from its own catalog file."""

from __future__ import annotations

import os
import stat
import sys
import textwrap
from pathlib import Path

import pytest

from hermes_desktop.core.blueprints import hermes_python, load_catalog
from tests.hermes_agent import hermes_python as real_hermes_python
from tests.hermes_agent import needs_hermes

# A catalog shaped as hermes-agent 0.19.0's cron/blueprint_catalog.py: blueprints as dataclasses with slots,
# a CATALOG list, blueprint_catalog_entry() and fill_blueprint() turning defaults into create_job arguments.
CATALOG = textwrap.dedent('''
    from dataclasses import dataclass, field

    @dataclass(frozen=True)
    class BlueprintSlot:
        name: str
        type: str
        label: str
        default: object = None

    @dataclass(frozen=True)
    class AutomationBlueprint:
        key: str
        title: str
        description: str
        category: str
        schedule_template: str
        prompt_template: str
        slots: list = field(default_factory=list)
        deliver_default: str = "origin"
        skills: tuple = ()

    CATALOG = [
        AutomationBlueprint(
            key="tea", title="Tea time", description="A nudge to put the kettle on.", category="daily",
            schedule_template="{minute} {hour} * * *", prompt_template="Remind the user: {what}",
            slots=[BlueprintSlot("time", "time", "When?", "16:30"), BlueprintSlot("what", "text", "What?", "tea")],
        ),
        AutomationBlueprint(
            key="digest", title="Paper digest", description="New papers, weekly.", category="weekly",
            schedule_template="0 9 * * 1", prompt_template="List new papers.", skills=("arxiv",),
            deliver_default="local",
        ),
        AutomationBlueprint(
            key="broken", title="Broken", description="Cannot be filled.", category="x",
            schedule_template="{nowhere}", prompt_template="x",
        ),
    ]

    def blueprint_catalog_entry(bp):
        return {"key": bp.key, "scheduleHuman": "at " + next((s.default for s in bp.slots if s.type == "time"), "9")}

    def fill_blueprint(bp, values):
        vals = {s.name: values.get(s.name, s.default) for s in bp.slots}
        hour, minute = (vals.pop("time", "9:00")).split(":")
        spec = {"prompt": bp.prompt_template.format(**vals),
                "schedule": bp.schedule_template.format(hour=int(hour), minute=int(minute)),
                "name": bp.title, "deliver": vals.get("deliver", bp.deliver_default)}
        if bp.skills:
            spec["skills"] = list(bp.skills)
        return spec
''')


def fake_hermes(root: Path, catalog: str | None = CATALOG) -> Path:
    """A venv-shaped install: bin/hermes (a launcher naming its Python) and site-packages/cron/ with the catalog."""
    site = root / "lib" / "python3.11" / "site-packages"
    (site / "cron").mkdir(parents=True)
    if catalog is not None:
        (site / "cron" / "blueprint_catalog.py").write_text(catalog)
    (site / "cron" / "__init__.py").write_text("raise SystemExit('the cron package must not be imported')\n")
    python = root / "bin" / "python3"
    python.parent.mkdir(parents=True)
    # a stand-in for the venv's Python: the test's own, with the stand-in site-packages on its path
    python.write_text(f'#!/bin/sh\n[ "$1" = "-I" ] && shift\nPYTHONPATH="{site}" exec "{sys.executable}" "$@"\n')
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    launcher = root / "bin" / "hermes"
    launcher.write_text(f"#!{python}\nimport sys\n")
    launcher.chmod(launcher.stat().st_mode | stat.S_IEXEC)
    return launcher


@pytest.fixture
def shaped(tmp_path: Path) -> Path:
    return fake_hermes(tmp_path / "venv")


def test_the_python_named_by_the_launcher_is_used(shaped: Path, tmp_path: Path) -> None:
    assert hermes_python(shaped) == tmp_path / "venv" / "bin" / "python3"
    assert hermes_python(path=str(tmp_path / "venv" / "bin")) == tmp_path / "venv" / "bin" / "python3"
    assert hermes_python(path=str(tmp_path / "empty")) is None


def test_blueprints_are_read_with_their_defaults_filled_in(shaped: Path, tmp_path: Path) -> None:
    catalog = load_catalog(shaped)
    assert catalog.problem is None
    assert catalog.source == tmp_path / "venv" / "lib" / "python3.11" / "site-packages" / "cron" / \
        "blueprint_catalog.py"
    assert [b.key for b in catalog.blueprints] == ["tea", "digest"]  # the one Hermes cannot fill is left out
    tea, digest = catalog.blueprints
    assert tea.title == "Tea time" and tea.description == "A nudge to put the kettle on." and tea.schedule_human
    assert tea.record == {"name": "Tea time", "prompt": "Remind the user: tea", "schedule": "30 16 * * *",
                          "deliver": "origin", "skills": []}
    assert digest.record["skills"] == ["arxiv"] and digest.record["deliver"] == "local"


def test_no_hermes_or_no_catalog_gives_no_blueprints_and_says_why(tmp_path: Path) -> None:
    missing = load_catalog(tmp_path / "nowhere" / "hermes")
    assert missing.blueprints == [] and missing.problem and "not installed" in missing.problem
    old = fake_hermes(tmp_path / "old", catalog=None)
    none = load_catalog(old)
    assert none.blueprints == [] and none.problem and "no blueprint catalog" in none.problem


@needs_hermes
def test_the_real_hermes_catalog(tmp_path: Path) -> None:
    python = real_hermes_python()
    assert python is not None
    launcher = Path(os.path.realpath(python)).parent / "hermes"
    venv_launcher = python.parent / "hermes"
    catalog = load_catalog(venv_launcher if venv_launcher.is_file() else launcher)
    assert catalog.problem is None, catalog.problem
    keys = {b.key: b for b in catalog.blueprints}
    assert len(keys) >= 10
    brief = keys["morning-brief"]
    assert brief.title == "Morning briefing" and brief.record["schedule"] == "0 8 * * *"
    assert brief.record["deliver"] == "origin" and brief.record["prompt"]
