"""An OpenAI-compatible model server on 127.0.0.1 for tests that run the real Hermes against it.

It answers what hermes-agent 0.19.0 asks a ``custom`` provider: ``GET
/v1/models`` and ``/v1/models/{id}`` (Hermes reads the context length
there), and ``POST /v1/chat/completions``, streamed (server-sent events)
or not, with a fixed answer. Anything else is a 404, which Hermes' probes
of other server kinds take in their stride. Every request is recorded.

For the app's own streaming chat it can also stream the answer as several
``tokens`` (``token_delay`` seconds apart), stop after ``gate_after`` of them
until ``gate`` is set, answer the next chat requests with the HTTP statuses
queued in ``errors``, and wait ``first_delay`` seconds before answering.
``streams_ended`` counts streams that are over (sent to the end, or cut off
by the client).
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "fake-model"


class FakeModelServer:
    def __init__(self, answer: str = "The fake model's answer.", *, tokens: list[str] | None = None,
                 token_delay: float = 0.0, gate_after: int | None = None, errors: list[int] | None = None,
                 first_delay: float = 0.0, title: str | None = None) -> None:
        self.answer = "".join(tokens) if tokens is not None else answer
        self.title = title  # the answer to a request that is not streamed (the app's title request), when set
        self.tokens = tokens
        self.token_delay = token_delay
        self.gate_after = gate_after
        self.gate = threading.Event()
        self.errors = list(errors or [])
        self.first_delay = first_delay
        self.streams_ended = 0
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, name="fake-model-server", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> FakeModelServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(5)

    def chats(self) -> list[dict[str, Any]]:
        """The bodies of the chat-completion requests, in order."""
        with self._lock:
            return [r["body"] for r in self.requests if r["path"].endswith("/chat/completions")]

    def _record(self, method: str, path: str, body: Any) -> None:
        with self._lock:
            self.requests.append({"method": method, "path": path, "body": body})

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _json(self, code: int, payload: Any) -> None:
                data = json.dumps(payload).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                fake._record("GET", self.path, None)
                model = {"id": MODEL, "object": "model", "owned_by": "tests", "context_length": 128000}
                path = self.path.split("?", 1)[0].rstrip("/")
                if path == "/v1/models":
                    self._json(200, {"object": "list", "data": [model]})
                elif path == f"/v1/models/{MODEL}":
                    self._json(200, model)
                else:
                    self._json(404, {"error": {"message": f"no {path} here"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {"unreadable": raw.decode("utf-8", "replace")}
                fake._record("POST", self.path, body)
                if not self.path.split("?", 1)[0].rstrip("/").endswith("/chat/completions"):
                    self._json(404, {"error": {"message": "not here"}})
                    return
                with fake._lock:
                    status = fake.errors.pop(0) if fake.errors else 200
                if fake.first_delay:
                    time.sleep(fake.first_delay)
                if status != 200:
                    self._json(status, {"error": {"message": f"fake failure {status}", "type": "fake"}})
                    return
                usage = {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}
                head = {"id": "chatcmpl-fake", "created": int(time.time()), "model": body.get("model", MODEL)}
                if not body.get("stream"):
                    self._json(200, {**head, "object": "chat.completion", "usage": usage, "choices": [
                        {"index": 0, "message": {"role": "assistant", "content": fake.title or fake.answer},
                         "finish_reason": "stop"}]})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = {**head, "object": "chat.completion.chunk"}
                pieces = fake.tokens if fake.tokens is not None else [fake.answer]
                deltas: list[tuple[dict[str, Any], str | None]] = [({"role": "assistant", "content": ""}, None)]
                deltas += [({"content": piece}, None) for piece in pieces]
                deltas.append(({}, "stop"))
                try:
                    for n, (delta, finish) in enumerate(deltas):
                        if fake.gate_after is not None and n == fake.gate_after + 1:
                            fake.gate.wait(30)
                        elif n > 1 and fake.token_delay:
                            time.sleep(fake.token_delay)
                        event = {**chunk, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
                        if finish:
                            event["usage"] = usage
                        self.wfile.write(b"data: " + json.dumps(event).encode() + b"\n\n")
                        self.wfile.flush()
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                except OSError:  # the client hung up (a stopped reply)
                    pass
                finally:
                    with fake._lock:
                        fake.streams_ended += 1
                self.close_connection = True

        return Handler
