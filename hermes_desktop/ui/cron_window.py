"""The cron manage window: the jobs (the same model the sidebar shows) and the selected job in detail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from html import escape
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.job_view import JobView
from ..core.jobs import Job, job_next_run, job_title
from ..core.schedule import local_zone, parse_instant
from ..core.sessions import CronRun, SessionStore
from ..core.states import JobState, RunStatus
from ..l10n import date_time, describe_text, moment, problem_text, relative
from .agenda import AgendaPanel
from .icons import icon
from .models import (
    CronJobsModel,
    OrderedJobsProxy,
    Role,
    Submit,
    run_status_text,
    state_text,
)
from .prefs import UiPrefs
from .run_history import RunHistory
from .runner_words import RunnerFacts
from .shared import JobItemDelegate, LongListView, NewButton, SplitLayout, destructive_question, typing_into
from .start_menu import StartMenu
from .status_strip import StatusStrip
from .workers import run_here

Index = QModelIndex | QPersistentModelIndex
# A translucent red reads on dark and light palettes alike; the words say what is wrong, not the colour.
PROBLEM_STYLE = "QLabel { background: rgba(239, 68, 68, 0.15); border-radius: 4px; padding: 6px; }"
WINDOW_PROBLEM_STYLE = PROBLEM_STYLE.replace("}", "margin: 8px 8px 0 8px; }")


class ManageJobsProxy(OrderedJobsProxy):
    """Filters by title, prompt and schedule; sorted by title (keys made once per change, see the base).

    The title order of every job is kept (with each job's search text beside it) while the jobs stay as they
    are, so a search typed, edited or cleared filters that list - one pass of C-speed ``in`` tests over
    10,000 jobs - instead of sorting them again.
    """

    def __init__(self, source: CronJobsModel, parent: Any = None) -> None:
        self._filter = ""
        # (model version, ids, search texts, each id's row when known)
        self._everything: tuple[int, list[str], list[str], dict[str, int] | None] | None = None
        super().__init__(source, parent)

    def key(self, job: Job) -> Any:
        return self._jobs_model.view(job).by_title

    def keys(self, views: list[JobView]) -> list[Any]:
        return [view.by_title for view in views]

    def filtering(self) -> bool:
        return bool(self._filter)

    def accepts(self, job: Job) -> bool:
        return not self._filter or self._filter in self._jobs_model.view(job).search

    def accepted(self, views: list[JobView]) -> list[JobView]:
        wanted = self._filter
        return [view for view in views if wanted in view.search]

    def _all_in_order(self) -> tuple[list[str], list[str], dict[str, int] | None]:
        """Every job's id in title order, their search texts (and each id's row, when the read made them):
        made again only after the jobs changed."""
        model = self._jobs_model
        ready = model.prepared("by_title")
        if ready is not None and (self._everything is None or self._everything[0] != model.version):
            self._everything = (model.version, ready.ids, ready.search, ready.rows)
            self._keys = dict(ready.key_of)
        if self._everything is None or self._everything[0] != model.version:
            ordered = sorted(model.row_views(), key=attrgetter("by_title"))
            self._everything = (model.version, [v.id for v in ordered], [v.search for v in ordered], None)
            self._keys = {v.id: v.by_title for v in ordered}
        return self._everything[1], self._everything[2], self._everything[3]

    def _refresh(self, *args: object) -> None:
        ids, texts, rows = self._all_in_order()
        wanted = self._filter
        if wanted:
            self._set_order([i for i, text in zip(ids, texts, strict=True) if wanted in text])
        else:
            self._set_order(ids.copy(), dict(rows) if rows is not None and not self._ids else None)

    def setFilterFixedString(self, text: str) -> None:
        wanted = text.strip().lower()
        narrower = bool(self._filter) and self._filter in wanted  # "job" → "job 1": only fewer can match
        self._filter = wanted
        stale = self._everything is None or self._everything[0] != self._jobs_model.version
        if not narrower or not stale:
            self._refresh()
            return
        model = self._jobs_model  # the rows shown keep their order: no key, no sort
        kept = []
        for job_id in self._ids:
            job = model.job(job_id)
            if job is not None and wanted in model.view(job).search:
                kept.append(job_id)
        self._set_order(kept)


class JobDetail(QWidget):
    """Everything about one job, and what can be done with it."""

    action = Signal(str, str)  # action name, job id
    openRun = Signal(str)

    def __init__(self, store: SessionStore, parent: QWidget | None = None, submit: Submit | None = None) -> None:
        super().__init__(parent)
        self.zone: Callable[[], tzinfo] = local_zone  # the zone the home's schedules are read in
        self.setObjectName("jobDetail")
        self.job: Job | None = None
        self.state = "scheduled"
        self.runners = RunnerFacts(self, submit)  # which runner each job uses, once given the app's settings
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        head = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("jobTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("jobState")
        head.addWidget(self.title, 1)
        head.addWidget(self.state_label)
        outer.addLayout(head)

        buttons = QHBoxLayout()
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.pause_button.setObjectName("pauseButton")
        self.run_button = QPushButton(self.tr("Run now"), self)
        self.run_button.setObjectName("runNowButton")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editButton")
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setObjectName("deleteButton")
        for b, name, glyph in ((self.pause_button, "toggle_pause", "pause"), (self.run_button, "run", "play"),
                               (self.edit_button, "edit", "square-pen"), (self.delete_button, "delete", "trash-2")):
            b.setIcon(icon(glyph))
            b.clicked.connect(lambda _=False, n=name: self.job and self.action.emit(n, self.job["id"]))
            buttons.addWidget(b)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        self.error_banner = QLabel(self)
        self.error_banner.setObjectName("jobErrorBanner")
        self.error_banner.setWordWrap(True)
        self.error_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_banner.setStyleSheet(PROBLEM_STYLE)
        self.error_banner.hide()
        outer.addWidget(self.error_banner)

        self.facts = QLabel(self)
        self.facts.setObjectName("jobFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.facts)
        self.what = QLabel(self)
        self.what.setObjectName("jobWhat")
        self.what.setWordWrap(True)
        self.what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        what_scroll = QScrollArea(self)
        what_scroll.setObjectName("jobWhatScroll")
        what_scroll.setAccessibleName(self.tr("What runs"))
        what_scroll.setWidgetResizable(True)
        what_scroll.setFrameShape(QFrame.Shape.NoFrame)
        what_scroll.setWidget(self.what)
        what_scroll.setMaximumHeight(self.fontMetrics().height() * 6)
        outer.addWidget(what_scroll)
        history_label = QLabel(self.tr("Run history"), self)
        bold = history_label.font()
        bold.setBold(True)
        history_label.setFont(bold)
        outer.addWidget(history_label)
        self.history = RunHistory(store, self, submit)
        self.history.openRun.connect(self.openRun)
        self.strip = StatusStrip(self.history.runs, self)
        self.strip.openRun.connect(self.openRun)
        outer.addWidget(self.strip)
        outer.addWidget(self.history, 1)
        self.no_runs = QLabel(self.tr("No runs yet."), self)
        self.no_runs.setEnabled(False)
        self.no_runs.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.no_runs, 1)
        runs = self.history.runs
        for sig in (runs.modelReset, runs.rowsInserted, runs.dataChanged):
            sig.connect(self._runs_changed)

    def _runs_changed(self, *args: object) -> None:
        has = self.history.runs.rowCount() > 0
        self.no_runs.setVisible(not has)
        self.history.setVisible(has)
        self.strip.setVisible(has)
        if self.job is not None:
            self._show_facts(self.job, self.state)  # "Last run" mentions a miss that is the newest row

    def _newest_missed(self) -> CronRun | None:
        newest = self.history.runs.index(0, 0).data(Role.Run)
        return newest if isinstance(newest, CronRun) and newest.status == RunStatus.MISSED else None

    def show_job(self, job: Job | None, state: str) -> None:
        same = self.job is not None and job is not None and self.job["id"] == job["id"]
        self.job, self.state = job, state
        if job is None:
            self.history.runs.set_job(None)
            return
        self.title.setText(job_title(job, self.tr("Cron job")))
        self.state_label.setText(state_text(state))
        self.state_label.setAccessibleName(self.tr("State: {state}").format(state=state_text(state)))
        paused = state == JobState.PAUSED
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setIcon(icon("play" if paused else "pause"))
        self.pause_button.setEnabled(state != JobState.COMPLETED)
        self.run_button.setEnabled(state not in (JobState.RUNNING, JobState.QUEUED))
        parts = []
        if job.get("prompt"):
            parts.append(self.tr("Prompt:") + "\n" + str(job["prompt"]))
        if job.get("script"):
            parts.append(self.tr("Script: {name}").format(name=job["script"])
                         + ("" if job.get("no_agent") else "  " + self.tr("(its output feeds the prompt)")))
        self.what.setText("\n\n".join(parts))
        schedule = job["schedule"] if isinstance(job.get("schedule"), dict) else None
        if same:
            self.history.runs.set_schedule(schedule)
            self.history.runs.refresh()
        else:
            self.history.runs.set_job(job["id"], schedule)
        self._runs_changed()  # the history first: the facts speak of its newest row
        self.runners.ask(job, self._runs_changed)  # its answer (on the task thread) adds a "Runs with" fact

    def _show_facts(self, job: Job, state: str) -> None:
        tz = self.zone()
        now = datetime.now(UTC)
        paused = state == JobState.PAUSED
        sched: dict[str, Any] = job["schedule"] if isinstance(job.get("schedule"), dict) else {}
        missed = self._newest_missed()
        missed_words = self.history.runs.missed_words(missed) if missed is not None else None
        one_shot = sched.get("kind") == "once"
        if state == JobState.ERROR and one_shot and missed is not None:
            # a one-shot that was not run did not fail: say when it was due, and what to do
            due = datetime.fromtimestamp(missed.started_at, UTC)
            banner = self.tr("This one-shot did not run: it was due {when}. Edit the job to give it a new time."
                             ).format(when=moment(due, now, tz))
        else:
            error = job.get("last_error") if state == JobState.ERROR else None
            banner = self.tr("Last run failed: {error}").format(error=problem_text(error)) if error else ""
        self.error_banner.setText(banner)
        self.error_banner.setVisible(bool(banner))
        rows = []
        try:
            words = describe_text(sched, tz)
        except Exception:
            words = str(job.get("schedule_display") or "")
        secondary = self.palette().color(QPalette.ColorRole.PlaceholderText).name()  # >= 4.5:1, light or dark
        rows.append((self.tr("Schedule"), f"{escape(words)} <span style='color:{secondary}'>"
                                          f"({escape(str(job.get('schedule_display') or ''))})</span>"))
        nxt = job_next_run(job)
        if nxt is not None and JobState(state).will_run:
            rows.append((self.tr("Next run"), f"{date_time(nxt, tz, with_zone=True)} ({relative(nxt, now)})"))
        else:
            rows.append((self.tr("Next run"), self.tr("none")))
        last_lines = [escape(missed_words)] if missed_words else []  # newest first, as in the history
        last = parse_instant(job.get("last_run_at"))
        if last is not None:
            outcome = run_status_text(RunStatus.OK if job.get("last_status") == RunStatus.OK else RunStatus.ERROR)
            last_lines.append(f"{date_time(last, tz)} — {outcome}")
        rows.append((self.tr("Last run"), "<br>".join(last_lines) or self.tr("never")))
        repeat = job["repeat"] if isinstance(job.get("repeat"), dict) else {}
        done = int(repeat.get("completed") or 0)
        times = repeat.get("times")
        if one_shot:
            repeat_text = self.tr("once") + (" — " + self.tr("done") if done else "")
        elif times:
            repeat_text = self.tr("{done} of {times} runs").format(done=done, times=times)
        else:
            repeat_text = self.tr("forever ({done} so far)").format(done=done)
        rows.append((self.tr("Repeat"), repeat_text))
        if paused and job.get("paused_reason"):
            rows.append((self.tr("Paused because"), escape(str(job["paused_reason"]))))
        if runner := self.runners.text(job["id"]):
            rows.append((self.tr("Runs with"), escape(runner)))
        self.facts.setText("<table cellspacing='4'>" + "".join(
            f"<tr><td style='color:{secondary}'>{k}</td><td>{v}</td></tr>" for k, v in rows) + "</table>")


class CronManageWindow(QWidget):
    """Master/detail over the shared jobs model. Keyboard: Ctrl+N, Ctrl+F, Ctrl+R, Ctrl+E, Delete, Escape."""

    openRun = Signal(str)

    def __init__(self, model: CronJobsModel, store: SessionStore, prefs: UiPrefs,
                 actions: dict[str, Callable[..., None]], parent: QWidget | None = None,
                 submit: Submit | None = None, agenda_submit: Submit | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("cronManageWindow")
        self.setWindowTitle(self.tr("Cron jobs"))
        self.model = model
        self.prefs = prefs
        self.job_actions = actions
        self.proxy = ManageJobsProxy(model, self)

        self.search = QLineEdit(self)
        self.search.setObjectName("jobSearch")
        self.search.setPlaceholderText(self.tr("Search title, prompt, schedule"))
        self.search.setAccessibleName(self.tr("Search jobs"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.new_button = NewButton(self.tr("New cron job"), self)
        self.new_menu = StartMenu(lambda: self.model.job(self.current_id() or ""), self)
        self.new_menu.chosen.connect(self._new_from)
        self.new_button.setMenu(self.new_menu)
        self.list = LongListView(self)
        self.list.setObjectName("jobList")
        self.list.type_to = typing_into(self.search)  # letters typed into the list search the jobs
        self.list.setAccessibleName(self.tr("Jobs"))
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(JobItemDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.no_match = QLabel(self.tr("No job matches the search."), self)
        self.no_match.setEnabled(False)
        self.no_match.hide()
        self.upcoming = QPushButton(self.tr("Upcoming runs"), self)
        self.upcoming.setObjectName("showUpcoming")
        self.upcoming.setCheckable(True)
        self.upcoming.toggled.connect(lambda _on: self._show_current())
        self.list.clicked.connect(lambda _index: self.upcoming.setChecked(False))
        left = SplitLayout.pane(self.new_button, self.search, self.list, self.no_match, self.upcoming)

        self.detail = JobDetail(store, self, submit)
        self.detail.zone = lambda: model.zone
        self.detail.history.runs.zone = self.detail.zone
        self.detail.action.connect(self._act)
        self.detail.openRun.connect(self.openRun)
        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_label = QLabel(self.tr("No cron jobs yet. A cron job runs a prompt or a script on a schedule — "
                                     "every morning, every 30 minutes, once next Tuesday."), self.empty)
        empty_label.setWordWrap(True)
        empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_new = QPushButton(icon("plus"), self.tr("New cron job"), self.empty)
        self.empty_new.setObjectName("emptyNewJob")
        self.empty_new.clicked.connect(lambda: self.job_actions["new"]())
        empty_layout.addWidget(empty_label)
        empty_layout.addWidget(self.empty_new, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.unmatched = QWidget(self)  # jobs there are, the search matches none of them
        unmatched_layout = QVBoxLayout(self.unmatched)
        unmatched_layout.addStretch(1)
        self.unmatched_label = QLabel(self.unmatched)
        self.unmatched_label.setObjectName("noJobMatches")
        self.unmatched_label.setWordWrap(True)
        self.unmatched_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clear_search = QPushButton(self.tr("Clear the search"), self.unmatched)
        self.clear_search.setObjectName("clearSearch")
        self.clear_search.clicked.connect(self.search.clear)
        unmatched_layout.addWidget(self.unmatched_label)
        unmatched_layout.addWidget(self.clear_search, 0, Qt.AlignmentFlag.AlignHCenter)
        unmatched_layout.addStretch(2)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.empty)
        self.right.addWidget(self.unmatched)
        self.right.addWidget(self.detail)
        # on the agenda's own thread where the app has one: at 10,000 jobs it would hold the task thread up
        self.agenda = AgendaPanel(model, agenda_submit or submit or run_here, parent=self)
        self.agenda.openJob.connect(self._agenda_job)
        self.right.addWidget(self.agenda)
        self.split = SplitLayout("cronWindow", prefs, left, self.right, self)
        # What is wrong with the jobs file or the last action, in the window where the user acted.
        self.problem = QLabel(self)
        self.problem.setObjectName("cronProblem")
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setStyleSheet(WINDOW_PROBLEM_STYLE)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.problem)
        layout.addWidget(self.split, 1)

        for sig in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            sig.connect(self._model_changed)
        self._shortcuts()
        self.resize(900, 620)
        geometry = prefs.geometry("cronWindow")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._model_changed()

    def _shortcuts(self) -> None:
        for keys, handler in (
            ("Ctrl+N", lambda: self.job_actions["new"]()),
            ("Ctrl+F", self._focus_search),
            ("Ctrl+R", lambda: self._act_current("run")),
            ("Ctrl+E", lambda: self._act_current("edit")),
            ("Delete", lambda: self._act_current("delete")),
            ("Escape", self.close),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(handler)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ----------------------------------------------------------------- selection

    def current_id(self) -> str | None:
        idx = self.list.currentIndex()
        return idx.data(Role.Id) if idx.isValid() else None

    def select(self, job_id: str | None) -> None:
        """Select ``job_id`` (or, with nothing to select, the first job)."""
        if job_id:
            row = self.model.row_of(job_id)
            if row >= 0:
                idx = self.proxy.mapFromSource(self.model.index(row, 0))
                if not idx.isValid():  # hidden by the search: clear it
                    self.search.clear()
                    idx = self.proxy.mapFromSource(self.model.index(row, 0))
                self.list.go_to(idx.row())  # lands even while the rows are still being laid out
                return
        if not self.list.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _filter(self, text: str) -> None:
        current = self.current_id()
        self.proxy.setFilterFixedString(text.strip().lower())
        if current and self.proxy.mapFromSource(self.model.index(self.model.row_of(current), 0)).isValid():
            self.select(current)
        else:
            self.list.setCurrentIndex(self.proxy.index(0, 0) if self.proxy.rowCount() else QModelIndex())
        self._model_changed()

    def _model_changed(self, *args: object) -> None:
        has_jobs = self.model.rowCount() > 0
        unmatched = has_jobs and self.proxy.rowCount() == 0
        self._place(self.detail if has_jobs and self.current_id() else self.unmatched if unmatched else self.empty)
        self.no_match.setVisible(unmatched)
        if unmatched:
            self.unmatched_label.setText(self.tr("No job matches “{text}”.").format(text=self.search.text().strip()))
        if has_jobs and not self.list.currentIndex().isValid():
            self.select(None)
        self._show_current()

    def _show_current(self) -> None:
        job_id = self.current_id()
        job = self.model.job(job_id) if job_id else None
        if job is None:
            if self.right.currentWidget() is not self.unmatched:
                self._place(self.empty)
            if self.model.rowCount() == 0:
                self.detail.show_job(None, "")
            return
        self._place(self.detail)
        state = self.model.state_of(job)
        if job is not self.detail.job or state != self.detail.state:  # another row changed: nothing to show anew
            self.detail.show_job(job, state)

    def _place(self, page: QWidget) -> None:
        """Show ``page`` on the right, unless the upcoming runs are asked for (and there are jobs to list)."""
        upcoming = self.upcoming.isChecked() and self.model.rowCount() > 0
        self.right.setCurrentWidget(self.agenda if upcoming else page)

    def _agenda_job(self, job_id: str) -> None:
        self.upcoming.setChecked(False)
        self.select(job_id)

    # ----------------------------------------------------------------- actions

    def _new_from(self, template: Job | None) -> None:
        """A new job: blank, or starting from a copy or a blueprint (the composition root opens the editor)."""
        if template is None:
            self.job_actions["new"]()
        else:
            self.job_actions["new"](template)

    def _act_current(self, name: str) -> None:
        job_id = self.current_id()
        if job_id:
            self._act(name, job_id)

    def _act(self, name: str, job_id: str) -> None:
        job = self.model.job(job_id)
        if job is None:
            return
        if name == "toggle_pause":
            name = "resume" if self.model.state_of(job) == JobState.PAUSED else "pause"
        if name == "delete" and not self.confirm_delete(job):
            return
        self.job_actions[name](job_id)

    def confirm_delete(self, job: Job) -> bool:
        """Asked with the action's own word on the button: Delete / Cancel, Cancel the default."""
        box, delete = destructive_question(
            self, self.tr("Delete cron job"),
            self.tr("Delete “{title}”? Its output files go too; its past runs stay in your sessions.")
            .format(title=job_title(job)), self.tr("Delete"))
        self.delete_box = box  # for tests and for keyboard users' Escape
        box.exec()
        return box.clickedButton() is delete

    def _context_menu(self, pos: QPoint) -> None:
        idx = self.list.indexAt(pos)
        if not idx.isValid():
            return
        self.list.setCurrentIndex(idx)
        job_id = idx.data(Role.Id)
        paused = idx.data(Role.State) == JobState.PAUSED
        menu = QMenu(self)
        for label, name in ((self.tr("Run now"), "run"), (self.tr("Resume") if paused else self.tr("Pause"),
                                                          "toggle_pause"),
                            (self.tr("Edit…"), "edit"), (self.tr("Delete…"), "delete")):
            act = QAction(label, menu)
            act.triggered.connect(lambda _=False, n=name: self._act(n, job_id))
            menu.addAction(act)
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def show_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))

    def set_store(self, store: SessionStore) -> None:
        self.detail.history.runs.store = store
        self.detail.job = None
        self.detail.history.runs.set_job(None)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.search.clear()  # opened again, it shows every job, not a filter nobody remembers typing
        self.prefs.set_geometry("cronWindow", self.saveGeometry())
        self.prefs.sync()
        super().closeEvent(event)
