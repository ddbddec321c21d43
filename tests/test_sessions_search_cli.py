"""``hermes-desktop sessions search``: output shapes and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hermes_desktop.cli import main
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.sessions import SessionStore
from tests.core.test_search import make_fts_db


@pytest.fixture
def filled(home: HermesHome) -> HermesHome:
    make_fts_db(home.state_db)
    return home


def cli(capsys: pytest.CaptureFixture[str], home: HermesHome, *args: str) -> tuple[int, str, str]:
    code = main(["--home", str(home.root), "sessions", "search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_matching_conversations(capsys: pytest.CaptureFixture[str], filled: HermesHome) -> None:
    code, out, err = cli(capsys, filled, "kubernetes", "--json")
    assert code == 0 and err == ""
    (hit,) = json.loads(out)
    assert {"id", "title", "source", "started_at", "snippet"} <= set(hit)
    assert (hit["id"], hit["title"], hit["source"]) == ("chat_k8s", "Cluster upgrade", "cli")
    assert hit["snippet"] == "How do I deploy to Kubernetes today?"
    assert [hit["snippet"][a:b] for a, b in hit["marks"]] == ["Kubernetes"]
    assert hit["started_at"].startswith("2026-")  # ISO 8601 with an offset
    hits = json.loads(cli(capsys, filled, "kubernetes", "--json", "--include-cron", "--limit", "3")[1])
    assert [h["source"] for h in hits] == ["cron", "cron", "cron"]


def test_text_output_and_no_match(capsys: pytest.CaptureFixture[str], filled: HermesHome) -> None:
    code, out, _ = cli(capsys, filled, "東京タワー")
    assert code == 0
    assert "chat_tokyo" in out and "今日は東京タワーに行きます" in out
    code, out, _ = cli(capsys, filled, "nothing-like-this")
    assert code == 0 and out.startswith("No conversation matches")


def test_a_home_without_state_db_has_no_match(capsys: pytest.CaptureFixture[str], home: HermesHome) -> None:
    code, out, _ = cli(capsys, home, "anything", "--json")
    assert code == 0 and json.loads(out) == []


@pytest.mark.parametrize("args", [("x", "--limit", "0"), ("x", "--limit", "ten"), ("x", "--limit", "5000"),
                                  ("***",), ('"',), ("",), ()])
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], filled: HermesHome,
                                         args: tuple[str, ...]) -> None:
    try:
        code = main(["--home", str(filled.root), "sessions", "search", *args])
    except SystemExit as exc:  # argparse's own refusal (a bad --limit, no query)
        code = int(exc.code or 0)
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_syntax_characters_are_searched_as_text(capsys: pytest.CaptureFixture[str], filled: HermesHome) -> None:
    for query in ('OR kubernetes', 'kube"rnetes', "col:x", "a - b", "NEAR(a b)"):
        code, out, err = cli(capsys, filled, query, "--json")
        assert code == 0 and err == "" and isinstance(json.loads(out), list)


def test_no_home_is_made_by_a_search(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A read-only command on a home that is not there says so (exit 1) and makes nothing."""
    missing = tmp_path / "nowhere"
    code = main(["--home", str(missing), "sessions", "search", "deploy"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("error: there is no Hermes home at") and not missing.exists()


def test_output_cut_short_by_the_reader_ends_quietly(home: HermesHome) -> None:
    """`… | head -1`: no traceback and no error line when the reader stops early (more output than a pipe
    holds, so the writer really meets the closed pipe)."""
    db = SessionStore(home.state_db)
    conn = db._conn()
    for n in range(1000):
        conn.execute("INSERT INTO sessions (id, source, started_at) VALUES (?, 'cli', ?)", (f"chat{n:04d}", 1e9 + n))
        db.append_message(f"chat{n:04d}", "user", f"How do I upgrade Kubernetes cluster number {n}? " * 3, 1e9 + n)
    db.close()
    proc = subprocess.Popen([sys.executable, "-m", "hermes_desktop", "--home", str(home.root), "sessions",
                             "search", "kubernetes", "--limit", "1000", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(1)
    proc.stdout.close()  # what head does once it has its line
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0 and "Traceback" not in err and "error:" not in err


def test_a_query_longer_than_what_is_searched_is_refused_not_cut(capsys: pytest.CaptureFixture[str],
                                                                 filled: HermesHome) -> None:
    code, out, err = cli(capsys, filled, "x" * 300 + " kubernetes")
    assert code == 2 and "311 characters" in err and err.count("\n") == 1 and out == ""
