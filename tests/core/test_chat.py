"""A turn of a conversation, without Hermes (the endpoint in Settings) and with the real Hermes (0.19.0).

Either way the messages end up in ``state.db`` the way Hermes keeps them:
hermes-agent's own ``SessionDB`` reads them back.
"""

from __future__ import annotations

import json
import threading

import pytest
import yaml

from hermes_desktop.core.chat import SOURCE, ChatError, ChatProblem, Via, generated_title, new_session_id, send_turn
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings
from tests.fake_openai import MODEL, FakeModelServer
from tests.hermes_agent import hermes_program, needs_hermes, run_hermes_python

API_KEY = "sk-chat-secret-key-0123456789"
TOKENS = ["One", ", two", ", three", "."]


class Events:
    def __init__(self, stop_after: int | None = None) -> None:
        self.seen: list[tuple[str, str]] = []
        self.cancel = threading.Event()
        self.stop_after = stop_after

    def __call__(self, kind: str, text: str) -> None:
        self.seen.append((kind, text))
        if self.stop_after is not None and len(self.deltas) >= self.stop_after:
            self.cancel.set()

    @property
    def deltas(self) -> list[str]:
        return [text for kind, text in self.seen if kind == "delta"]


def endpoint_settings(server: FakeModelServer) -> Settings:
    return Settings(base_url=server.base_url, model=MODEL, api_key=API_KEY)


def test_a_turn_streams_to_the_endpoint_and_is_stored_as_hermes_stores_it(home: HermesHome) -> None:
    store = SessionStore(home.state_db)
    sid = new_session_id()
    with FakeModelServer(tokens=TOKENS) as server:
        events = Events()
        reply = send_turn(store, home, endpoint_settings(server), sid, "Count to three", retry=False,
                          on_event=events, cancel=events.cancel, new=True)
        assert (reply.text, reply.stopped, reply.via) == ("One, two, three.", False, Via.ENDPOINT)
        assert events.seen[0] == ("accepted", "") and events.deltas == TOKENS  # in order, one by one
        events = Events()
        send_turn(store, home, endpoint_settings(server), sid, "Again", retry=False, on_event=events,
                  cancel=events.cancel)
        assert [m["role"] for m in server.chats()[1]["messages"]] == ["user", "assistant", "user"]
    info = store.session(sid)
    assert info is not None and (info["source"], info["message_count"]) == (SOURCE, 4)
    assert [(m.role, m.content) for m in store.messages(sid)] == [
        ("user", "Count to three"), ("assistant", "One, two, three."), ("user", "Again"),
        ("assistant", "One, two, three.")]


def test_stop_keeps_the_text_that_arrived(home: HermesHome) -> None:
    store = SessionStore(home.state_db)
    sid = new_session_id()
    with FakeModelServer(tokens=TOKENS, gate_after=2) as server:
        events = Events(stop_after=2)
        reply = send_turn(store, home, endpoint_settings(server), sid, "Count", retry=False, on_event=events,
                          cancel=events.cancel, new=True)
        server.gate.set()
    assert (reply.text, reply.stopped) == ("One, two", True)
    assert [(m.role, m.content) for m in store.messages(sid)] == [("user", "Count"), ("assistant", "One, two")]


@pytest.mark.parametrize(("status", "words"), [(401, "check the API key"), (500, "HTTP 500")])
def test_an_http_failure_is_a_readable_error_and_the_user_message_stays(
        home: HermesHome, status: int, words: str) -> None:
    store = SessionStore(home.state_db)
    sid = new_session_id()
    with FakeModelServer(errors=[status]) as server:
        events = Events()
        with pytest.raises(ChatError) as failed:
            send_turn(store, home, endpoint_settings(server), sid, "Hi", retry=False, on_event=events,
                      cancel=events.cancel, new=True)
        assert failed.value.problem == ChatProblem.HTTP and words in str(failed.value)
        assert API_KEY[:8] not in str(failed.value)
        events = Events()
        send_turn(store, home, endpoint_settings(server), sid, "Hi", retry=True, on_event=events,
                  cancel=events.cancel)
    assert [(m.role, m.content) for m in store.messages(sid)] == [("user", "Hi"), ("assistant", server.answer)]


def test_no_endpoint_refuses_before_anything_is_written(home: HermesHome) -> None:
    store = SessionStore(home.state_db)
    events = Events()
    with pytest.raises(ChatError) as failed:
        send_turn(store, home, Settings(), "s1", "Hi", retry=False, on_event=events, cancel=events.cancel, new=True)
    assert failed.value.problem == ChatProblem.NO_ENDPOINT and events.seen == []
    assert store.session("s1") is None


READ_BACK = """
import json, sys
from hermes_state import SessionDB
db = SessionDB()
sid = sys.argv[1] if len(sys.argv) > 1 else None
rows = db.list_sessions_rich(limit=10)
print(json.dumps({"listed": [(r["id"], r["source"]) for r in rows],
                  "sessions": {r["id"]: db.get_session(r["id"]) for r in rows},
                  "messages": {r["id"]: [(m["role"], m["content"]) for m in db.get_messages_as_conversation(r["id"])]
                               for r in rows}}, default=str))
db.close()
"""


@needs_hermes
def test_hermes_own_session_db_reads_back_what_the_app_stored(home: HermesHome) -> None:
    store = SessionStore(home.state_db)
    sid = new_session_id()
    with FakeModelServer(tokens=TOKENS, gate_after=1) as server:
        events = Events(stop_after=1)
        send_turn(store, home, endpoint_settings(server), sid, "Count", retry=False, on_event=events,
                  cancel=events.cancel, new=True)  # stopped after "One"
        server.gate.set()
        events = Events()
        send_turn(store, home, endpoint_settings(server), sid, "All of it", retry=False, on_event=events,
                  cancel=events.cancel)
    store.close()
    seen = json.loads(run_hermes_python(home.root, READ_BACK))
    assert seen["listed"] == [[sid, "desktop"]]  # Hermes lists it, as a desktop session
    assert seen["messages"][sid] == [["user", "Count"], ["assistant", "One"], ["user", "All of it"],
                                     ["assistant", "One, two, three."]]
    assert seen["sessions"][sid]["message_count"] == 4 and seen["sessions"][sid]["model"] == MODEL


# --------------------------------------------------------------------------- through the real Hermes


def point_hermes_at(home: HermesHome, server: FakeModelServer) -> Settings:
    config = {"model": {"provider": "custom", "base_url": server.base_url, "default": MODEL, "api_key": API_KEY}}
    (home.root / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    program = hermes_program()
    assert program is not None
    return Settings(hermes_path=str(program))


@needs_hermes
def test_through_hermes_a_turn_streams_and_the_next_one_continues_the_session_until_stopped(
        home: HermesHome) -> None:
    store = SessionStore(home.state_db)
    sid = new_session_id()
    with FakeModelServer(tokens=TOKENS) as server:
        settings = point_hermes_at(home, server)
        events = Events()
        reply = send_turn(store, home, settings, sid, "Count to three", retry=False, on_event=events,
                          cancel=events.cancel, new=True)
        assert (reply.text, reply.stopped, reply.via) == ("One, two, three.", False, Via.HERMES)
        assert events.seen[0] == ("accepted", "") and events.deltas == TOKENS  # streamed by Hermes, in order
        server.gate_after = 2  # the second reply is held after two pieces, and stopped there
        events = Events(stop_after=2)
        reply = send_turn(store, home, settings, sid, "Once more", retry=False, on_event=events, cancel=events.cancel)
        server.gate.set()
        assert (reply.text, reply.stopped) == ("One, two", True)
        second = server.chats()[-1]["messages"]
        assert [(m["role"], m["content"]) for m in second if m["role"] != "system"] == [
            ("user", "Count to three"), ("assistant", "One, two, three."), ("user", "Once more")]
    # one session in all of state.db: Hermes wrote both turns into the app's desktop session, the stopped
    # reply as what had arrived
    seen = json.loads(run_hermes_python(home.root, READ_BACK))
    assert seen["listed"] == [[sid, "desktop"]]
    assert seen["messages"][sid] == [["user", "Count to three"], ["assistant", "One, two, three."],
                                     ["user", "Once more"], ["assistant", "One, two"]]


@needs_hermes
def test_through_hermes_a_failed_turn_is_retried_without_a_second_copy_of_the_message(home: HermesHome) -> None:
    store = SessionStore(home.state_db)
    sid = new_session_id()
    with FakeModelServer(tokens=TOKENS, errors=[401]) as server:
        settings = point_hermes_at(home, server)
        events = Events()
        with pytest.raises(ChatError) as failed:
            send_turn(store, home, settings, sid, "Count", retry=False, on_event=events, cancel=events.cancel,
                      new=True)
        assert failed.value.problem == ChatProblem.HERMES and "401" in str(failed.value)
        assert events.seen == [("accepted", "")]  # Hermes took the message (and saved it) before the model failed
        events = Events()
        reply = send_turn(store, home, settings, sid, "Count", retry=True, on_event=events, cancel=events.cancel)
    assert reply.text == "One, two, three."
    seen = json.loads(run_hermes_python(home.root, READ_BACK))
    assert seen["messages"][sid] == [["user", "Count"], ["assistant", "One, two, three."]]  # the message once
    assert [(m.role, m.content) for m in store.messages(sid)] == [("user", "Count"), ("assistant", "One, two, three.")]


@pytest.mark.parametrize(("answer", "title"), [
    ("Weekly plan", "Weekly plan"),
    ('<think>The user wants a plan.</think>\n"Title: Weekly plan."', "Weekly plan"),
    ("reasoning cut short</think>Weekly plan", "Weekly plan"),
    ("「週の計画」。", "週の計画"),
    ("**每周计划**\n\nHere is why: …", "每周计划"),
    ("", ""),
    ("<think>only thinking</think>", ""),
])
def test_a_generated_title_is_the_title_alone(answer: str, title: str) -> None:
    assert generated_title(answer) == title
