"""Create or edit a job, with a schedule editor that always shows what it understood.

Presets fill the schedule field; the field takes every form core/schedule
parses. Beside it, live: the schedule in words, the time zone, and the next
five runs, a run moved or doubled by a daylight-saving change marked as such.
An invalid schedule shows the reason and keeps Save disabled. Saving runs off
the GUI thread (it takes the jobs lock); a failed save says why and keeps
everything typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.home import HermesHome
from ..core.jobs import Job
from ..core.schedule import ScheduleError, next_runs, parse_schedule, zone_name
from ..core.zone import schedule_zone
from ..l10n import date_time, describe_text, locale, relative, schedule_reason

# Schedule text is the parser's own grammar (the same in every UI language), so it is not translated.
DEFAULT_SCHEDULE = "every 30m"
PRESETS = ("custom", "minutes", "hourly", "daily", "weekdays", "weekly", "monthly", "once")
DAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

log = logging.getLogger("hermes_desktop.ui")


class JobEditor(QDialog):
    """``saved`` carries the saved job; the dialog closes itself after a successful save."""

    saved = Signal(dict)

    def __init__(
        self,
        home: HermesHome,
        submit: Callable[[Callable[[], Any], Callable[[Any, str], None]], Any],
        save: Callable[[dict[str, Any]], Job],
        job: Job | None = None,
        *,
        tz: tzinfo | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("jobEditor")
        self.home = home
        self.job = job
        self.tz = tz or schedule_zone(home)
        self.now = now
        self._submit = submit
        self._save = save
        self.schedule: dict[str, Any] | None = None
        self._loaded_text: str | None = None  # the schedule as the job has it, shown unparsed while unchanged
        self.setWindowTitle(self.tr("Edit cron job") if job else self.tr("New cron job"))
        self.setMinimumWidth(620)

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
        self.schedule_error.setStyleSheet("color: #d93025;")
        self.schedule_error.hide()
        sched_layout.addWidget(self.schedule_error)
        self.preview = QLabel(schedule_box)
        self.preview.setObjectName("schedulePreview")
        self.preview.setAccessibleName(self.tr("What the schedule means"))
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(self.preview.textFormat().PlainText)
        sched_layout.addWidget(self.preview)

        # repeat and overrides
        self.repeat = QSpinBox(self)
        self.repeat.setObjectName("jobRepeat")
        self.repeat.setRange(0, 100000)
        self.repeat.setSpecialValueText(self.tr("Forever"))
        self.repeat.setAccessibleName(self.tr("Repeat"))
        self.repeat.setSuffix(self.tr(" runs"))
        self.model_override = QLineEdit(self)
        self.model_override.setObjectName("jobModel")
        self.model_override.setPlaceholderText(self.tr("Default from Settings"))
        self.model_override.setAccessibleName(self.tr("Model"))
        self.base_url_override = QLineEdit(self)
        self.base_url_override.setObjectName("jobBaseUrl")
        self.base_url_override.setPlaceholderText(self.tr("Default from Settings"))
        self.base_url_override.setAccessibleName(self.tr("Endpoint"))
        more = QFormLayout()
        more.addRow(self.tr("&Repeat"), self.repeat)
        more.addRow(self.tr("&Model"), self.model_override)
        more.addRow(self.tr("&Endpoint (base URL)"), self.base_url_override)

        self.save_error = QLabel(self)
        self.save_error.setObjectName("saveError")
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet("color: #d93025;")
        self.save_error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveJobButton")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(schedule_box)
        layout.addLayout(more)
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
        if job is not None:
            self._load(job)
        else:
            self.schedule_input.setText(DEFAULT_SCHEDULE)
        self._kind_changed()
        self.update_preview()

    # ----------------------------------------------------------------- filling in

    def _load(self, job: Job) -> None:
        self.name.setText(str(job.get("name") or ""))
        self.prompt.setPlainText(str(job.get("prompt") or ""))
        self.script.setCurrentText(str(job.get("script") or ""))
        if job.get("no_agent"):
            self.kind_script.setChecked(True)
        elif job.get("script"):
            self.kind_both.setChecked(True)
        sched = job["schedule"] if isinstance(job.get("schedule"), dict) else {}
        text = str(job.get("schedule_display") or sched.get("expr") or "")
        if sched.get("kind") == "interval":
            text = f"every {sched.get('minutes')}m"
        elif sched.get("kind") == "once":
            text = str(sched.get("run_at") or "")
        self._loaded_text = text
        self.schedule_input.setText(text)
        repeat = job["repeat"] if isinstance(job.get("repeat"), dict) else {}
        self.repeat.setValue(int(repeat.get("times") or 0))
        self.model_override.setText(str(job.get("model") or ""))
        self.base_url_override.setText(str(job.get("base_url") or ""))

    def _kind_changed(self) -> None:
        kind = self.kind_group.checkedId()
        w: QWidget
        for w in (self.prompt, self.prompt_label):
            w.setVisible(kind != 1)
        for w in (self.script, self.script_label):
            w.setVisible(kind != 0)
        for w in (self.model_override, self.base_url_override):
            w.setEnabled(kind != 1)
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

    def changes(self) -> dict[str, Any]:
        """What differs from the job being edited (everything, for a new job): only that is saved."""
        values = self.values()
        job = self.job
        if job is None:
            return values
        repeat = job["repeat"] if isinstance(job.get("repeat"), dict) else {}
        before = {
            "name": str(job.get("name") or "").strip() or None,
            "prompt": str(job.get("prompt") or "").strip(),
            "script": str(job.get("script") or "").strip() or None,
            "no_agent": bool(job.get("no_agent")),
            "repeat": repeat.get("times") or None,
            "model": str(job.get("model") or "").strip() or None,
            "base_url": str(job.get("base_url") or "").strip() or None,
        }
        out = {k: v for k, v in values.items() if k != "schedule" and before.get(k) != v}
        if not self.schedule_unchanged():
            out["schedule"] = values["schedule"]
        return out

    def problem(self) -> str | None:
        kind = self.kind_group.checkedId()
        if self.schedule is None:
            return self.tr("Fix the schedule first.")
        if kind != 1 and not self.prompt.toPlainText().strip():
            return self.tr("Write the prompt.")
        if kind != 0 and not self.script.currentText().strip():
            return self.tr("Pick a script.")
        return None

    def _validate(self) -> None:
        self.save_button.setEnabled(self.problem() is None)
        self.save_button.setToolTip(self.problem() or "")

    def values(self) -> dict[str, Any]:
        kind = self.kind_group.checkedId()
        return {
            "name": self.name.text().strip() or None,
            "prompt": self.prompt.toPlainText().strip() if kind != 1 else "",
            "script": self.script.currentText().strip() if kind != 0 else None,
            "no_agent": kind == 1,
            "schedule": self.schedule_input.text(),
            "repeat": self.repeat.value() or None,
            "model": self.model_override.text().strip() or None,
            "base_url": self.base_url_override.text().strip() or None,
        }

    # ----------------------------------------------------------------- saving

    def save(self) -> None:
        if self.problem() is not None or not self.save_button.isEnabled():
            return
        values = self.changes()
        self.save_button.setEnabled(False)
        self.save_error.hide()
        self._submit(lambda: self._save(values), self._saved)

    def _saved(self, job: Job | None, error: str) -> None:
        if error or job is None:
            self.save_error.setText(self.tr("Not saved: {reason}").format(reason=error or self.tr("unknown error")))
            self.save_error.show()
            self._validate()
            return
        self.saved.emit(job)
        self.accept()


def schedule_error_text(exc: ScheduleError) -> str:
    """The reason in the UI language (the precise English detail in English), and the forms that work."""
    forms = QCoreApplication.translate(
        "ScheduleError", "Forms that work: every 30m · 2h · in 20m · 2026-02-03T14:00 · 0 9 * * 1-5 · "
        "@daily · weekdays at 9am · every monday 9am")
    return f"{schedule_reason(exc)}\n{forms}"
