"""Hermes' automation blueprints, as starting points for a new job.

hermes-agent keeps its curated blueprints in ``cron/blueprint_catalog.py``
(``CATALOG``, built from dataclasses, with ``fill_blueprint`` turning one
into the arguments of ``create_job``). This app cannot import hermes-agent:
it lives in its own virtual environment. And the catalog is not a literal a
static read could take whole (``ast.literal_eval`` stops at the first
``AutomationBlueprint(...)`` call), and the prompt and schedule of a
blueprint exist only once its slots are filled in by Hermes' own code.

So the catalog is read by running the interpreter of the ``hermes`` found on
``PATH`` (the one its launcher names, in Hermes' own venv) on a short script
that loads that one file by path - not the ``cron`` package, whose import
reads the home and takes a second - and prints each blueprint with its
defaults filled in by ``fill_blueprint``, as JSON. It takes about 0.1 s, so
callers run it off the GUI thread; no Hermes, or a catalog it cannot read,
gives no blueprints and a reason.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("hermes_desktop.store")

CATALOG_FILE = ("cron", "blueprint_catalog.py")
TIMEOUT_S = 20.0

# Run by Hermes' interpreter with the catalog's path as argv[1]: prints a JSON list of blueprints.
DUMP = r"""
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("hermes_blueprint_catalog", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = mod
spec.loader.exec_module(mod)
out = []
for bp in getattr(mod, "CATALOG", []):
    item = {"key": bp.key, "title": bp.title, "description": bp.description,
            "category": getattr(bp, "category", ""), "schedule_template": getattr(bp, "schedule_template", "")}
    entry = getattr(mod, "blueprint_catalog_entry", None)
    if entry is not None:
        try:
            item["schedule_human"] = entry(bp).get("scheduleHuman", "")
        except Exception:
            pass
    try:
        item["spec"] = mod.fill_blueprint(bp, {})
    except Exception as exc:
        item["error"] = f"{type(exc).__name__}: {exc}"
    out.append(item)
json.dump(out, sys.stdout, default=str)  # ASCII: no stdout encoding can garble it
"""


@dataclass(frozen=True)
class Blueprint:
    key: str
    title: str
    description: str
    category: str = ""
    schedule_human: str = ""
    record: dict[str, Any] = field(default_factory=dict)  # what a new job starts from

    @staticmethod
    def from_dump(item: dict[str, Any]) -> Blueprint | None:
        """One dumped blueprint, or None when Hermes could not fill it in with its defaults."""
        spec = item.get("spec")
        if not isinstance(spec, dict) or not isinstance(spec.get("schedule"), str):
            return None
        record: dict[str, Any] = {
            "name": str(spec.get("name") or item.get("title") or ""),
            "prompt": str(spec.get("prompt") or ""),
            "schedule": spec["schedule"],
            "deliver": spec.get("deliver") or "local",
            "skills": [str(s) for s in spec.get("skills") or []],
        }
        return Blueprint(key=str(item.get("key") or ""), title=str(item.get("title") or record["name"]),
                         description=str(item.get("description") or ""), category=str(item.get("category") or ""),
                         schedule_human=str(item.get("schedule_human") or ""), record=record)


@dataclass(frozen=True)
class Catalog:
    blueprints: list[Blueprint] = field(default_factory=list)
    problem: str | None = None  # why there are none (no Hermes, no catalog, it failed)
    source: Path | None = None  # the catalog file read


def hermes_python(executable: str | os.PathLike[str] | None = None, path: str | None = None) -> Path | None:
    """The Python of the ``hermes`` given (else the one on ``PATH``): the interpreter its launcher's first line
    names, else the ``python`` beside it in its venv."""
    found = Path(executable) if executable else (Path(p) if (p := shutil.which("hermes", path=path)) else None)
    if found is None or not found.is_file():
        return None
    launcher = found.resolve()
    try:
        with open(launcher, "rb") as fh:
            first = fh.readline(4096)
    except OSError:
        first = b""
    if first.startswith(b"#!"):
        named = first[2:].decode("utf-8", "replace").strip().split()
        if named and Path(named[0]).name.startswith("python") and Path(named[0]).is_file():
            return Path(named[0])
    for folder in (found.parent, launcher.parent):
        for name in ("python", "python3", "python.exe"):
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def catalog_file(python: Path, timeout: float = TIMEOUT_S) -> Path | None:
    """Where ``python`` finds ``cron/blueprint_catalog.py`` on its own path (its site-packages)."""
    code = ("import os, sys\nfor d in sys.path:\n    p = os.path.join(d or os.getcwd(), *sys.argv[1:])\n"
            "    if os.path.isfile(p):\n        print(p)\n        break\n")
    done = subprocess.run([str(python), "-I", "-c", code, *CATALOG_FILE], capture_output=True, text=True,
                          timeout=timeout, cwd=str(python.parent), check=False)
    text = done.stdout.strip()
    return Path(text) if done.returncode == 0 and text else None


def load_catalog(executable: str | os.PathLike[str] | None = None, *, python: Path | None = None,
                 timeout: float = TIMEOUT_S) -> Catalog:
    """Hermes' blueprints with their defaults filled in (run this off the GUI thread)."""
    python = python or hermes_python(executable)
    if python is None:
        return Catalog(problem="Hermes (hermes-agent) is not installed: no hermes on PATH.")
    try:
        source = catalog_file(python, timeout)
        if source is None:
            return Catalog(problem=f"This Hermes ({python}) has no blueprint catalog.")
        done = subprocess.run([str(python), "-I", "-c", DUMP, str(source)], capture_output=True, text=True,
                              timeout=timeout, cwd=str(source.parent), check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return Catalog(problem=f"Hermes' blueprints could not be read: {exc}")
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        log.warning("reading Hermes' blueprint catalog failed: %s", done.stderr[-2000:])
        return Catalog(problem=f"Hermes' blueprints could not be read: {last}", source=source)
    try:
        items = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        return Catalog(problem=f"Hermes' blueprints could not be read: {exc}", source=source)
    blueprints = [b for item in items if isinstance(item, dict) and (b := Blueprint.from_dump(item)) is not None]
    return Catalog(blueprints=blueprints, source=source)

