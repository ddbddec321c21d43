"""Create or edit a job, with a schedule editor that always shows what it understood.

Presets fill the schedule field; the field takes every form core/schedule
parses. Beside it, live: the schedule in words, the time zone, and the next
five runs, a run moved or doubled by a daylight-saving change marked as such.
An invalid schedule shows the reason and keeps Save disabled. Saving runs off
the GUI thread (it takes the jobs lock); a failed save says why and keeps
everything typed.

Every field Hermes gives a job is here - where the output is delivered, the
working folder, the repeat count, and for jobs that run the agent its skills,
toolsets, model, provider, endpoint and other jobs' output as context - and
only those that apply to the kind of job chosen are shown (and saved). A
value Hermes would refuse (core/job_fields.py holds its rules) is refused
with the reason on a line kept free under the field, so nothing moves.
A new job may start from a record (``template``): a copy of another job or a
Hermes blueprint.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.home import HermesHome
from ..core.job_fields import (
    ALL,
    DELIVERY_PLATFORMS,
    LOCAL,
    ORIGIN,
    ROUTING_TARGETS,
    FieldError,
    check_fields,
    deliver_parts,
    text_list,
)
from ..core.jobs import Job
from ..core.schedule import ScheduleError, next_runs, parse_schedule, zone_name
from ..core.zone import schedule_zone
from ..l10n import date_time, describe_text, locale, problem_line, relative, schedule_reason
from .job_picker import JobChecklist
from .theme import plain_buttons, set_error_style
from .workers import Submit

# Schedule text is the parser's own grammar (the same in every UI language), so it is not translated.
DEFAULT_SCHEDULE = "every 30m"
PRESETS = ("custom", "minutes", "hourly", "daily", "weekdays", "weekly", "monthly", "once")
DAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

log = logging.getLogger("hermes_desktop.ui")


class JobEditor(QDialog):
    """``saved`` carries the saved job; the dialog closes itself after a successful save.

    ``job`` is the job being edited (only what changes is saved); without it a
    new job is made, filled in from ``template`` when one is given.
    """

    saved = Signal(dict)

    def __init__(
        self,
        home: HermesHome,
        submit: Submit,
        save: Callable[[dict[str, Any]], Job],
        job: Job | None = None,
        *,
        template: Job | None = None,
        tz: tzinfo | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("jobEditor")
        self.home = home
        self.job = job
        self.template = template if job is None else None
        self.tz = tz or schedule_zone(home)
        self.now = now
        self._submit = submit
        self._save = save
        self.schedule: dict[str, Any] | None = None
        self._loaded_text: str | None = None  # the schedule as the job has it, shown unparsed while unchanged
        self.setWindowTitle(self.tr("Edit cron job") if job else self.tr("New cron job"))
        self.setMinimumWidth(1060)

        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("jobName")
        self.name.setPlaceholderText(self.tr("Optional — the prompt or script names it otherwise"))
        self.name.setAccessibleName(self.tr("Name"))
        form.addRow(self.tr("&Name"), self.name)

        # what runs
        kinds = QWidget(self)
        kinds_layout = QHBoxLayout(kinds)
        kinds_layout.setContentsMargins(0, 0, 0, 0)
        self.kind_prompt = QRadioButton(self.tr("A prompt for the agent"), kinds)
        self.kind_script = QRadioButton(self.tr("A script"), kinds)
        self.kind_both = QRadioButton(self.tr("A script whose output feeds the prompt"), kinds)
        self.kind_group = QButtonGroup(self)
        for i, button in enumerate((self.kind_prompt, self.kind_script, self.kind_both)):
            self.kind_group.addButton(button, i)
            kinds_layout.addWidget(button)
        kinds_layout.addStretch(1)
        self.kind_prompt.setChecked(True)
        form.addRow(self.tr("What runs"), kinds)
        self.prompt = QPlainTextEdit(self)
        self.prompt.setObjectName("jobPrompt")
        self.prompt.setAccessibleName(self.tr("Prompt"))
        self.prompt.setPlaceholderText(self.tr("What should Hermes do each time?"))
        self.prompt.setTabChangesFocus(True)
        self.prompt.setFixedHeight(self.fontMetrics().height() * 5)
        self.prompt_label = QLabel(self.tr("&Prompt"), self)
        self.prompt_label.setBuddy(self.prompt)
        form.addRow(self.prompt_label, self.prompt)
        self.script = QComboBox(self)
        self.script.setObjectName("jobScript")
        self.script.setEditable(True)
        self.script.setAccessibleName(self.tr("Script"))
        scripts = sorted(p.name for p in home.scripts_dir.glob("*") if p.is_file()) if home.scripts_dir.is_dir() else []
        self.script.addItems(scripts)
        self.script.setCurrentText("")
        script_edit = self.script.lineEdit()  # there is one: the combo box was made editable above
        if script_edit is not None:
            script_edit.setPlaceholderText(self.tr("A file in {folder}").format(folder=str(home.scripts_dir)))
        self.script_label = QLabel(self.tr("S&cript"), self)
        self.script_label.setBuddy(self.script)
        form.addRow(self.script_label, self.script)

        # schedule
        schedule_box = QGroupBox(self.tr("Schedule"), self)
        sched_layout = QVBoxLayout(schedule_box)
        preset_row = QHBoxLayout()
        self.preset = QComboBox(schedule_box)
        self.preset.setObjectName("schedulePreset")
        self.preset.setAccessibleName(self.tr("Schedule preset"))
        for key, label in zip(PRESETS, (
            self.tr("Custom (type below)"), self.tr("Every N minutes"), self.tr("Hourly"), self.tr("Daily at"),
            self.tr("Weekdays at"), self.tr("Weekly on a day at"), self.tr("Monthly on a day at"),
            self.tr("Once at a date and time"),
        ), strict=True):
            self.preset.addItem(label, key)
        preset_row.addWidget(self.preset)
        self.minutes = QSpinBox(schedule_box)
        self.minutes.setRange(1, 1440)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Minutes between runs"))
        self.day = QComboBox(schedule_box)
        self.day.setAccessibleName(self.tr("Day of the week"))
        loc = locale()
        for i, key in enumerate(DAY_KEYS):
            self.day.addItem(loc.dayName(i + 1), key)
        self.dom = QSpinBox(schedule_box)
        self.dom.setRange(1, 31)
        self.dom.setPrefix(self.tr("day "))
        self.dom.setAccessibleName(self.tr("Day of the month"))
        self.time = QTimeEdit(QTime(9, 0), schedule_box)
        self.time.setAccessibleName(self.tr("Time of day"))
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600), schedule_box)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(self.tr("Date and time"))
        self.params = (self.minutes, self.day, self.dom, self.time, self.when)
        for w in self.params:
            preset_row.addWidget(w)
            w.hide()
        preset_row.addStretch(1)
        sched_layout.addLayout(preset_row)
        self.schedule_input = QLineEdit(schedule_box)
        self.schedule_input.setObjectName("scheduleInput")
        self.schedule_input.setAccessibleName(self.tr("Schedule"))
        self.schedule_input.setPlaceholderText(self.tr("every 30m · weekdays at 9am · 0 9 * * 1-5 · in 20m"))
        sched_layout.addWidget(self.schedule_input)
        self.schedule_error = QLabel(schedule_box)
        self.schedule_error.setObjectName("scheduleError")
        self.schedule_error.setWordWrap(True)
        set_error_style(self.schedule_error)
        self.schedule_error.hide()
        sched_layout.addWidget(self.schedule_error)
        self.preview = QLabel(schedule_box)
        self.preview.setObjectName("schedulePreview")
        self.preview.setAccessibleName(self.tr("What the schedule means"))
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(self.preview.textFormat().PlainText)
        sched_layout.addWidget(self.preview)
        sched_layout.addStretch(1)

        # where the output goes, how it runs, and what the agent gets
        self.deliver_list = QListWidget(self)
        self.deliver_list.setObjectName("jobDeliver")
        self.deliver_list.setAccessibleName(self.tr("Deliver to"))
        for target, label in delivery_choices():
            item = QListWidgetItem(label, self.deliver_list)
            item.setData(Qt.ItemDataRole.UserRole, target)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if target == LOCAL else Qt.CheckState.Unchecked)
            item.setToolTip(delivery_hint(target))
        self.deliver_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.deliver_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.deliver_list.setFixedHeight(self.deliver_list.sizeHintForRow(0) * 5 + 4)
        self.deliver_other = QLineEdit(self)
        self.deliver_other.setObjectName("jobDeliverOther")
        self.deliver_other.setAccessibleName(self.tr("Other delivery targets"))
        self.deliver_other.setPlaceholderText(self.tr("Chats: telegram:-1001234567, discord:123456"))
        self.repeat = QSpinBox(self)
        self.repeat.setObjectName("jobRepeat")
        self.repeat.setRange(0, 100000)
        self.repeat.setSpecialValueText(self.tr("Forever"))
        self.repeat.setAccessibleName(self.tr("Repeat"))
        self.repeat.setSuffix(self.tr(" runs"))
        self.workdir = QLineEdit(self)
        self.workdir.setObjectName("jobWorkdir")
        self.workdir.setAccessibleName(self.tr("Working folder"))
        self.workdir.setPlaceholderText(self.tr("None — Hermes' own folder, no project files"))
        self.workdir_button = QPushButton(self.tr("Choose…"), self)
        self.workdir_button.setObjectName("jobWorkdirChoose")
        self.workdir_button.setAccessibleName(self.tr("Choose the working folder"))
        self.workdir_button.clicked.connect(self._choose_workdir)
        workdir_row = QWidget(self)
        workdir_layout = QHBoxLayout(workdir_row)
        workdir_layout.setContentsMargins(0, 0, 0, 0)
        workdir_layout.addWidget(self.workdir, 1)
        workdir_layout.addWidget(self.workdir_button)

        self.skills = QLineEdit(self)
        self.skills.setObjectName("jobSkills")
        self.skills.setAccessibleName(self.tr("Skills"))
        self.skills.setPlaceholderText(self.tr("None — names, separated by commas"))
        self.toolsets = QLineEdit(self)
        self.toolsets.setObjectName("jobToolsets")
        self.toolsets.setAccessibleName(self.tr("Toolsets"))
        self.toolsets.setPlaceholderText(self.tr("All that Hermes gives cron jobs — or: web, terminal, file"))
        self.model_override = QLineEdit(self)
        self.model_override.setObjectName("jobModel")
        self.model_override.setPlaceholderText(self.tr("Default from Settings"))
        self.model_override.setAccessibleName(self.tr("Model"))
        self.provider = QLineEdit(self)
        self.provider.setObjectName("jobProvider")
        self.provider.setPlaceholderText(self.tr("Default — or a provider name, custom for your own endpoint"))
        self.provider.setAccessibleName(self.tr("Provider"))
        self.base_url_override = QLineEdit(self)
        self.base_url_override.setObjectName("jobBaseUrl")
        self.base_url_override.setPlaceholderText(self.tr("Default from Settings"))
        self.base_url_override.setAccessibleName(self.tr("Endpoint"))
        self.context_list = JobChecklist(self)
        self.context_list.setObjectName("jobContextFrom")
        self.context_list.view.setAccessibleName(self.tr("Output of other jobs as context"))
        self.context_list.view.setFixedHeight(self.deliver_list.sizeHintForRow(0) * 4 + 4)
        self.context_note = QLabel(self.tr("No other jobs yet."), self)
        self.context_note.setEnabled(False)

        # one reserved line under each field that can be refused, so a reason never moves the fields
        self.field_errors: dict[str, QLabel] = {}
        for key in ("deliver", "workdir", "enabled_toolsets", "provider", "context_from", "script"):
            reason = QLabel(self)
            reason.setObjectName(f"fieldError_{key}")
            set_error_style(reason)
            # one line, always there (empty while the field is fine): its text neither widens the column nor
            # adds height (the tooltip has it all)
            reason.setFixedHeight(reason.fontMetrics().height())
            reason.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.field_errors[key] = reason
        form.insertRow(form.rowCount(), "", self.field_errors["script"])

        output_box = QGroupBox(self.tr("Output and running"), self)
        output = QFormLayout(output_box)
        output.addRow(self._buddy(self.tr("&Deliver to"), self.deliver_list), self.deliver_list)
        output.addRow("", self.deliver_other)
        output.addRow("", self.field_errors["deliver"])
        output.addRow(self._buddy(self.tr("&Working folder"), self.workdir), workdir_row)
        output.addRow("", self.field_errors["workdir"])
        output.addRow(self._buddy(self.tr("&Repeat"), self.repeat), self.repeat)
        self.agent_box = QGroupBox(self.tr("The agent"), self)
        self.agent_box.setObjectName("agentOptions")
        agent = QFormLayout(self.agent_box)
        agent.addRow(self._buddy(self.tr("S&kills"), self.skills), self.skills)
        agent.addRow(self._buddy(self.tr("&Toolsets"), self.toolsets), self.toolsets)
        agent.addRow("", self.field_errors["enabled_toolsets"])
        agent.addRow(self._buddy(self.tr("&Model"), self.model_override), self.model_override)
        agent.addRow(self._buddy(self.tr("Pro&vider"), self.provider), self.provider)
        agent.addRow("", self.field_errors["provider"])
        agent.addRow(self._buddy(self.tr("&Endpoint (base URL)"), self.base_url_override), self.base_url_override)
        context_box = QWidget(self.agent_box)
        context_layout = QVBoxLayout(context_box)
        context_layout.setContentsMargins(0, 0, 0, 0)
        context_layout.addWidget(self.context_list)
        context_layout.addWidget(self.context_note)
        agent.addRow(self._buddy(self.tr("&Context from"), self.context_list.view), context_box)
        agent.addRow("", self.field_errors["context_from"])

        self.save_error = QLabel(self)
        self.save_error.setObjectName("saveError")
        self.save_error.setWordWrap(True)
        set_error_style(self.save_error)
        self.save_error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveJobButton")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        plain_buttons(buttons)
        self.save_button.clicked.connect(self.save)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(schedule_box, 1)
        right = QVBoxLayout()
        right.addWidget(output_box)
        right.addWidget(self.agent_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.save_error)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.save)

        self.kind_group.idToggled.connect(lambda *_: self._kind_changed())
        self.preset.currentIndexChanged.connect(self._preset_changed)
        for w in (self.minutes, self.dom):
            w.valueChanged.connect(self._apply_preset)
        self.time.timeChanged.connect(self._apply_preset)
        self.day.currentIndexChanged.connect(self._apply_preset)
        self.when.dateTimeChanged.connect(self._apply_preset)
        self.schedule_input.textChanged.connect(self.update_preview)
        self.prompt.textChanged.connect(self._validate)
        self.script.currentTextChanged.connect(self._validate)
        self.deliver_list.itemChanged.connect(self._deliver_toggled)
        for edit in (self.deliver_other, self.workdir, self.skills, self.toolsets, self.model_override,
                     self.provider, self.base_url_override):
            edit.textChanged.connect(self._validate)
        self.context_list.changed.connect(self._validate)
        self._context_wanted: list[str] = []
        start = job if job is not None else template
        if start is not None:
            self._load(start)
        else:
            self.schedule_input.setText(DEFAULT_SCHEDULE)
        self._kind_changed()
        self.update_preview()
        self._load_other_jobs()

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        return label


    # ----------------------------------------------------------------- filling in

    def _load(self, job: Job) -> None:
        self.name.setText(str(job.get("name") or ""))
        self.prompt.setPlainText(str(job.get("prompt") or ""))
        self.script.setCurrentText(str(job.get("script") or ""))
        if job.get("no_agent"):
            self.kind_script.setChecked(True)
        elif job.get("script"):
            self.kind_both.setChecked(True)
        sched = job.get("schedule")
        if isinstance(sched, str):  # a starting point: the schedule as it would be typed
            text = sched
        else:
            sched = sched if isinstance(sched, dict) else {}
            text = str(job.get("schedule_display") or sched.get("expr") or "")
            if sched.get("kind") == "interval":
                text = f"every {sched.get('minutes')}m"
            elif sched.get("kind") == "once":
                text = str(sched.get("run_at") or "")
        if self.job is not None:
            self._loaded_text = text
        self.schedule_input.setText(text)
        repeat = job["repeat"] if isinstance(job.get("repeat"), dict) else {}
        self.repeat.setValue(int(repeat.get("times") or 0))
        self.model_override.setText(str(job.get("model") or ""))
        self.provider.setText(str(job.get("provider") or ""))
        self.base_url_override.setText(str(job.get("base_url") or ""))
        self._set_deliver(job.get("deliver"))
        self.workdir.setText(str(job.get("workdir") or ""))
        self.skills.setText(", ".join(stored_skills(job)))
        self.toolsets.setText(", ".join(text_list_or_empty(job.get("enabled_toolsets"))))
        self._context_wanted = text_list_or_empty(job.get("context_from"))

    def _set_deliver(self, value: Any) -> None:
        known = {self.deliver_list.item(i).data(Qt.ItemDataRole.UserRole): self.deliver_list.item(i)
                 for i in range(self.deliver_list.count())}
        parts = deliver_parts(value)
        self._deliver_guard = True
        for target, item in known.items():
            item.setCheckState(Qt.CheckState.Checked if target in parts else Qt.CheckState.Unchecked)
        self._deliver_guard = False
        self.deliver_other.setText(", ".join(p for p in parts if p not in known))

    def _deliver_toggled(self, item: QListWidgetItem) -> None:
        """This desktop (local) stands alone: it means no delivery, so it and the others exclude each other."""
        if getattr(self, "_deliver_guard", False):
            return
        self._deliver_guard = True
        target = item.data(Qt.ItemDataRole.UserRole)
        checked = item.checkState() == Qt.CheckState.Checked
        for i in range(self.deliver_list.count()):
            other = self.deliver_list.item(i)
            if other is item:
                continue
            is_local = other.data(Qt.ItemDataRole.UserRole) == LOCAL
            if checked and (target == LOCAL or is_local):
                other.setCheckState(Qt.CheckState.Unchecked)
        if not self._deliver_targets() and not self.deliver_other.text().strip():
            self.deliver_list.item(0).setCheckState(Qt.CheckState.Checked)  # nothing else: the output stays here
        self._deliver_guard = False
        self._validate()

    def _deliver_targets(self) -> list[str]:
        return [self.deliver_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.deliver_list.count())
                if self.deliver_list.item(i).checkState() == Qt.CheckState.Checked]

    def deliver_value(self) -> str:
        """What the form says, as Hermes stores it (unchecked: ``local``)."""
        parts = [t for t in self._deliver_targets() if t != LOCAL or not self.deliver_other.text().strip()]
        parts += [p.strip() for p in self.deliver_other.text().split(",") if p.strip()]
        return ",".join(parts) or LOCAL

    def _choose_workdir(self) -> None:
        start = self.workdir.text().strip() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Working folder"), start)
        if folder:
            self.workdir.setText(folder)

    def _load_other_jobs(self) -> None:
        """The other jobs, to take output from (read off the GUI thread; picked by title)."""
        home, own = self.home, self.job["id"] if self.job is not None else None

        def read() -> list[tuple[str, str]]:
            from ..core.jobs import JobStore, job_title

            jobs = JobStore(home).load().jobs
            return sorted(((j["id"], job_title(j)) for j in jobs if j["id"] != own),
                          key=lambda pair: (pair[1].casefold(), pair[0]))

        self._submit(read, self._other_jobs_loaded)

    def _other_jobs_loaded(self, jobs: list[tuple[str, str]] | None, error: BaseException | None) -> None:
        if not self.isVisible() and self.result() != 0:  # saved and closed before the list arrived
            return
        jobs = list(jobs or [])
        listed = {job_id for job_id, _ in jobs}
        jobs += [(job_id, self.tr("(deleted job {id})").format(id=job_id)) for job_id in self._context_wanted
                 if job_id not in listed]  # kept visible, so the choice can be undone
        self.context_list.set_jobs(jobs, self._context_wanted)
        self.context_note.setVisible(not jobs)
        self.context_list.setVisible(bool(jobs))
        self.jobs_loaded = True
        self._validate()

    def context_value(self) -> list[str] | None:
        if not getattr(self, "jobs_loaded", False):
            return self._context_wanted or None
        return self.context_list.checked() or None

    def _kind_changed(self) -> None:
        kind = self.kind_group.checkedId()
        w: QWidget
        for w in (self.prompt, self.prompt_label):
            w.setVisible(kind != 1)
        for w in (self.script, self.script_label, self.field_errors["script"]):
            w.setVisible(kind != 0)
        self.agent_box.setVisible(kind != 1)  # no agent: no prompt, skills, toolsets, model or context
        self._validate()

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        shown = {
            "minutes": (self.minutes,), "daily": (self.time,), "weekdays": (self.time,),
            "weekly": (self.day, self.time), "monthly": (self.dom, self.time), "once": (self.when,),
        }.get(key, ())
        for w in self.params:
            w.setVisible(w in shown)
        self._apply_preset()

    def _apply_preset(self, *_: object) -> None:
        key = self.preset.currentData()
        t = self.time.time()
        at = f"{t.hour()}:{t.minute():02d}"
        text = {
            "minutes": f"every {self.minutes.value()}m",
            "hourly": "hourly",
            "daily": f"every day at {at}",
            "weekdays": f"weekdays at {at}",
            "weekly": f"every {self.day.currentData()} at {at}",
            "monthly": f"{t.minute()} {t.hour()} {self.dom.value()} * *",
            "once": self.when.dateTime().toString("yyyy-MM-ddTHH:mm"),
        }.get(key)
        if text is not None:
            self.schedule_input.setText(text)

    # ----------------------------------------------------------------- preview and validation

    def dst_note(self, note: str | None) -> str:
        if note == "moved":
            return self.tr("moved: that time does not exist on this day (daylight saving)")
        if note == "ambiguous":
            return self.tr("that time happens twice on this day (daylight saving); runs once")
        return ""

    def update_preview(self) -> None:
        text = self.schedule_input.text()
        loaded = self.job.get("schedule") if self.job is not None else None
        # Whatever goes wrong, Save is only ever enabled for the schedule the preview shows.
        self.schedule = None
        try:
            if self.schedule_unchanged() and isinstance(loaded, dict):
                schedule = dict(loaded)  # the job's own schedule, even a one-shot time that has passed
            else:
                schedule = parse_schedule(text, now=self.now(), tz=self.tz)
            now = self.now()
            lines = [describe_text(schedule, self.tz),
                     self.tr("Time zone: {zone}").format(zone=zone_name(self.tz)),
                     self.tr("Next runs:")]
            for occ in next_runs(schedule, now, 5, self.tz):
                line = f"  • {date_time(occ.at, self.tz, with_zone=True)}  ({relative(occ.at, now)})"
                if occ.dst:
                    line += f"  ⚠ {self.dst_note(occ.dst)}"
                lines.append(line)
        except Exception as exc:  # a schedule that cannot be shown cannot be saved
            if not isinstance(exc, ScheduleError):
                log.warning("schedule %r cannot be previewed: %s", text, exc)
                exc = ScheduleError("unknown", f"{text!r} cannot be used as a schedule ({type(exc).__name__}).")
            self.schedule_error.setText(schedule_error_text(exc))
            self.schedule_error.show()
            self.preview.setText("")
            self._validate()
            return
        self.schedule = schedule
        self.schedule_error.hide()
        if len(lines) == 3:
            lines.append("  " + self.tr("none — this time has passed"))
        self.preview.setText("\n".join(lines))
        self._validate()

    def schedule_unchanged(self) -> bool:
        return self._loaded_text is not None and self.schedule_input.text().strip() == self._loaded_text.strip()

    def before(self) -> dict[str, Any]:
        """The job's own values, in the form's shape (nothing for a new job)."""
        job = self.job
        if job is None:
            return {}
        repeat = job["repeat"] if isinstance(job.get("repeat"), dict) else {}
        return {
            "name": str(job.get("name") or "").strip() or None,
            "prompt": str(job.get("prompt") or "").strip(),
            "script": str(job.get("script") or "").strip() or None,
            "no_agent": bool(job.get("no_agent")),
            "repeat": repeat.get("times") or None,
            "model": str(job.get("model") or "").strip() or None,
            "provider": str(job.get("provider") or "").strip() or None,
            "base_url": str(job.get("base_url") or "").strip() or None,
            "deliver": ",".join(deliver_parts(job.get("deliver"))),
            "skills": stored_skills(job),
            "enabled_toolsets": text_list_or_empty(job.get("enabled_toolsets")) or None,
            "workdir": str(job.get("workdir") or "").strip() or None,
            "context_from": text_list_or_empty(job.get("context_from")) or None,
        }

    def changes(self) -> dict[str, Any]:
        """What differs from the job being edited (everything, for a new job): only that is saved."""
        values = self.values()
        if self.job is None:
            if self.template is not None:
                values["like"] = self.template  # its origin and the fields this app does not know are kept
                if self.template.get("state") == "paused":
                    values["paused"] = True
            return values
        before = self.before()
        out = {k: v for k, v in values.items() if k != "schedule" and before.get(k) != v}
        if not self.schedule_unchanged():
            out["schedule"] = values["schedule"]
        return out

    def field_problems(self) -> dict[str, FieldError]:
        """The refusals the form can know of before saving, by field (a folder's existence is checked on save)."""
        values = self.values()
        problems: dict[str, FieldError] = {}
        for key in ("deliver", "enabled_toolsets", "context_from", "script"):
            if key in values:
                try:
                    check_fields({key: values[key]})
                except FieldError as exc:
                    problems[exc.field] = exc
        workdir = str(values.get("workdir") or "")
        if workdir and not Path(workdir).expanduser().is_absolute():
            problems["workdir"] = FieldError("workdir", "relative", f"{workdir!r} is not an absolute path.")
        changed = set(self.changes())
        if (changed & {"provider", "base_url"} and values.get("base_url") and not values.get("provider")):
            problems["provider"] = FieldError("provider", "required", "A base URL needs a provider.")
        return problems

    def problem(self) -> str | None:
        kind = self.kind_group.checkedId()
        if self.schedule is None:
            return self.tr("Fix the schedule first.")
        if kind != 1 and not self.prompt.toPlainText().strip() and not text_list_or_empty(self.skills.text()):
            return self.tr("Write the prompt.")
        if kind != 0 and not self.script.currentText().strip():
            return self.tr("Pick a script.")
        if self.field_problems():
            return self.tr("Fix the fields marked in red first.")
        return None

    def _validate(self) -> None:
        if not hasattr(self, "save_button"):
            return
        problems = self.field_problems()
        for key, label in self.field_errors.items():
            exc = problems.get(key)
            label.setText(field_error_text(exc) if exc else "")
            label.setToolTip(str(exc) if exc else "")
            label.setVisible(self._field_shown(key))
        problem = self.problem()
        self.save_button.setEnabled(problem is None)
        self.save_button.setToolTip(problem or "")

    def _field_shown(self, key: str) -> bool:
        kind = self.kind_group.checkedId()
        if key == "script":
            return kind != 0
        if key in AGENT_FIELDS:
            return kind != 1
        return True

    def values(self) -> dict[str, Any]:
        """The form's values for the kind of job chosen: fields that do not apply to it are left out."""
        kind = self.kind_group.checkedId()
        out: dict[str, Any] = {
            "name": self.name.text().strip() or None,
            "prompt": self.prompt.toPlainText().strip() if kind != 1 else "",
            "script": self.script.currentText().strip() if kind != 0 else None,
            "no_agent": kind == 1,
            "schedule": self.schedule_input.text(),
            "repeat": self.repeat.value() or None,
            "deliver": self.deliver_value(),
            "workdir": self.workdir.text().strip() or None,
        }
        if kind != 1:
            out.update({
                "skills": text_list_or_empty(self.skills.text()),
                "enabled_toolsets": text_list_or_empty(self.toolsets.text()) or None,
                "model": self.model_override.text().strip() or None,
                "provider": self.provider.text().strip() or None,
                "base_url": self.base_url_override.text().strip().rstrip("/") or None,
                "context_from": self.context_value(),
            })
        return out

    # ----------------------------------------------------------------- saving

    def save(self) -> None:
        if self.problem() is not None or not self.save_button.isEnabled():
            return
        values = self.changes()
        self.save_button.setEnabled(False)
        self.save_error.hide()
        save = self._save

        self._submit(lambda: save(values), self._saved)

    def _saved(self, job: Job | None, error: BaseException | None) -> None:
        if isinstance(error, FieldError):  # the exception itself: its field and code show beside the field
            label = self.field_errors.get(error.field)
            if label is not None and self._field_shown(error.field):
                label.setText(field_error_text(error))
                label.setToolTip(str(error))
                self.save_button.setEnabled(True)
                return
        if error is not None or job is None:
            reason = problem_line(error) if error is not None else self.tr("unknown error")
            self.save_error.setText(self.tr("Not saved: {reason}").format(reason=reason))
            self.save_error.show()
            self._validate()
            return
        self.saved.emit(job)
        self.accept()


AGENT_FIELDS = ("skills", "enabled_toolsets", "provider", "context_from")


def stored_skills(job: Job) -> list[str]:
    """A record's skills, reading the legacy single ``skill`` where there is no list."""
    skills = job.get("skills")
    if skills is None or skills == []:
        return text_list_or_empty(job.get("skill"))
    return text_list_or_empty(skills)


def text_list_or_empty(value: Any) -> list[str]:
    try:
        return text_list("", value)
    except FieldError:
        return []


def delivery_choices() -> list[tuple[str, str]]:
    """Hermes' delivery targets with their names in the UI: this desktop first, then its routing words, then
    the platforms (their own names)."""
    translate = QCoreApplication.translate
    words = {
        LOCAL: translate("Deliver", "This desktop (the output is only saved)"),
        ORIGIN: translate("Deliver", "The chat the job was made in"),
        ALL: translate("Deliver", "Every home channel"),
        "email": translate("Deliver", "Email"),
        "sms": translate("Deliver", "SMS"),
        "webhook": translate("Deliver", "Webhook"),
    }
    return [(t, words[t]) for t in ROUTING_TARGETS] + [
        (p, words.get(p) or PLATFORM_NAMES.get(p, p.replace("_", " ").title())) for p in DELIVERY_PLATFORMS]


def delivery_hint(target: str) -> str:
    """What a target means to Hermes, and the word Hermes stores for it."""
    translate = QCoreApplication.translate
    hints = {
        LOCAL: translate("Deliver", "Hermes sends the output nowhere; it is saved with the job's runs."),
        ORIGIN: translate("Deliver", "The chat the job was made from; for a job made here, the first platform "
                                     "with a home channel."),
        ALL: translate("Deliver", "Every platform that has a home channel set when the job runs."),
    }
    return f"{hints.get(target, '')} ({target})".strip()


# The platforms' own names (brands read the same in every language).
PLATFORM_NAMES = {
    "telegram": "Telegram", "discord": "Discord", "slack": "Slack", "whatsapp": "WhatsApp", "signal": "Signal",
    "matrix": "Matrix", "mattermost": "Mattermost", "homeassistant": "Home Assistant", "dingtalk": "DingTalk",
    "feishu": "Feishu", "wecom": "WeCom", "wecom_callback": "WeCom (callback)", "weixin": "Weixin",
    "bluebubbles": "BlueBubbles", "qqbot": "QQ Bot", "yuanbao": "Yuanbao",
}


def field_error_text(exc: FieldError) -> str:
    """Why a field is refused, in one short line of the UI language (core's full sentence goes in the tooltip)."""
    translate = QCoreApplication.translate
    reasons = {
        ("deliver", "unknown"): translate("FieldError", "Hermes does not deliver to that platform."),
        ("deliver", "malformed"): translate("FieldError", "Write chats as platform:chat, with commas."),
        ("deliver", "type"): translate("FieldError", "Write chats as platform:chat, with commas."),
        ("enabled_toolsets", "denied"): translate("FieldError", "Cron jobs never get cronjob, messaging, clarify."),
        ("provider", "required"): translate("FieldError", "A base URL needs a provider (custom: your own)."),
        ("workdir", "relative"): translate("FieldError", "Give the folder's full path."),
        ("workdir", "missing"): translate("FieldError", "That folder does not exist."),
        ("workdir", "not_dir"): translate("FieldError", "That is a file, not a folder."),
        ("context_from", "missing"): translate("FieldError", "A job picked here no longer exists."),
        ("context_from", "bad_id"): translate("FieldError", "Hermes reads output of hex job ids only."),
        ("script", "outside"): translate("FieldError", "Pick a file in the home's scripts folder."),
    }
    return reasons.get((exc.field, exc.code), str(exc))


def schedule_error_text(exc: ScheduleError) -> str:
    """The reason in the UI language (the precise English detail in English), and the forms that work."""
    forms = QCoreApplication.translate(
        "ScheduleError", "Forms that work: every 30m · 2h · in 20m · 2026-02-03T14:00 · 0 9 * * 1-5 · "
        "@daily · weekdays at 9am · every monday 9am")
    return f"{schedule_reason(exc)}\n{forms}"
