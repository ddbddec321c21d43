"""What a new job starts from: blank, a copy of the selected job, or one of Hermes' blueprints.

The menu on the "New cron job" buttons. It only says what was picked
(``chosen``: None for a blank job, else the record the editor starts from);
the composition root opens the editor with it. Hermes' blueprints are read
once, off the GUI thread, the first time the menu opens.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ..core.blueprints import Blueprint, Catalog, load_catalog
from ..core.job_fields import copy_of
from ..core.jobs import Job, job_title

TITLE_CHARS = 40


class _Loaded(QObject):
    done = Signal(object)  # a Catalog


class _ReadCatalog(QRunnable):
    def __init__(self, load: Callable[[], Catalog], loaded: _Loaded) -> None:
        super().__init__()
        self.load = load
        self.loaded = loaded

    def run(self) -> None:
        try:
            catalog = self.load()
        except Exception as exc:  # never let a reader's failure take the thread down
            catalog = Catalog(problem=str(exc))
        with contextlib.suppress(RuntimeError):  # the menu was closed for good meanwhile
            self.loaded.done.emit(catalog)


class StartMenu(QMenu):
    """Blank · Duplicate “<selected job>” · From blueprint ▸ (Hermes' own blueprints)."""

    chosen = Signal(object)  # None: a blank job; else the record a new job starts from

    def __init__(self, selected: Callable[[], Job | None], parent: QWidget | None = None, *,
                 load: Callable[[], Catalog] = load_catalog, shortcut: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("newJobMenu")
        self.selected = selected
        self._load = load
        self.catalog: Catalog | None = None
        self._loading = False
        self._loaded = _Loaded(self)
        self._loaded.done.connect(self._catalog_read)
        self.blank = QAction(self.tr("Blank"), self)
        self.blank.setObjectName("newBlank")
        if shortcut:
            self.blank.setShortcut(QKeySequence("Ctrl+N"))
        self.blank.triggered.connect(lambda: self.chosen.emit(None))
        self.duplicate = QAction(self)
        self.duplicate.setObjectName("newDuplicate")
        self.duplicate.triggered.connect(self._duplicate)
        self.blueprints = QMenu(self.tr("From blueprint"), self)
        self.blueprints.setObjectName("newFromBlueprint")
        self.addAction(self.blank)
        self.addAction(self.duplicate)
        self.addMenu(self.blueprints)
        self.aboutToShow.connect(self.refresh)
        self._fill_blueprints()

    def refresh(self) -> None:
        """Name the selected job, and start reading the blueprints if that has not been done."""
        job = self.selected()
        if job is None:
            self.duplicate.setText(self.tr("Duplicate the selected job"))
            self.duplicate.setEnabled(False)
            self.duplicate.setToolTip(self.tr("Select a job first."))
        else:
            title = job_title(job, self.tr("Cron job"))
            if len(title) > TITLE_CHARS:
                title = title[: TITLE_CHARS - 1].rstrip() + "…"
            self.duplicate.setText(self.tr("Duplicate “{title}”").format(title=title.replace("&", "&&")))
            self.duplicate.setEnabled(True)
            self.duplicate.setToolTip("")
        if self.catalog is None and not self._loading:
            self._loading = True
            QThreadPool.globalInstance().start(_ReadCatalog(self._load, self._loaded))
            self._fill_blueprints()

    def copy_name(self, job: Job) -> str:
        return self.tr("{name} (copy)").format(name=job_title(job, self.tr("Cron job")))

    def _duplicate(self) -> None:
        job = self.selected()
        if job is not None:
            self.chosen.emit(copy_of(job, self.copy_name(job)))

    def _catalog_read(self, catalog: Catalog) -> None:
        self._loading = False
        self.catalog = catalog
        self._fill_blueprints()

    def _fill_blueprints(self) -> None:
        menu = self.blueprints
        menu.clear()
        catalog = self.catalog
        if catalog is None or not catalog.blueprints:
            note = QAction(self.tr("Reading Hermes' blueprints…") if catalog is None
                           else self.tr("No blueprints: Hermes is not installed here"), menu)
            note.setEnabled(False)
            if catalog is not None and catalog.problem:
                note.setToolTip(catalog.problem)
            menu.addAction(note)
            menu.setToolTipsVisible(True)
            return
        for blueprint in catalog.blueprints:
            action = QAction(blueprint.title.replace("&", "&&"), menu)
            action.setObjectName(f"blueprint_{blueprint.key}")
            action.setToolTip(f"{blueprint.description}\n{blueprint.schedule_human}".strip())
            action.setStatusTip(blueprint.description)
            action.triggered.connect(lambda _=False, b=blueprint: self._from_blueprint(b))
            menu.addAction(action)
        menu.setToolTipsVisible(True)

    def _from_blueprint(self, blueprint: Blueprint) -> None:
        self.chosen.emit(dict(blueprint.record))
