"""Talking back: one more turn of a conversation in ``state.db``, through Hermes or the endpoint in Settings.

With hermes-agent installed (found as for cron jobs, :func:`~.hermes.find_hermes`)
the turn runs in Hermes' own Python (:data:`~.chat_driver.CHAT_DRIVER`, which
says why that surface): Hermes loads the session's history, runs its agent
with the user's model, tools and memory, streams the reply, and writes the
user message and the reply to the same session itself - Hermes' session stays
authoritative, this app writes nothing of the turn.

Without Hermes the turn goes to the OpenAI-compatible endpoint in Settings
(``base_url``/``model``/``api_key``, else ``OPENAI_*``, as the built-in job
runner reads them), with the session's history, streamed (``stream: true``,
server-sent events). Then this app writes the messages the way Hermes'
``SessionDB.append_message`` does: the user message when the turn is accepted,
the reply when it ends. A stopped reply is kept as the text that had arrived,
as a plain assistant message - what Hermes does with an interrupted turn
(``conversation_loop``: "Preserve any assistant text already streamed").

Everything here blocks: call it from a worker thread. ``on_event`` is called
on that thread (``accepted``, then each ``delta``); ``cancel`` stops the turn
promptly (the connection is shut, or Hermes is told to stop). Errors come as
:class:`ChatError`, one readable sentence with no part of a key.
"""

from __future__ import annotations

import collections
import contextlib
import json
import logging
import os
import re
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .chat_driver import CHAT_DRIVER
from .hermes import HermesInstall, find_hermes, python_environment
from .home import HermesHome
from .problems import Problem
from .secrets_guard import key_problem, redact
from .sessions import SessionStore
from .settings import Endpoint, Settings, resolve_endpoint

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("hermes_desktop.chat")

SOURCE = "desktop"  # Hermes' own name for this surface (its prompt builder has a "desktop" platform)
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 120.0  # the longest silence between two pieces of a streamed reply
STOP_GRACE_S = 5.0  # how long Hermes may take to wind a stopped turn down before it is killed
HISTORY_ROLES = ("system", "user", "assistant")
TITLE_TIMEOUT_S = 30.0
TITLE_EXCERPT = 500  # characters of the first message and reply a title is made from
TITLE_INSTRUCTION = (
    "Name this conversation. Answer with a short title, three to seven words, that says what it is about, "
    "in the language the user writes in. Give the title alone: no quotes, no label, no full stop."
)
_THINK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)

OnEvent = Callable[[str, str], None]  # (kind: "accepted" | "delta", text)


class Via(StrEnum):
    HERMES = "hermes"
    ENDPOINT = "endpoint"


class ChatProblem(StrEnum):
    NO_ENDPOINT = "no_endpoint"
    BAD_KEY = "bad_key"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    HTTP = "http"
    BAD_REPLY = "bad_reply"
    HERMES = "hermes"
    STORE = "store"


class ChatError(Exception):
    """A turn that failed: ``problem`` says what kind, the text says it in English (masked); ``said`` is the
    same as a core :class:`Problem` where there is one (the endpoint's failures, as a job's), so the window
    words it in its language."""

    def __init__(self, problem: ChatProblem, message: str | Problem, status: int | None = None) -> None:
        super().__init__(str(message))
        self.problem = problem
        self.status = status
        self.said = message if isinstance(message, Problem) else None


@dataclass(frozen=True)
class Reply:
    text: str  # what arrived (all of it, or up to the stop)
    stopped: bool
    via: Via


def new_session_id(now: datetime | None = None) -> str:
    """An id in Hermes' own form (``YYYYMMDD_HHMMSS_abcdef``, as ``AIAgent`` makes them)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d_%H%M%S")
    return f"{stamp}_{uuid.uuid4().hex[:6]}"


def chat_history(store: SessionStore, session_id: str) -> list[dict[str, str]]:
    """The session's messages as the chat-completions ``messages`` list (tool traffic left out)."""
    history = [{"role": m.role, "content": m.content} for m in store.messages(session_id)
               if m.role in HISTORY_ROLES and m.content]
    # Two user messages in a row (a turn that never got its reply) read as one, as Hermes repairs them.
    merged: list[dict[str, str]] = []
    for message in history:
        if merged and message["role"] == "user" and merged[-1]["role"] == "user":
            merged[-1] = {"role": "user", "content": merged[-1]["content"] + "\n\n" + message["content"]}
        else:
            merged.append(message)
    return merged


def hermes_for_chat(settings: Settings) -> HermesInstall | None:
    return find_hermes(settings.hermes_path).install


def send_turn(store: SessionStore, home: HermesHome, settings: Settings, session_id: str, prompt: str, *,
              retry: bool, on_event: OnEvent, cancel: threading.Event, new: bool = False) -> Reply:
    """One turn of ``session_id``: ``prompt`` sent (``retry``: it was stored by a turn that failed).

    ``new``: the session does not exist yet; its row is made once the turn can go ahead (so a turn
    refused at once - no endpoint - leaves no empty conversation behind).
    """
    install = hermes_for_chat(settings)
    endpoint = resolve_endpoint({}, settings) if install is None else None
    if install is None:
        if endpoint is None:
            raise ChatError(ChatProblem.NO_ENDPOINT, "No model endpoint configured — set one in Settings.")
        problem = key_problem(endpoint.api_key)
        if problem:
            raise ChatError(ChatProblem.BAD_KEY, problem + " (Settings → API key)")
    if new:
        try:
            store.create_chat_session(session_id, SOURCE, model=endpoint.model if endpoint else None)
        except Exception as exc:
            raise ChatError(ChatProblem.STORE, f"The conversation could not be saved: {exc}") from None
    if install is not None:
        return _turn_with_hermes(install, home, session_id, prompt, retry=retry, on_event=on_event, cancel=cancel)
    assert endpoint is not None
    if not retry:
        try:
            store.append_message(session_id, "user", prompt)
        except Exception as exc:
            raise ChatError(ChatProblem.STORE, f"The message could not be saved: {exc}") from None
    on_event("accepted", "")
    history = chat_history(store, session_id)
    text, stopped = stream_reply(endpoint, history, lambda piece: on_event("delta", piece), cancel)
    if text or not stopped:
        try:
            store.append_message(session_id, "assistant", text)
        except Exception as exc:
            raise ChatError(ChatProblem.STORE, f"The reply could not be saved: {exc}") from None
    return Reply(text, stopped, Via.ENDPOINT)


def name_chat(store: SessionStore, settings: Settings, session_id: str, *,
              timeout_s: float = TITLE_TIMEOUT_S) -> str | None:
    """A title for a chat answered through the endpoint, after its first exchange (or second), as Hermes titles
    the chats it answers: one short request to the same model. Returns the title stored, or None - the chat
    has a title (the user's, or Hermes'), has gone further, Hermes answers it, or the model gave nothing
    usable. Never raises: a title is a nicety, and the list shows the first message meanwhile.
    """
    if hermes_for_chat(settings) is not None:
        return None  # Hermes titles the sessions it runs
    endpoint = resolve_endpoint({}, settings)
    info = store.session(session_id)
    if endpoint is None or info is None or info["title"]:
        return None
    history = chat_history(store, session_id)
    asked = [m["content"] for m in history if m["role"] == "user"]
    answered = [m["content"] for m in history if m["role"] == "assistant"]
    if not asked or not answered or len(asked) > 2:
        return None
    exchange = f"The user wrote:\n{asked[0][:TITLE_EXCERPT]}\n\nThe assistant answered:\n{answered[0][:TITLE_EXCERPT]}"
    try:
        text = complete(endpoint, [{"role": "system", "content": TITLE_INSTRUCTION},
                                   {"role": "user", "content": exchange}], timeout_s=timeout_s)
        title = generated_title(text)
        return store.title_untitled(session_id, title) if title else None
    except Exception as exc:
        log.info("no title for %s: %s", session_id, redact(str(exc), endpoint.api_key))
        return None


def generated_title(text: str) -> str:
    """The title in a model's answer: reasoning blocks, quotes, a "Title:" label and end punctuation left out."""
    text = _THINK.sub("", text)
    text = text.split("</think>")[-1]  # a block whose start was cut off
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    for _ in range(2):  # "Title: …", quotes and end punctuation come in either order
        line = line.strip("\"'“”‘’「」『』*# ").rstrip(".。!！?？,，;；:：")
        if line.lower().startswith("title:"):
            line = line[6:]
    return line[:80].rstrip()


def complete(endpoint: Endpoint, messages: list[dict[str, str]], *, timeout_s: float) -> str:
    """One chat completion, not streamed: its text."""
    headers = {"Content-Type": "application/json"}
    if endpoint.api_key:
        headers["Authorization"] = f"Bearer {endpoint.api_key}"
    body = {"model": endpoint.model, "messages": messages, "stream": False, "max_tokens": 200, "temperature": 0.3}
    import httpx  # on first use, as in stream_reply

    response = httpx.post(f"{endpoint.base_url}/chat/completions", json=body, headers=headers,
                          timeout=httpx.Timeout(timeout_s, connect=CONNECT_TIMEOUT_S))
    if response.status_code >= 400:
        raise _http_error(endpoint, response.status_code, response.text)
    try:
        content = response.json()["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        return ""
    return content if isinstance(content, str) else ""


# --------------------------------------------------------------------------- the endpoint


def stream_reply(endpoint: Endpoint, messages: list[dict[str, str]], on_delta: Callable[[str], None],
                 cancel: threading.Event, *, read_timeout_s: float = READ_TIMEOUT_S) -> tuple[str, bool]:
    """Stream a chat completion; ``(text, stopped)``. Setting ``cancel`` shuts the connection at once."""
    url = f"{endpoint.base_url}/chat/completions"
    headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
    if endpoint.api_key:
        headers["Authorization"] = f"Bearer {endpoint.api_key}"
    body = {"model": endpoint.model, "messages": messages, "stream": True}
    import httpx  # on first use: importing it is ~75 ms of the window's start otherwise

    timeout = httpx.Timeout(read_timeout_s, connect=CONNECT_TIMEOUT_S)
    pieces: list[str] = []
    client = httpx.Client(timeout=timeout)
    live: dict[str, Any] = {}
    done = threading.Event()

    def watch() -> None:  # a blocked read only wakes when its socket is shut down
        while not done.wait(0.02):
            if cancel.is_set():
                _shut(live.get("response"))
                client.close()
                return

    watcher = threading.Thread(target=watch, name="chat-cancel", daemon=True)
    watcher.start()
    keys = (endpoint.api_key,)
    try:
        with client.stream("POST", url, json=body, headers=headers) as response:
            live["response"] = response
            if response.status_code >= 400:
                response.read()
                raise _http_error(endpoint, response.status_code, response.text)
            for line in response.iter_lines():
                if cancel.is_set():
                    break
                piece = _sse_piece(line)
                if piece is None:
                    break  # [DONE]
                if piece:
                    pieces.append(piece)
                    on_delta(redact(piece, *keys))
    except ChatError:
        raise
    except httpx.TimeoutException:
        if not cancel.is_set():
            raise ChatError(ChatProblem.TIMEOUT, Problem.of("endpoint_timeout", url=endpoint.base_url,
                                                            seconds=f"{read_timeout_s:g}")) from None
    except (httpx.HTTPError, RuntimeError, OSError) as exc:
        if not cancel.is_set():
            reason = redact(str(exc), *keys) or type(exc).__name__
            raise ChatError(ChatProblem.UNREACHABLE,
                            Problem.of("endpoint_unreachable", url=endpoint.base_url, detail=reason)) from None
    finally:
        done.set()
        client.close()
    return redact("".join(pieces), *keys), cancel.is_set()


def _shut(response: httpx.Response | None) -> None:
    if response is None:
        return
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _sse_piece(line: str) -> str | None:
    """The text a server-sent event line adds ("" for none); None at ``[DONE]``."""
    if not line.startswith("data:"):
        return ""
    data = line[5:].strip()
    if data == "[DONE]":
        return None
    try:
        event = json.loads(data)
    except ValueError:
        return ""
    if isinstance(event, dict) and isinstance(event.get("error"), dict):
        raise ChatError(ChatProblem.BAD_REPLY, f"The model endpoint reported: {event['error'].get('message')}")
    try:
        content = event["choices"][0]["delta"].get("content")
    except (KeyError, IndexError, TypeError, AttributeError):
        return ""
    return content if isinstance(content, str) else ""


def _http_error(endpoint: Endpoint, status: int, text: str) -> ChatError:
    detail = redact(" ".join(redact(text, endpoint.api_key).split())[:300], endpoint.api_key)
    return ChatError(ChatProblem.HTTP, Problem.of("endpoint_http", status=status, detail=detail), status)


# --------------------------------------------------------------------------- through Hermes


def _turn_with_hermes(install: HermesInstall, home: HermesHome, session_id: str, prompt: str, *, retry: bool,
                      on_event: OnEvent, cancel: threading.Event) -> Reply:
    env = python_environment(os.environ)
    env["HERMES_HOME"] = str(home.root)
    with tempfile.TemporaryDirectory(prefix="hermes-desktop-chat-", ignore_cleanup_errors=True) as tmp:
        prompt_file = Path(tmp) / "prompt.txt"
        prompt_file.write_text(prompt, encoding="utf-8")
        cmd = [str(install.python), "-c", CHAT_DRIVER, session_id, str(prompt_file)] + (["retry"] if retry else [])
        try:
            proc = subprocess.Popen(cmd, cwd=str(home.root), env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
                                    start_new_session=os.name == "posix")
        except OSError as exc:
            raise ChatError(ChatProblem.HERMES, f"Could not start Hermes ({install.python}): "
                                                f"{exc.strerror or exc}") from None
        return _follow(proc, on_event, cancel)


def _follow(proc: subprocess.Popen[str], on_event: OnEvent, cancel: threading.Event) -> Reply:
    """Read the driver's events until it is done; a set ``cancel`` tells it to stop, then kills it if it lingers."""
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    err_tail: collections.deque[str] = collections.deque(maxlen=200)  # only the end is shown; the agent talks
    err_reader = threading.Thread(target=lambda: err_tail.extend(proc.stderr or []), daemon=True)
    err_reader.start()
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.02):
            if cancel.is_set():
                with contextlib.suppress(OSError, ValueError):
                    proc.stdin.write("stop\n")  # type: ignore[union-attr]
                    proc.stdin.flush()  # type: ignore[union-attr]
                    proc.stdin.close()  # type: ignore[union-attr]
                if not done.wait(STOP_GRACE_S):
                    proc.kill()
                return

    threading.Thread(target=watch, name="chat-hermes-stop", daemon=True).start()
    pieces: list[str] = []
    outcome: dict[str, Any] | None = None
    try:
        for line in proc.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            kind = event.get("event")
            if kind == "ready":
                on_event("accepted", "")
            elif kind == "delta" and not cancel.is_set():
                text = str(event.get("text") or "")
                pieces.append(text)
                on_event("delta", text)
            elif kind in ("done", "error"):
                outcome = event
    finally:
        done.set()
        with contextlib.suppress(OSError, ValueError):
            proc.stdin.close()
        try:
            proc.wait(STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        err_reader.join(1.0)  # the pipe ends with the process (a grandchild holding it is not waited for)
        for pipe in (proc.stdout, proc.stderr):
            with contextlib.suppress(OSError, ValueError):
                pipe.close()
    if outcome is None:
        if cancel.is_set():
            return Reply("".join(pieces), True, Via.HERMES)
        tail = "".join(err_tail).strip()[-600:]
        raise ChatError(ChatProblem.HERMES, f"Hermes ended with code {proc.returncode} before the reply was over"
                                            + (f": {tail}" if tail else "."))
    if outcome.get("event") == "error":
        raise ChatError(ChatProblem.HERMES, f"Hermes could not start the turn: {outcome.get('error')}")
    stopped = bool(outcome.get("interrupted")) or cancel.is_set()
    if outcome.get("failed") and not stopped:
        raise ChatError(ChatProblem.HERMES, f"Hermes could not answer: {outcome.get('error') or 'no reply'}")
    final = str(outcome.get("final") or "")
    return Reply(final if not stopped else ("".join(pieces) or final), stopped, Via.HERMES)
