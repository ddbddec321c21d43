"""Settings: language, running jobs in the app, the agent endpoint, retention, the job timeout.

Every change is saved at once to the home's settings file, which the ticker
and the ``cron`` commands read too. The API key is written owner-only and
shown masked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.home import HermesHome
from ..core.settings import Settings, load_settings, save_settings

EXAMPLE_BASE_URL = "https://api.example.com/v1"  # an address, the same in every language
LANGUAGE_CHOICES = (("system", None), ("en", "English"), ("ja", "日本語"), ("zh_Hans", "简体中文"),
                    ("zh_Hant", "繁體中文"))


class SettingsWindow(QDialog):
    changed = Signal(object)  # Settings

    def __init__(self, home: HermesHome, parent: QWidget | None = None,
                 on_saved: Callable[[Settings], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsWindow")
        self.setWindowTitle(self.tr("Settings"))
        self.home = home
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
        self.run_jobs = QCheckBox(self.tr("Run scheduled jobs while the app is open"), general)
        self.run_jobs.setObjectName("runJobsInApp")
        general_form.addRow(self.run_jobs)

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
        reveal = QAction(self.tr("Show"), self.api_key)
        reveal.setCheckable(True)
        reveal.toggled.connect(lambda on: self.api_key.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.api_key.addAction(reveal, QLineEdit.ActionPosition.TrailingPosition)
        agent_form.addRow(self.tr("&Base URL"), self.base_url)
        agent_form.addRow(self.tr("&Model"), self.model)
        agent_form.addRow(self.tr("API &key"), self.api_key)

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

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        for box in (general, agent, runs):
            layout.addWidget(box)
        layout.addWidget(buttons)

        self._fill()
        for signal in (self.language.currentIndexChanged, self.run_jobs.toggled, self.base_url.textChanged,
                       self.model.textChanged, self.api_key.textChanged, self.keep_runs.valueChanged,
                       self.max_age.valueChanged, self.timeout.valueChanged):
            signal.connect(self.save)
        if on_saved is not None:
            self.changed.connect(on_saved)
        self._loading = False
        self.setMinimumWidth(520)

    def _fill(self) -> None:
        s = self.settings
        index = self.language.findData(s.language)
        self.language.setCurrentIndex(max(0, index))
        self.run_jobs.setChecked(s.run_jobs_in_app)
        self.base_url.setText(s.base_url)
        self.model.setText(s.model)
        self.api_key.setText(s.api_key)
        self.keep_runs.setValue(s.keep_runs or 0)
        self.max_age.setValue(s.max_age_days or 0)
        self.timeout.setValue(max(1, round(s.job_timeout_s / 60)))

    def save(self, *_: object) -> None:
        if self._loading:
            return
        previous_language = self.settings.language
        s = load_settings(self.home)  # keep what this window does not show
        s.language = self.language.currentData()
        s.run_jobs_in_app = self.run_jobs.isChecked()
        s.base_url = self.base_url.text().strip()
        s.model = self.model.text().strip()
        s.api_key = self.api_key.text().strip()
        s.keep_runs = self.keep_runs.value() or None
        s.max_age_days = self.max_age.value() or None
        s.job_timeout_s = self.timeout.value() * 60
        save_settings(self.home, s)
        self.settings = s
        self.language_note.setVisible(s.language != previous_language or self.language_note.isVisible())
        self.changed.emit(s)
