"""Which runner runs a job - Hermes, the built-in one, or a script - in words, for Settings and the cron window.

Finding Hermes touches the file system (and may ask its Python for its
version once), so it is always done through the window's ``submit`` on the
task thread; these helpers only word what came back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from ..core.hermes import HermesLookup, HermesProblem, Runner, RunnerKind, runner_for
from ..core.jobs import Job
from ..core.settings import Settings
from .workers import Submit


def problem_text(lookup: HermesLookup) -> str:
    """Why the Hermes chosen in Settings cannot run jobs, in the UI language."""
    translate = QCoreApplication.translate
    words = {
        HermesProblem.NOT_FOUND: translate(
            "Runner", "Hermes was not found at {path}. Prompt jobs fail until the path in Settings is fixed or "
                      "cleared."),
        HermesProblem.FOLDER: translate(
            "Runner", "{path} is a folder, not the hermes program. Prompt jobs fail until the path in Settings is "
                      "fixed or cleared."),
        HermesProblem.NOT_HERMES: translate(
            "Runner", "{path} is not hermes-agent's hermes program. Prompt jobs fail until the path in Settings is "
                      "fixed or cleared."),
    }
    text = words.get(lookup.problem) if lookup.problem is not None else None
    return text.format(path=lookup.configured) if text else lookup.message


def status_text(lookup: HermesLookup) -> str:
    """What Settings says runs prompt jobs."""
    translate = QCoreApplication.translate
    if lookup.problem is not None:
        return problem_text(lookup)
    install = lookup.install
    if install is None:
        return translate("Runner", "No Hermes found: prompt jobs use the built-in runner and the endpoint below.")
    if install.version:
        return translate("Runner", "Prompt jobs run with Hermes {version} ({path}).").format(
            version=install.version, path=install.program)
    return translate("Runner", "Prompt jobs run with Hermes ({path}); its version could not be read.").format(
        path=install.program)


def runner_text(runner: Runner) -> str:
    """The runner a job uses, for one line of the job's details."""
    translate = QCoreApplication.translate
    if runner.kind == RunnerKind.SCRIPT:
        return translate("Runner", "This app (a script job)")
    if runner.kind == RunnerKind.BUILTIN:
        return translate("Runner", "The built-in runner (OpenAI-compatible endpoint)")
    lookup = runner.hermes
    if lookup is None or lookup.install is None:
        return problem_text(lookup) if lookup is not None else runner.description
    install = lookup.install
    if install.version:
        return translate("Runner", "Hermes {version} ({path})").format(version=install.version, path=install.program)
    return translate("Runner", "Hermes ({path})").format(path=install.program)


class RunnerFacts(QObject):
    """The runner each shown job uses, asked for on the task thread and remembered per job.

    Off until :meth:`set_settings` gives the app's settings (read when asking);
    the job asked about before that is asked about then.
    """

    def __init__(self, parent: QObject | None, submit: Submit | None) -> None:
        super().__init__(parent)
        self._settings: Callable[[], Settings] | None = None
        self._submit = submit
        self._words: dict[str, str] = {}
        self._waiting: tuple[Job, Callable[[], None]] | None = None

    def set_settings(self, settings: Callable[[], Settings]) -> None:
        self._settings = settings
        if self._waiting is not None:
            self.ask(*self._waiting)

    def text(self, job_id: str) -> str | None:
        return self._words.get(job_id)

    def ask(self, job: Job, changed: Callable[[], None]) -> None:
        """Find the runner of ``job`` again; ``changed`` is called when its words differ from before."""
        settings = self._settings
        if settings is None or self._submit is None:
            self._waiting = (job, changed)
            return
        self._waiting = None
        job_id, record = job["id"], dict(job)

        def done(runner: Runner | None, error: BaseException | None) -> None:
            if runner is None or error:
                return
            words = runner_text(runner)
            if self._words.get(job_id) != words:
                self._words[job_id] = words
                changed()

        self._submit(lambda: runner_for(record, settings()), done)
