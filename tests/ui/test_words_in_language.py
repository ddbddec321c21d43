"""Every word in the user's language: core's problems, dates and times, and run titles (issue 15, item 5)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobNotFound, JobStore, LockTimeout
from hermes_desktop.core.problems import Problem, read
from hermes_desktop.core.runner import run_job
from hermes_desktop.core.schedule import local_zone
from hermes_desktop.core.sessions import END_MISSED, END_OK, SessionStore
from hermes_desktop.core.settings import load_settings
from hermes_desktop.core.zone import forget_zones
from hermes_desktop.i18n import install_translators
from hermes_desktop.l10n import problem_line, problem_text, run_title
from hermes_desktop.ui.app import create_main_window
from hermes_desktop.ui.main_window import MainWindow
from hermes_desktop.ui.models import Role

EN_TS = Path(__file__).parents[2] / "i18n" / "hermes_desktop_en.ts"
# Names a translation keeps as they are, and what a time zone is called.
NAMES = {"hermes", "json", "utf", "api", "url", "http", "cron", "jst", "utc"}
RUN_AT = datetime(2026, 11, 20, 0, 30, tzinfo=UTC)  # 9:30 in Tokyo


def english_words() -> set[str]:
    """Every word of three letters or more in the app's English message catalogue."""
    sources = [m.findtext("source") or "" for m in ET.parse(EN_TS).iter("message")]
    words: set[str] = set()
    for source in sources:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}|%n", " ", source)))
    return words - NAMES


def leaks(text: str, vocabulary: set[str]) -> list[str]:
    """The English catalogue words in ``text``; file names, paths and numbers are data, not words."""
    plain = re.sub(r"<[^>]+>", " ", unescape(text))
    tokens = [t for t in re.split(r"[\s,;:()\[\]「」“”（）、。·—–|]+", plain) if t]
    data = [t for t in tokens if "." in t or "/" in t or any(ch.isdigit() for ch in t)]
    return [w for t in tokens if t not in data for w in re.findall(r"[A-Za-z]{3,}", t) if w.lower() in vocabulary]


@pytest.fixture
def tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("HERMES_TIMEZONE", "Asia/Tokyo")
    forget_zones()
    yield
    forget_zones()


@pytest.fixture
def sessions(home: HermesHome) -> Iterator[SessionStore]:
    s = SessionStore(home.state_db)
    yield s
    s.close()


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Any]:
    def use(code: str) -> None:
        install_translators(qapp, code)
    yield use


def make_window(qtbot: Any, home: HermesHome) -> MainWindow:
    window = create_main_window(home, start_ticker=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def a_failed_and_a_missed_run(home: HermesHome, store: JobStore, sessions: SessionStore, name: str) -> dict:
    """A script job whose run failed (exit code 2, as the ticker records it) after runs were missed."""
    (home.scripts_dir / "backup.sh").write_text("echo 'E42' >&2; exit 2\n")
    job = store.create("every 15m", script="backup.sh", no_agent=True, name=name)
    first, last = datetime(2026, 11, 19, 22, 0, tzinfo=UTC), datetime(2026, 11, 20, 0, 15, tzinfo=UTC)
    missed = str(Problem.of("runs_missed", runs=6, first=first.astimezone().isoformat(),
                            last=last.astimezone().isoformat()))
    sid = sessions.create_cron_session(job["id"], first.timestamp(), first.strftime("%Y%m%d_%H%M%S"))
    sessions.append_message(sid, "system", missed, first.timestamp())
    sessions.end_session(sid, END_MISSED, ended_at=last.timestamp())
    result = run_job(home, store.get(job["id"]), sessions, load_settings(home), clock=lambda: RUN_AT)
    assert not result.ok and result.error == "backup.sh exited with code 2:\nE42"  # English, as stored
    assert result.problem == Problem.of("script_exit_said", name="backup.sh", code=2, count=0, detail="E42")
    store.record_run(job["id"], ok=False, error=result.error, ran_at=RUN_AT)
    assert store.get(job["id"])["last_error"] == result.error  # jobs.json keeps Hermes' English
    return job


# --------------------------------------------------------------------------- core's problems


def test_core_problems_keep_their_english_and_read_back_from_stored_text() -> None:
    problems = [
        Problem.of("script_exit_left_said", name="a.sh", code=3, count=2, detail="boom\nline two"),
        Problem.of("script_timeout_along", name="x.py", seconds="2", count=1),
        Problem.of("endpoint_http", status=401, detail="no"),
        Problem.of("not_json", path="/h/cron/jobs.json", line=3, column=7, detail="Expecting value"),
        Problem.of("run_failed", detail="No model endpoint configured — set one in Settings"),
        Problem.of("script_refused_inside", name="../x", folder="/h/scripts"),
    ]
    assert str(problems[0]) == ("a.sh exited with code 3, leaving 2 processes running, which were stopped:\n"
                                "boom\nline two")
    assert str(problems[1]) == "x.py was stopped after 2 s (the job timeout), along with the 1 process it started."
    assert str(problems[2]) == "The model endpoint answered HTTP 401 (check the API key): no"
    for problem in problems:
        assert read(str(problem)) == problem
    assert read("Hermes says the provider is down") is None  # not one of ours: shown as it is


@pytest.mark.parametrize("code", ["ja", "zh_Hans"])
def test_a_failed_and_a_missed_run_read_without_english(qtbot: Any, home: HermesHome, store: JobStore,
                                                        sessions: SessionStore, language: Any, tokyo: None,
                                                        code: str) -> None:
    job = a_failed_and_a_missed_run(home, store, sessions, "バックアップ" if code == "ja" else "备份")
    language(code)
    window = make_window(qtbot, home)
    qtbot.waitUntil(lambda: job["id"] in window.cron.rows)
    window.ctx.tick_failed(str(LockTimeout(Problem.of("lock_timeout", path=str(home.jobs_lock), seconds="5"))))
    m = window.dialogs.open_manage(job["id"])
    qtbot.addWidget(m)
    runs = m.detail.history.model()
    qtbot.waitUntil(lambda: runs.rowCount() == 2 and runs.span_of(runs.index(1, 0).data(Role.Run)) is not None)
    qtbot.mouseClick(window.cron.rows[job["id"]], Qt.MouseButton.LeftButton)
    peek = window.cron.peek.model
    qtbot.waitUntil(lambda: peek.rowCount() == 2)
    shown = {
        "banner": m.detail.error_banner.text(),
        "state": m.detail.state_label.text(),
        # the schedule as the record stores it ("every 15m", Hermes' own words) is shown beside its description
        "facts": m.detail.facts.text().replace(f"({job['schedule_display']})", ""),
        "history": "\n".join(runs.index(i, 0).data() for i in range(runs.rowCount())),
        "peek": "\n".join(peek.index(i, 0).data() for i in range(peek.rowCount())),
        "status bar": window.banner.text(),
    }
    assert m.detail.error_banner.isVisible() and "backup.sh" in shown["banner"] and "E42" in shown["banner"]
    assert str(home.jobs_lock) in shown["status bar"]
    vocabulary = english_words()
    found = {where: leaks(text, vocabulary) for where, text in shown.items()}
    assert found == {where: [] for where in shown}, shown


def test_english_shows_core_sentences_word_for_word(qtbot: Any, home: HermesHome, store: JobStore,
                                                    sessions: SessionStore, tokyo: None) -> None:
    job = a_failed_and_a_missed_run(home, store, sessions, "backup")
    window = make_window(qtbot, home)
    qtbot.waitUntil(lambda: job["id"] in window.cron.rows)
    m = window.dialogs.open_manage(job["id"])
    qtbot.addWidget(m)
    assert m.detail.error_banner.text() == "Last run failed: backup.sh exited with code 2:\nE42"


def test_stored_text_that_is_not_ours_is_shown_as_it_is(language: Any) -> None:
    language("ja")
    with pytest.raises(JobNotFound) as gone:
        JobStore(HermesHome(Path("/nonexistent-home"))).get("Morning brief")
    assert str(gone.value) == "No job with the id or name 'Morning brief'."  # the CLI's words, unchanged
    assert problem_line(gone.value) == ("ID または名前が「Morning brief」のジョブはありません。"
                                        "削除された可能性があります。")
    assert problem_text("Provider said: quota exceeded") == "Provider said: quota exceeded"
    assert problem_text("backup.sh exited with code 2.") == "backup.sh が終了コード 2 で終了しました。"


# --------------------------------------------------------------------------- dates and times


@pytest.mark.parametrize(("code", "when"), [("en", "11/20/26 9:30\u202fAM"), ("ja", "2026/11/20 9:30"),
                                             ("zh_Hans", "2026/11/20 09:30"), ("zh_Hant", "2026/11/20 上午9:30")])
def test_a_run_time_reads_as_the_languages_locale_writes_it(qtbot: Any, home: HermesHome, store: JobStore,
                                                            sessions: SessionStore, language: Any, tokyo: None,
                                                            code: str, when: str) -> None:
    job = store.create("every 15m", "x", name="often")
    sid = sessions.create_cron_session(job["id"], RUN_AT.timestamp(), "20261120_093000")
    sessions.end_session(sid, END_OK, ended_at=RUN_AT.timestamp() + 2)
    store.record_run(job["id"], ok=True, ran_at=RUN_AT)
    language(code)
    window = make_window(qtbot, home)
    qtbot.waitUntil(lambda: job["id"] in window.cron.rows)
    m = window.dialogs.open_manage(job["id"])
    qtbot.addWidget(m)
    runs = m.detail.history.model()
    qtbot.waitUntil(lambda: runs.rowCount() == 1)
    assert runs.index(0, 0).data().startswith(f"{when} · ")
    assert f"{when} — " in unescape(m.detail.facts.text())  # under "Last run"


# --------------------------------------------------------------------------- run titles


def en_us(at: datetime) -> str:
    """What en_US's short date and time say, written out here."""
    local = at.astimezone(local_zone())
    return f"{local.month}/{local.day}/{local:%y} {(local.hour - 1) % 12 + 1}:{local:%M}\u202f{local:%p}"


def ja_jp(at: datetime) -> str:
    local = at.astimezone(local_zone())
    return f"{local:%Y/%m/%d} {local.hour}:{local:%M}"


@pytest.mark.parametrize(("code", "written"), [("en", en_us), ("ja", ja_jp)])
def test_a_run_title_is_stored_as_hermes_writes_it_and_shown_in_the_language(
        qtbot: Any, home: HermesHome, store: JobStore, sessions: SessionStore, language: Any, tokyo: None,
        code: str, written: Any) -> None:
    job = store.create("every 15m", "x", name="Morning brief")
    sid = sessions.create_cron_session(job["id"], RUN_AT.timestamp(), "20261120_093000")
    sessions.append_message(sid, "assistant", "done", RUN_AT.timestamp() + 1)
    sessions.set_unique_title(sid, "Morning brief · Nov 20 09:30 #2")
    sessions.end_session(sid, END_OK, ended_at=RUN_AT.timestamp() + 2)
    language(code)
    window = make_window(qtbot, home)
    with qtbot.waitSignal(window.transcript.rendered):
        window.transcript.show_session(sid)
    # the transcript shows times in the machine's zone ("Started …"); the title's time agrees with it
    assert window.transcript.title.text() == f"Morning brief · {written(RUN_AT)} #2"
    assert sessions.session(sid)["title"] == "Morning brief · Nov 20 09:30 #2"  # state.db keeps Hermes' form


def test_only_titles_of_the_run_shape_are_reworded(tokyo: None) -> None:
    at = RUN_AT
    assert run_title("Weekly review", at) == "Weekly review"  # a title a person gave
    assert run_title("a · b · Nov 20 09:30", at) == f"a · b · {run_title('x · Nov 20 09:30', at)[4:]}"
    assert run_title(None, at) is None


def test_a_failed_run_is_notified_in_the_language(qtbot: Any, home: HermesHome, store: JobStore,
                                                  language: Any) -> None:
    (home.scripts_dir / "backup.sh").write_text("exit 2\n")
    job = store.create("every 1h", script="backup.sh", no_agent=True, name="バックアップ")
    store.trigger(job["id"])
    language("ja")
    window = create_main_window(home, start_ticker=True)
    qtbot.addWidget(window)
    window.ctx.notifier.tray_factory = lambda: None  # no tray in the test: the signal says what would show
    with qtbot.waitSignal(window.ctx.notifier.shown, timeout=10000) as shown:
        window.show()
    title, body = shown.args
    assert "バックアップ" in title
    assert body == "backup.sh が終了コード 2 で終了しました。"  # from the run's problem, not its English text
    assert JobStore(home).get(job["id"])["last_error"] == "backup.sh exited with code 2."


def test_every_core_problem_has_words_in_each_language(language: Any) -> None:
    """A problem core can raise without a template here would reach a Japanese user in English."""
    from hermes_desktop.core.problems import ENGLISH
    from hermes_desktop.l10n import Problems

    for code in ("ja", "zh_Hans", "zh_Hant"):
        language(code)
        templates = Problems().templates()
        missing = sorted(set(ENGLISH) - set(templates))
        assert missing == [], code
        untranslated = [k for k in ENGLISH if k in templates and templates[k] == ENGLISH[k]]
        assert untranslated == [], code


def test_the_word_makers_are_made_once_not_on_every_countdown(qapp: QApplication,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A countdown or a firing word is asked for hundreds of times a minute (each sidebar row,
    each agenda row): the QObject that translates them is made once (making one per call cost 0.7 ms each)."""
    from hermes_desktop import l10n

    made: list[str] = []
    for name in ("Countdown", "Firing"):
        cls = getattr(l10n, name)
        monkeypatch.setattr(l10n, name, type(name, (cls,), {"__init__": lambda self, *a, _n=name, _c=cls: (
            made.append(_n), _c.__init__(self, *a))[1]}))
    monkeypatch.setattr(l10n, "_words", {})
    soon = datetime(2030, 1, 1, tzinfo=UTC)
    for _ in range(20):
        assert l10n.relative(soon, datetime(2029, 12, 31, 23, 55, tzinfo=UTC)) == "in 5 min"
        assert l10n.not_run("in 5 min") != ""
    assert sorted(made) == ["Countdown", "Firing"]
