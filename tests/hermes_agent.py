"""The real Hermes (hermes-agent 0.19.0), for tests that check this app against it.

It lives in its own virtual environment, never the app's: ``.hermes-venv``
at the top of the checkout (``.ci/run`` makes it), or the Python named by
``HERMES_AGENT_PYTHON``. Tests that need it skip, with this reason, where it
is absent.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REASON = ("hermes-agent 0.19.0 is not installed: python3 -m venv .hermes-venv && "
          ".hermes-venv/bin/pip install hermes-agent==0.19.0 (or set HERMES_AGENT_PYTHON)")


def hermes_python() -> Path | None:
    named = os.environ.get("HERMES_AGENT_PYTHON")
    for candidate in ([Path(named)] if named else []) + [ROOT / ".hermes-venv" / "bin" / "python"]:
        if candidate.is_file():
            return candidate
    return None


def hermes_program() -> Path | None:
    """The ``hermes`` program of that environment (beside its Python)."""
    python = hermes_python()
    if python is None:
        return None
    program = python.parent / "hermes"
    return program if program.is_file() else None


needs_hermes = pytest.mark.skipif(hermes_python() is None, reason=REASON)


def hermes_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "QT_"))}
    env.update(HERMES_HOME=str(home), HERMES_MANAGED_DIR=str(home / "no-managed-scope"), **extra)
    return env


def run_hermes_python(home: Path, code: str, timeout: float = 120, **extra: str) -> str:
    """Run ``code`` in Hermes' own interpreter on ``home``; its stdout (a failure raises with stderr)."""
    python = hermes_python()
    assert python is not None, REASON
    done = subprocess.run([str(python), "-c", code], env=hermes_env(home, **extra), capture_output=True, text=True,
                          timeout=timeout, cwd=str(home))
    if done.returncode != 0:
        raise AssertionError(f"Hermes failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout


def start_hermes_python(home: Path, code: str, **extra: str) -> subprocess.Popen[str]:
    python = hermes_python()
    assert python is not None, REASON
    return subprocess.Popen([str(python), "-c", code], env=hermes_env(home, **extra), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=str(home))
