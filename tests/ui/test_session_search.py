"""The search field over the sidebar's sessions: results in place of the recents, Enter, Escape, stale answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPalette

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.search import SearchHit
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.models import SessionsModel
from hermes_desktop.ui.session_search import HitRole, SessionSearchBox
from hermes_desktop.ui.workers import run_here
from tests.core.test_search import make_fts_db


@pytest.fixture
def home(home: HermesHome) -> HermesHome:
    make_fts_db(home.state_db)
    return home


def type_and_wait(qtbot: Any, box: SessionSearchBox, text: str) -> None:
    with qtbot.waitSignal(box.answered, timeout=5000):
        qtbot.keyClicks(box.field, text)


def hits(box: SessionSearchBox) -> list[SearchHit]:
    return list(box.results_model.hits)


def marked_pixels(box: SessionSearchBox) -> int:
    """Pixels of the results painted in the match highlight: the palette's highlight, faint, over the list's
    own background (the sidebar's surface)."""
    view = box.results.viewport()
    image: QImage = view.grab(box.results.visualRect(box.results_model.index(0))).toImage()  # the first row
    base, mark = view.palette().color(view.backgroundRole()), view.palette().color(QPalette.ColorRole.Highlight)
    alpha = 70 / 255
    want = [round(m * alpha + b * (1 - alpha)) for m, b in ((mark.red(), base.red()), (mark.green(), base.green()),
                                                            (mark.blue(), base.blue()))]
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            count += all(abs(v - w) <= 2 for v, w in zip((c.red(), c.green(), c.blue()), want, strict=True))
    return count


def test_typing_shows_matches_in_place_of_the_recents(qtbot: Any, window: MainWindow) -> None:
    sidebar = window.sidebar
    qtbot.waitUntil(lambda: sidebar.list.isVisible())
    box = sidebar.search
    type_and_wait(qtbot, box, "kubernetes")
    assert [h.id for h in hits(box)] == ["chat_k8s"]
    assert box.results.isVisible() and not sidebar.list.isVisible()
    index = box.results_model.index(0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Cluster upgrade"
    hit = index.data(HitRole)
    assert hit.snippet == "How do I deploy to Kubernetes today?"
    assert [hit.snippet[a:b] for a, b in hit.marks] == ["Kubernetes"]
    box.results.clearSelection()
    box.results.setCurrentIndex(box.results_model.index(-1, 0))
    assert marked_pixels(box) > 50  # the match sits on a highlight
    box.results_model.set_hits([SearchHit(**{**hit.__dict__, "marks": ()})])
    assert marked_pixels(box) == 0  # (nothing else is drawn in that colour)


def opened_by(qtbot: Any, window: MainWindow, act: Callable[[], object]) -> list[str]:
    """The conversation the transcript showed after ``act`` (waits for it)."""
    with qtbot.waitSignal(window.transcript.rendered, timeout=5000) as opened:
        act()
    return list(opened.args)


def test_enter_opens_the_best_match(qtbot: Any, window: MainWindow) -> None:
    box = window.sidebar.search
    qtbot.keyClicks(box.field, "blue whale")
    # before the answer came: it opens once it comes; the newest of the two
    assert opened_by(qtbot, window, lambda: qtbot.keyClick(box.field, Qt.Key.Key_Return)) == ["chat_split"]
    assert window.transcript.session_id == "chat_split"
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    qtbot.keyClick(box.results, Qt.Key.Key_Down)
    assert opened_by(qtbot, window, lambda: qtbot.keyClick(box.results, Qt.Key.Key_Return)) == ["chat_whale"]


def test_the_keys_that_move_through_the_results_open_the_one_reached(qtbot: Any, window: MainWindow) -> None:
    """As in the sessions list: Down from the field, then through the results, shows each match reached."""
    box = window.sidebar.search
    type_and_wait(qtbot, box, "blue whale")
    assert opened_by(qtbot, window, lambda: qtbot.keyClick(box.field, Qt.Key.Key_Down)) == ["chat_split"]
    assert box.results.hasFocus()
    assert opened_by(qtbot, window, lambda: qtbot.keyClick(box.results, Qt.Key.Key_Down)) == ["chat_whale"]
    assert window.transcript.session_id == "chat_whale"


def test_the_keys_open_a_match_even_if_it_was_opened_before_another_chat(qtbot: Any, window: MainWindow) -> None:
    box = window.sidebar.search
    qtbot.keyClicks(box.field, "blue whale")
    assert opened_by(qtbot, window, lambda: qtbot.keyClick(box.field, Qt.Key.Key_Return)) == ["chat_split"]
    qtbot.keyClick(box.field, Qt.Key.Key_Escape)
    opened_by(qtbot, window, lambda: window.open_session("chat_k8s"))  # a click on another chat
    type_and_wait(qtbot, box, "blue whale")
    assert opened_by(qtbot, window, lambda: qtbot.keyClick(box.field, Qt.Key.Key_Down)) == ["chat_split"]


def test_letters_typed_into_the_results_refine_the_search(qtbot: Any, window: MainWindow) -> None:
    box = window.sidebar.search
    type_and_wait(qtbot, box, "blue")
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    assert box.results.hasFocus()
    with qtbot.waitSignal(box.answered, timeout=5000):
        qtbot.keyClicks(box.results, " whale")
    assert box.field.text() == "blue whale" and box.field.hasFocus()


def test_escape_returns_to_the_recents(qtbot: Any, window: MainWindow) -> None:
    sidebar = window.sidebar
    qtbot.waitUntil(lambda: sidebar.list.isVisible())
    box = sidebar.search
    type_and_wait(qtbot, box, "nothing-matches-this")
    assert box.status.isVisible() and box.status.text() == "No conversation matches “nothing-matches-this”"
    assert not sidebar.list.isVisible()
    qtbot.keyClick(box.field, Qt.Key.Key_Escape)
    assert box.field.text() == ""
    assert sidebar.list.isVisible() and not box.results.isVisible() and not box.status.isVisible()


def test_include_cron_runs(qtbot: Any, window: MainWindow) -> None:
    box = window.sidebar.search
    type_and_wait(qtbot, box, "kubernetes")
    assert {h.source for h in hits(box)} == {"cli"}
    assert box.include_cron.isVisible()
    with qtbot.waitSignal(box.answered, timeout=5000):
        box.include_cron.setChecked(True)
    assert [h.source for h in hits(box)] == ["cron"] * 5 + ["cli"]


def test_ctrl_f_puts_the_cursor_in_the_field(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    window.transcript.setFocus()
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    assert window.sidebar.search.field.hasFocus()


def test_an_answer_for_an_earlier_text_is_dropped(qtbot: Any, qtmodeltester: Any, home: HermesHome) -> None:
    held: list[tuple[Callable[[], Any], Callable[[Any, BaseException | None], None]]] = []
    box = SessionSearchBox(SessionsModel(SessionStore(home.state_db)), submit=lambda fn, done: held.append((fn, done)))
    qtbot.addWidget(box)
    qtmodeltester.check(box.results_model)
    box.field.setText("kubernetes")
    box.search_now()
    box.field.setText("東京")
    box.search_now()
    (first_fn, first_done), (second_fn, second_done) = held
    second_done(second_fn(), None)
    first_done(first_fn(), None)  # late: the field says something else by now
    assert [h.id for h in hits(box)] == ["chat_tokyo_end", "chat_tokyo"]
    qtmodeltester.check(box.results_model)


def test_another_profile_is_searched_at_once(qtbot: Any, home: HermesHome, tmp_path: Any) -> None:
    other = SessionStore(tmp_path / "other" / "state.db")
    other._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES ('other_chat', 'cli', 1.0)")
    other.append_message("other_chat", "user", "kubernetes in the other profile", 1.0)
    model = SessionsModel(SessionStore(home.state_db))
    box = SessionSearchBox(model, submit=run_here)
    qtbot.addWidget(box)
    box.field.setText("kubernetes")
    box.search_now()
    assert [h.id for h in hits(box)] == ["chat_k8s"]
    model.set_store(other)
    assert [h.id for h in hits(box)] == ["other_chat"]
