"""Keeping the API key out of everything a person or another program can read.

The key is sent in one request header and stored in one owner-only file
(``desktop-settings.json``); everywhere else - error messages, transcripts,
output files, ``jobs.json``, ``state.db``, logs, the command line - text that
may quote it passes through :func:`redact` first. An endpoint may quote a
request header back, a proxy may cut it at a line break, an HTTP library may
show it as a bytes literal with escapes, so redaction removes every run of
eight or more characters of the key, not just the whole key.
"""

from __future__ import annotations

import logging
import os
import re
import threading

MASK = "***"
MIN_PART = 8  # shorter runs are too likely to be ordinary text


def key_problem(key: str) -> str | None:
    """Why a pasted API key cannot be used (None when it can): keys are one line of visible characters."""
    if not key:
        return None
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in key.strip()):
        return "The API key contains a space, line break or control character; paste it again as one line."
    if not key.isascii():
        return "The API key contains characters that cannot go in a request header; paste it again."
    return None


def _pieces(secret: str) -> list[str]:
    """The parts of ``secret`` to hunt for: the whole, and each line or word of it."""
    words = re.split(r"[\s\x00-\x1f\x7f]+", secret)
    parts = {secret, secret.strip(), "".join(words), *words}
    return sorted((p for p in parts if len(p) >= MIN_PART), key=len, reverse=True)


def redact(text: str, *secrets: str) -> str:
    """``text`` with every run of 8+ characters of any secret replaced by ``***``."""
    if not text:
        return text
    for secret in secrets:
        if not secret:
            continue
        for piece in _pieces(secret):
            spans: list[tuple[int, int]] = []
            for i in range(len(piece) - MIN_PART + 1):  # every 8-character window of the piece
                gram = piece[i : i + MIN_PART]
                start = text.find(gram)
                while start != -1:
                    spans.append((start, start + MIN_PART))
                    start = text.find(gram, start + 1)
            if spans:
                text = _mask(text, spans)
    return text


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, last = [], 0
    for a, b in merged:
        out.append(text[last:a])
        out.append(MASK)
        last = b
    out.append(text[last:])
    return "".join(out)


# Every key this process has read (settings, the environment), so log output can be scrubbed of them.
_known: set[str] = set()
_known_lock = threading.Lock()


def remember_secret(secret: str) -> None:
    if secret and len(secret) >= MIN_PART:
        with _known_lock:
            _known.add(secret)


def known_secrets() -> tuple[str, ...]:
    with _known_lock:
        return (*_known, os.environ.get("OPENAI_API_KEY", ""))


class RedactingFormatter(logging.Formatter):
    """A log formatter whose output - message, arguments and traceback alike - carries no known key."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), *known_secrets())
