"""Settings: language, running jobs in the app, the Hermes that runs prompt jobs, the agent endpoint, retention,
the job timeout.

Every change is saved at once (on the task thread, when the app hands one
over) to the home's settings file, which the ticker and the ``cron`` commands
read too. The API key is written owner-only and shown masked; a key that
cannot be sent (a line break, a space, a character no request header carries)
is refused with the reason beside the field, and the key saved before stays.

Which Hermes runs prompt jobs (its path and version), or that none was found
and the built-in runner is used, is looked up on the task thread when the
window opens and whenever the chosen path is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import autostart
from ..core.firing import FiringStatus
from ..core.hermes import HermesLookup, find_hermes
from ..core.home import HermesHome
from ..core.secrets_guard import key_problem
from ..core.settings import Settings, load_settings, save_settings
from ..l10n import firing_text, problem_line
from .runner_words import status_text
from .theme import Theme, plain_buttons
from .workers import Submit, run_here

SAVE_AFTER_MS = 400  # typing saves once it pauses this long

EXAMPLE_BASE_URL = "https://api.example.com/v1"  # an address, the same in every language
LANGUAGE_CHOICES = (("system", None), ("en", "English"), ("ja", "日本語"), ("zh_Hans", "简体中文"),
                    ("zh_Hant", "繁體中文"))



class SettingsWindow(QDialog):
    changed = Signal(object)  # Settings

    def __init__(self, home: HermesHome, parent: QWidget | None = None,
                 on_saved: Callable[[Settings], None] | None = None, *, submit: Submit = run_here) -> None:
        super().__init__(parent)
        self.setObjectName("settingsWindow")
        self.setWindowTitle(self.tr("Settings"))
        self.home = home
        self._submit = submit
        self.settings = load_settings(home)
        self._loading = True

        general = QGroupBox(self.tr("General"), self)
        general_form = QFormLayout(general)
        self.language = QComboBox(general)
        self.language.setObjectName("languageChoice")
        self.language.setAccessibleName(self.tr("Language"))
        for code, label in LANGUAGE_CHOICES:
            self.language.addItem(label or self.tr("System"), code)
        general_form.addRow(self.tr("&Language"), self.language)
        self.language_note = QLabel(self.tr("The new language shows the next time Hermes Desktop starts."), general)
        self.language_note.setWordWrap(True)
        self.language_note.setEnabled(False)
        self.language_note.hide()
        general_form.addRow("", self.language_note)
        self.appearance = QComboBox(general)
        self.appearance.setObjectName("appearanceChoice")
        self.appearance.setAccessibleName(self.tr("Appearance"))
        for code, label in (("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                            ("dark", self.tr("Dark"))):
            self.appearance.addItem(label, code)
        general_form.addRow(self.tr("&Appearance"), self.appearance)
        self.run_jobs = QCheckBox(self.tr("Run scheduled jobs while the app is open"), general)
        self.run_jobs.setObjectName("runJobsInApp")
        general_form.addRow(self.run_jobs)
        self.all_profiles = QCheckBox(self.tr("Run the jobs of every profile, not only the one on screen"), general)
        self.all_profiles.setObjectName("runAllProfiles")
        general_form.addRow(self.all_profiles)
        self.run_jobs.toggled.connect(self.all_profiles.setEnabled)
        self.notify_all = QCheckBox(self.tr("Notify when any run finishes"), general)
        self.notify_all.setObjectName("notifyAllRuns")
        general_form.addRow(self.notify_all)
        self.firing = QLabel(general)  # who fires the jobs of the profile on screen now
        self.firing.setObjectName("firingStatus")
        self.firing.setWordWrap(True)
        self.firing.setEnabled(False)
        self.firing.hide()
        general_form.addRow(self.firing)
        # Not in the settings file: the login entry the system keeps is the one truth, read and written here.
        self.start_at_login = QCheckBox(self.tr("Start Hermes Desktop when I log in"), general)
        self.start_at_login.setObjectName("startAtLogin")
        self.start_at_login.setEnabled(False)  # until the entry has been read
        self.start_at_login.toggled.connect(self._set_start_at_login)
        general_form.addRow(self.start_at_login)

        hermes = QGroupBox(self.tr("Hermes"), self)
        hermes_form = QFormLayout(hermes)
        self.hermes_status = QLabel(self.tr("Looking for Hermes…"), hermes)
        self.hermes_status.setObjectName("hermesStatus")
        self.hermes_status.setWordWrap(True)
        self.hermes_status.setTextFormat(Qt.TextFormat.PlainText)
        self.hermes_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hermes_path = QLineEdit(hermes)
        self.hermes_path.setObjectName("hermesPath")
        self.hermes_path.setPlaceholderText(self.tr("Find automatically"))
        self.hermes_path.setAccessibleName(self.tr("Hermes program"))
        self.hermes_browse = QToolButton(hermes)
        self.hermes_browse.setObjectName("hermesBrowse")
        self.hermes_browse.setText(self.tr("Browse…"))
        self.hermes_browse.setAccessibleName(self.tr("Choose the hermes program"))
        self.hermes_browse.clicked.connect(self._browse_hermes)
        hermes_row = QHBoxLayout()
        hermes_row.setContentsMargins(0, 0, 0, 0)
        hermes_row.addWidget(self.hermes_path, 1)
        hermes_row.addWidget(self.hermes_browse)
        hermes_label = QLabel(self.tr("&Program"), hermes)
        hermes_label.setBuddy(self.hermes_path)
        hermes_form.addRow(self.hermes_status)
        hermes_form.addRow(hermes_label, hermes_row)
        self._looked_up: str | None = None  # the path the status speaks of

        agent = QGroupBox(self.tr("Agent endpoint (OpenAI-compatible)"), self)
        agent_form = QFormLayout(agent)
        self.base_url = QLineEdit(agent)
        self.base_url.setObjectName("baseUrl")
        self.base_url.setPlaceholderText(EXAMPLE_BASE_URL)
        self.base_url.setAccessibleName(self.tr("Base URL"))
        self.model = QLineEdit(agent)
        self.model.setObjectName("modelName")
        self.model.setAccessibleName(self.tr("Model"))
        self.api_key = QLineEdit(agent)
        self.api_key.setObjectName("apiKey")
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setAccessibleName(self.tr("API key"))
        self.api_key.setPlaceholderText(self.tr("Stored in the home, readable by you only"))
        # A button with words beside the field: an action inside the field shows only an icon, and there is none.
        self.show_api_key = QToolButton(agent)
        self.show_api_key.setObjectName("showApiKey")
        self.show_api_key.setCheckable(True)
        self.show_api_key.setText(self.tr("Show"))
        self.show_api_key.setAccessibleName(self.tr("Show the API key"))
        self.show_api_key.toggled.connect(self._reveal_key)
        key_row = QHBoxLayout()
        key_row.setContentsMargins(0, 0, 0, 0)
        key_row.addWidget(self.api_key, 1)
        key_row.addWidget(self.show_api_key)
        self.api_key_problem = QLabel(agent)
        self.api_key_problem.setObjectName("apiKeyProblem")
        self.api_key_problem.setWordWrap(True)
        self.api_key_problem.setTextFormat(Qt.TextFormat.PlainText)
        self.api_key_problem.hide()
        agent_form.addRow(self.tr("&Base URL"), self.base_url)
        agent_form.addRow(self.tr("&Model"), self.model)
        key_label = QLabel(self.tr("API &key"), agent)
        key_label.setBuddy(self.api_key)
        agent_form.addRow(key_label, key_row)
        agent_form.addRow("", self.api_key_problem)

        runs = QGroupBox(self.tr("Runs"), self)
        runs_form = QFormLayout(runs)
        self.keep_runs = QSpinBox(runs)
        self.keep_runs.setObjectName("keepRuns")
        self.keep_runs.setRange(0, 100000)
        self.keep_runs.setSpecialValueText(self.tr("Keep all"))
        self.keep_runs.setAccessibleName(self.tr("Runs kept per job"))
        self.max_age = QSpinBox(runs)
        self.max_age.setObjectName("maxAgeDays")
        self.max_age.setRange(0, 36500)
        self.max_age.setSpecialValueText(self.tr("Never"))
        self.max_age.setSuffix(self.tr(" days"))
        self.max_age.setAccessibleName(self.tr("Delete runs older than"))
        self.timeout = QSpinBox(runs)
        self.timeout.setObjectName("jobTimeout")
        self.timeout.setRange(1, 24 * 60)
        self.timeout.setSuffix(self.tr(" min"))
        self.timeout.setAccessibleName(self.tr("Job timeout"))
        runs_form.addRow(self.tr("Keep the newest runs of each job"), self.keep_runs)
        runs_form.addRow(self.tr("Delete runs older than"), self.max_age)
        runs_form.addRow(self.tr("Stop a run after"), self.timeout)

        self.save_error = QLabel(self)
        self.save_error.setObjectName("settingsSaveError")
        self.save_error.setWordWrap(True)
        self.save_error.setTextFormat(Qt.TextFormat.PlainText)
        self.save_error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        plain_buttons(buttons)
        layout = QVBoxLayout(self)
        for box in (general, hermes, agent, runs):
            layout.addWidget(box)
        layout.addWidget(self.save_error)
        layout.addWidget(buttons)

        self._fill()
        self._check_key()
        self.api_key.textChanged.connect(self._check_key)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.appearance.currentIndexChanged.connect(self._appearance_changed)
        # Typing saves once it pauses (or the field is left), not on every keystroke; a switch saves at once.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SAVE_AFTER_MS)
        self._debounce.timeout.connect(self.save)
        for signal in (self.base_url.textChanged, self.model.textChanged, self.api_key.textChanged,
                       self.keep_runs.valueChanged, self.max_age.valueChanged, self.timeout.valueChanged,
                       self.hermes_path.textChanged):
            signal.connect(self._debounce.start)
        for field in (self.base_url, self.model, self.api_key, self.hermes_path):
            field.editingFinished.connect(self.flush)
        for signal in (self.language.currentIndexChanged, self.appearance.currentIndexChanged,
                       self.run_jobs.toggled, self.all_profiles.toggled, self.notify_all.toggled):
            signal.connect(self.save)
        if on_saved is not None:
            self.changed.connect(on_saved)
        self._loading = False
        self.setMinimumWidth(520)
        self._look_for_hermes(self.settings.hermes_path)
        self._submit(autostart.is_enabled, self._show_start_at_login)

    def _show_start_at_login(self, on: bool | None, error: BaseException | None) -> None:
        """The login entry as it is now (after a read, or after a write: what the system has, not what was asked)."""
        if error is not None:
            self.save_error.setText(self.tr("Start at login not changed: {reason}").format(reason=problem_line(error)))
            self.save_error.show()
            self._fit_height()
            on = None
        if on is None:
            self._submit(autostart.is_enabled, lambda now, _error: self._show_start_at_login(bool(now), None))
            return
        self.start_at_login.blockSignals(True)
        self.start_at_login.setChecked(on)
        self.start_at_login.blockSignals(False)
        self.start_at_login.setEnabled(True)

    def _set_start_at_login(self, on: bool) -> None:
        home = self.home
        self.start_at_login.setEnabled(False)  # one change at a time

        def write() -> bool:
            if on:
                autostart.enable(home)
            else:
                autostart.disable()
            return autostart.is_enabled()

        self._submit(write, self._show_start_at_login)

    def _fill(self) -> None:
        s = self.settings
        index = self.language.findData(s.language)
        self.language.setCurrentIndex(max(0, index))
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(s.appearance)))
        self.run_jobs.setChecked(s.run_jobs_in_app)
        self.all_profiles.setChecked(s.run_all_profiles)
        self.all_profiles.setEnabled(s.run_jobs_in_app)
        self.notify_all.setChecked(s.notify_all_runs)
        self.base_url.setText(s.base_url)
        self.model.setText(s.model)
        self.api_key.setText(s.api_key)
        self.keep_runs.setValue(s.keep_runs or 0)
        self.max_age.setValue(s.max_age_days or 0)
        self.timeout.setValue(max(1, round(s.job_timeout_s / 60)))
        self.hermes_path.setText(s.hermes_path)

    def _browse_hermes(self) -> None:
        start = self.hermes_path.text().strip()
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the hermes program"), start)
        if path:
            self.hermes_path.setText(path)
            self.flush()

    def _look_for_hermes(self, path: str) -> None:
        """Find the Hermes that ``path`` (empty: the automatic search) gives, on the task thread."""
        self._looked_up = path
        self.hermes_status.setText(self.tr("Looking for Hermes…"))

        def shown(lookup: HermesLookup | None, error: BaseException | None) -> None:
            if path != self._looked_up:
                return  # another path was saved meanwhile; its answer follows
            text = problem_line(error) if error else (status_text(lookup) if lookup is not None else "")
            self.hermes_status.setText(text)
            self.hermes_status.setAccessibleName(text)
            self._fit_height()

        self._submit(lambda: find_hermes(path), shown)

    def _reveal_key(self, on: bool) -> None:
        self.api_key.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.show_api_key.setText(self.tr("Hide") if on else self.tr("Show"))
        self.show_api_key.setAccessibleName(self.tr("Hide the API key") if on else self.tr("Show the API key"))

    def _appearance_changed(self, *_: object) -> None:
        theme = Theme.of(QApplication.instance())
        if theme is not None and not self._loading:
            theme.set_appearance(self.appearance.currentData())  # at once: no restart for a look

    def _language_changed(self, *_: object) -> None:
        if not self._loading:
            self.language_note.show()  # and it stays: the running app keeps its language until restarted

    def key_problem_text(self, key: str) -> str | None:
        """Why ``key`` cannot be used, in the UI language (None when it can)."""
        problem = key_problem(key.strip())
        if problem is None:
            return None
        # Keyed on core's own reasons (asked with a sample of each), so the rule lives in core alone;
        # a reason core may add later is shown in its English words rather than not at all.
        words = {
            key_problem("a b"): self.tr("This API key has a space, line break or control character in it, so it "
                                        "was not saved. Paste it again as one line."),
            key_problem("\u00e9"): self.tr("This API key has characters that cannot go in a request header, so it "
                                            "was not saved. Paste it again."),
        }
        return words.get(problem, problem)

    def _check_key(self, *_: object) -> None:
        problem = self.key_problem_text(self.api_key.text())
        self.api_key_problem.setText(problem or "")
        self.api_key_problem.setVisible(problem is not None)
        self.api_key.setAccessibleDescription(problem or "")
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show a reason that wraps onto more lines: a window's minimum size ignores wrapped text."""
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        layout.activate()
        needed = max(layout.totalHeightForWidth(self.width()), self.sizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def flush(self) -> None:
        """Save now what is waiting for the typing to pause."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.save()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_height)  # laid out at its real width now: wrapped lines get their room

    def hideEvent(self, event: Any) -> None:  # closing or hiding the window saves what was typed last
        self.flush()
        super().hideEvent(event)

    def show_firing(self, status: FiringStatus | None) -> None:
        """Who fires the jobs of the profile on screen now (the status bar says the same)."""
        self.firing.setText(firing_text(status))
        self.firing.setVisible(status is not None)
        self._fit_height()  # the words wrap onto more lines in some languages

    def save(self, *_: object) -> None:
        """Write what the window shows (the values are read here; the file is written on the task thread)."""
        self._debounce.stop()
        if self._loading:
            return
        values: dict[str, Any] = {
            "language": self.language.currentData(),
            "appearance": self.appearance.currentData(),
            "run_jobs_in_app": self.run_jobs.isChecked(),
            "run_all_profiles": self.all_profiles.isChecked(),
            "notify_all_runs": self.notify_all.isChecked(),
            "base_url": self.base_url.text().strip(),
            "model": self.model.text().strip(),
            "keep_runs": self.keep_runs.value() or None,
            "max_age_days": self.max_age.value() or None,
            "job_timeout_s": self.timeout.value() * 60,
            "hermes_path": self.hermes_path.text().strip(),
        }
        key = self.api_key.text().strip()
        if key_problem(key) is None:  # a key that cannot be sent is never written; the one saved before stays
            values["api_key"] = key
        home = self.home

        def write() -> Settings:
            s = load_settings(home)  # keep what this window does not show
            for name, value in values.items():
                setattr(s, name, value)
            save_settings(home, s)
            return s

        self._submit(write, self._saved)

    def _saved(self, settings: Settings | None, error: BaseException | None) -> None:
        if error is not None or settings is None:
            self.save_error.setText(self.tr("Settings not saved: {reason}").format(
                reason=problem_line(error) if error is not None else self.tr("unknown error")))
            self.save_error.show()
            self._fit_height()
            return
        self.save_error.hide()
        self.settings = settings
        if settings.hermes_path != self._looked_up:
            self._look_for_hermes(settings.hermes_path)
        self.changed.emit(settings)
