"""A checklist of jobs by title that stays instant at 10,000 jobs, with a filter once the list is long.

The job editor's "Context from" offers every other job. One ``QListWidgetItem``
per job cost about a second at 10,000 jobs (plus half a second of layout),
all on the GUI thread; here the jobs are one Python list behind a model,
the view lays out uniform rows in batches between event-loop turns, and filtering is one pass over
titles folded once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QVBoxLayout, QWidget

from .shared import LongListView, typing_into

Index = QModelIndex | QPersistentModelIndex

FILTER_FROM = 9  # a filter field once the list is longer than this


class ChecklistModel(QAbstractListModel):
    """(id, title) rows, checkable; a filter shows the rows whose title or id holds the text."""

    checkedChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[str, str, str]] = []  # id, title, folded text to filter on
        self._shown: list[tuple[str, str, str]] = []
        self._checked: set[str] = set()
        self._filter = ""

    def set_rows(self, rows: list[tuple[str, str]], checked: list[str]) -> None:
        """The jobs, the checked ones first (as they were when the editor opened; a click never reorders)."""
        self.beginResetModel()
        self._checked = set(checked)
        mine = [(i, t, f"{t} {i}".casefold()) for i, t in rows]
        self._all = [r for r in mine if r[0] in self._checked] + [r for r in mine if r[0] not in self._checked]
        self._shown = self._filtered()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text.strip().casefold()
        self._shown = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[tuple[str, str, str]]:
        if not self._filter:
            return list(self._all)
        return [r for r in self._all if self._filter in r[2]]

    def checked(self) -> list[str]:
        """The checked ids, in list order (hidden by a filter or not)."""
        return [r[0] for r in self._all if r[0] in self._checked]

    def set_checked(self, job_id: str, on: bool) -> None:
        if (job_id in self._checked) == on:
            return
        (self._checked.add if on else self._checked.discard)(job_id)
        for row, r in enumerate(self._shown):
            if r[0] == job_id:
                idx = self.index(row, 0)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.CheckStateRole])
                break
        self.checkedChanged.emit()

    def titles(self) -> list[str]:
        """The titles shown now, in order."""
        return [r[1] for r in self._shown]

    def total(self) -> int:
        return len(self._all)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        job_id, title, _ = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if job_id in self._checked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole):
            return job_id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.set_checked(self._shown[index.row()][0], on)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable


class JobChecklist(QWidget):
    """The list, and above it a filter field when there are more than a handful of jobs."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChecklistModel(self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("jobPickerFilter")
        self.filter.setPlaceholderText(self.tr("Filter jobs"))
        self.filter.setAccessibleName(self.tr("Filter jobs"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.model.set_filter)
        self.filter.hide()
        self.view = LongListView(self)  # rows laid out in batches between event-loop turns
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        self.model.checkedChanged.connect(self.changed)

    def set_jobs(self, rows: list[tuple[str, str]], checked: list[str]) -> None:
        self.model.set_rows(rows, checked)
        long = self.model.total() >= FILTER_FROM
        self.filter.setVisible(long)
        self.view.type_to = typing_into(self.filter) if long else None  # letters typed into a long list filter it

    def set_rows_shown(self, rows: int) -> None:
        """How many rows tall the list is."""
        self.view.setFixedHeight(self.view.sizeHintForRow(0) * rows + 2 * self.view.frameWidth()
                                 if self.model.rowCount() else 22 * rows)

    def checked(self) -> list[str]:
        return self.model.checked()

    def set_checked(self, job_id: str, on: bool = True) -> None:
        self.model.set_checked(job_id, on)

    def titles(self) -> list[str]:
        return self.model.titles()

    def count(self) -> int:
        return self.model.total()
