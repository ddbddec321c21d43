"""Where a Hermes home keeps its files.

One object knows every path; nothing else in the app joins path strings.
The home is ``--home DIR``, else ``$HERMES_HOME``, else ``~/.hermes``.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

HOME_ENV = "HERMES_HOME"
DEFAULT_PROFILE = "default"


def _secure_mkdir(path: Path) -> None:
    """Create a folder (and parents) readable by the owner only."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(OSError):  # Windows or foreign filesystems
            os.chmod(path, 0o700)


@dataclass(frozen=True)
class HermesHome:
    """The paths inside one Hermes home (or one profile of it)."""

    root: Path

    @property
    def state_db(self) -> Path:
        return self.root / "state.db"

    @property
    def cron_dir(self) -> Path:
        return self.root / "cron"

    @property
    def jobs_file(self) -> Path:
        return self.cron_dir / "jobs.json"

    @property
    def jobs_lock(self) -> Path:
        return self.cron_dir / ".jobs.lock"

    @property
    def tick_lock(self) -> Path:
        return self.cron_dir / ".tick.lock"

    @property
    def output_dir(self) -> Path:
        return self.cron_dir / "output"

    @property
    def scripts_dir(self) -> Path:
        return self.root / "scripts"

    @property
    def gateway_pid_file(self) -> Path:
        """The running gateway's pid record (Hermes removes it when its gateway exits)."""
        return self.root / "gateway.pid"

    @property
    def gateway_lock_file(self) -> Path:
        """The file a running gateway keeps locked (its last record stays in it after exit)."""
        return self.root / "gateway.lock"

    @property
    def gateway_state_file(self) -> Path:
        """The gateway's runtime status (``gateway_state`` and the owner's pid), left behind after exit."""
        return self.root / "gateway_state.json"

    @property
    def profiles_dir(self) -> Path:
        return self.root / "profiles"

    @property
    def settings_file(self) -> Path:
        """The app's own settings (JSON), readable without Qt by the ticker and the CLI."""
        return self.root / "desktop-settings.json"

    def job_output_dir(self, job_id: str) -> Path:
        return self.output_dir / job_id

    def profile(self, name: str) -> HermesHome:
        """The home of a named profile (``default`` is the home itself)."""
        if name in ("", DEFAULT_PROFILE):
            return self
        return HermesHome(self.profiles_dir / name)

    def read_only(self) -> bool:
        """Whether this process cannot write in the home (a read-only mount, or not its owner)."""
        try:
            if os.statvfs(self.root).f_flag & os.ST_RDONLY:
                return True
        except (OSError, AttributeError):  # Windows has no statvfs
            pass
        return not os.access(self.root, os.W_OK)

    def ensure(self) -> HermesHome:
        """Create the folders the app writes into (mode 0700) and return self."""
        for folder in (self.root, self.cron_dir, self.output_dir, self.scripts_dir):
            _secure_mkdir(folder)
        return self


def resolve_home(cli_home: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> HermesHome:
    """Pick the home: the ``--home`` flag, else ``$HERMES_HOME``, else ``~/.hermes``."""
    environ = os.environ if env is None else env
    if cli_home:
        raw = Path(cli_home)
    elif environ.get(HOME_ENV):
        raw = Path(environ[HOME_ENV])
    else:
        raw = Path.home() / ".hermes"
    return HermesHome(raw.expanduser().absolute())


def read_only_uri(path: Path | str) -> str:
    """A SQLite URI that opens ``path`` read-only. The path is percent-encoded: a home named ``a#1`` or ``x?y``
    would otherwise end the path early (SQLite would open, and create, another file)."""
    return Path(path).resolve().as_uri() + "?mode=ro"
