"""Renames and deletes made by the app read the same in the real Hermes (hermes-agent 0.19.0), and back."""

from __future__ import annotations

import json

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.titles import TitleTaken, TitleTooLong, clean_title
from tests.hermes_agent import needs_hermes, run_hermes_python

pytestmark = needs_hermes

OPEN = "import json\nfrom pathlib import Path\nfrom hermes_state import SessionDB\ndb = SessionDB(Path('state.db'))\n"


def hermes(home: HermesHome, code: str) -> object:
    """Run ``code`` against Hermes' SessionDB on the home; it sets ``out``, which comes back as JSON."""
    printed = run_hermes_python(home.root, OPEN + code + "\nprint(json.dumps(out))\n")
    return json.loads(printed.strip().splitlines()[-1])


def test_titles_are_cleaned_and_refused_exactly_as_hermes_does(home: HermesHome) -> None:
    samples = ["  Trip  plans \n for\tMay ", "a\x00b\x07c\x7f", "zero\u200bwidth\u202eflip\ufeff\u2066x\u2069",
               "line\u2028sep", "旅行の計画", "   ", "x" * 100, "x" * 101, " " + "y" * 100 + "\n"]
    theirs = hermes(home, f"""
out = []
for s in {samples!r}:
    try:
        out.append(SessionDB.sanitize_title(s))
    except ValueError:
        out.append('TOO LONG')
""")
    ours = []
    for s in samples:
        try:
            ours.append(clean_title(s))
        except TitleTooLong:
            ours.append("TOO LONG")
    assert ours == theirs


def test_hermes_reads_the_title_the_app_set_and_the_app_refuses_a_title_hermes_set(home: HermesHome) -> None:
    hermes(home, "db.create_session('h1', 'cli'); db.create_session('h2', 'cli'); "
                 "db.set_session_title('h1', 'From Hermes'); out = 1")
    store = SessionStore(home.state_db)
    with pytest.raises(TitleTaken):
        store.rename_session("h2", "  From   Hermes ")
    store.rename_session("h2", "  From   the app ")
    store.close()
    out = hermes(home, "out = [db.get_session_title('h2'), db.resolve_session_by_title('From the app')]\n"
                       "try:\n    db.set_session_title('h1', 'From the app')\nexcept ValueError as e:\n"
                       "    out.append('refused')")
    assert out == ["From the app", "h2", "refused"]


def test_a_session_the_app_deletes_is_gone_for_hermes_search_included(home: HermesHome) -> None:
    hermes(home, """
db.create_session('p', 'cli')
db.append_message('p', 'user', 'zebra crossing in Kyoto')
db.create_session('d', 'cli', parent_session_id='p', model_config={'_delegate_from': 'p'})
db.append_message('d', 'assistant', 'zebra stripes found')
db.create_session('b', 'cli', parent_session_id='p', model_config={'_branched_from': 'p'})
db.append_message('b', 'user', 'zebra branch')
db.create_session('keep', 'cli')
db.append_message('keep', 'user', '京都の横断歩道')
out = 1""")
    store = SessionStore(home.state_db)
    gone = store.delete_session("p", sessions_dir=home.root / "sessions")
    store.close()
    assert gone.children == ("d",)
    out = hermes(home, """
out = {'sessions': sorted(r['id'] for r in db._conn.execute('SELECT id FROM sessions')),
       'branch_parent': db.get_session('b')['parent_session_id'],
       'found': sorted({m['session_id'] for m in db.search_messages('zebra')}),
       'cjk': sorted({m['session_id'] for m in db.search_messages('横断歩道')})}""")
    assert out == {"sessions": ["b", "keep"], "branch_parent": None, "found": ["b"], "cjk": ["keep"]}
