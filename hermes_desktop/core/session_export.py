"""A session as a Markdown document: its title, when it started, and each message under its role.

The text is made as a stream of pieces, so a transcript of many megabytes is
written to its file without a second copy in memory; the file is written
whole or not at all (a temporary file beside it, then a rename), so a full
disk never leaves half an export over a good one. Messages are Markdown
already (that is how Hermes' replies are written) and go in as they are; a
tool's output is fenced, since it is data, not prose. The words around them
(the role names, "Started") are given by the caller, so the window writes
them in the user's language and the command line in English.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .sessions import Message, SessionStore
from .titles import SessionNotFound, flatten_title

ENGLISH_ROLES = {"user": "User", "assistant": "Assistant", "system": "System", "tool": "Tool"}
FENCED_ROLES = frozenset({"tool"})
FILENAME_CHARS = 80
_UNSAFE = re.compile(r'[<>:"/\\|?*]')  # refused in file names on Windows (and "/" everywhere)
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


@dataclass(frozen=True)
class ExportWords:
    roles: Mapping[str, str] = field(default_factory=lambda: dict(ENGLISH_ROLES))
    started: str = "Started"
    source: str = "Source"
    session: str = "Session"
    untitled: str = "Untitled session"
    no_messages: str = "No messages."


def read_session(store: SessionStore, session_id: str) -> tuple[dict[str, Any], list[Message]]:
    """The session's row and all its messages, whole; raises ``SessionNotFound``."""
    info = store.session(session_id)
    if info is None:
        raise SessionNotFound(session_id)
    return info, store.messages(session_id)


def export_title(info: Mapping[str, Any], messages: Sequence[Message], untitled: str = "Untitled session") -> str:
    """The title as the sessions list shows it: the title, else the start of what the user first said."""
    first_user = next((m.content for m in messages[:5] if m.role == "user"), "")
    return info.get("title") or " ".join(first_user.split())[:80] or untitled


def markdown_chunks(info: Mapping[str, Any], messages: Sequence[Message], started: str,
                    words: ExportWords | None = None) -> Iterator[str]:
    """The document in pieces; ``started`` is the start time as the reader should see it."""
    words = words or ExportWords()
    yield f"# {export_title(info, messages, words.untitled)}\n\n"
    yield f"- {words.started}: {started}\n"
    yield f"- {words.source}: {info.get('source') or '-'}\n"
    yield f"- {words.session}: `{info.get('id')}`\n"
    if not messages:
        yield f"\n_{words.no_messages}_\n"
    for message in messages:
        label = words.roles.get(message.role) or message.role.capitalize() or "?"
        yield f"\n## {label}\n\n"
        body = message.content.rstrip()
        if message.role in FENCED_ROLES:
            fence = "`" * max(3, _longest_backtick_run(body) + 1)
            yield f"{fence}\n{body}\n{fence}\n"
        elif body:
            yield body + "\n"


def session_markdown(info: Mapping[str, Any], messages: Sequence[Message], started: str,
                     words: ExportWords | None = None) -> str:
    return "".join(markdown_chunks(info, messages, started, words))


def export_filename(title: str | None) -> str:
    """A file name from the title that every system accepts: ``Trip plans- May-June-.md``."""
    name = _UNSAFE.sub("-", flatten_title(title)).strip(" .")
    name = name[:FILENAME_CHARS].rstrip(" .") or "session"
    if name.split(".")[0].upper() in _RESERVED:
        name += "-session"
    return name + ".md"


class ExportRefused(ValueError):
    """A place a transcript must not be written to; the message says why (``kind`` says it for a translation:
    ``no_name``, ``not_a_file``, ``home_file``, ``exists`` or ``no_folder``; ``path`` is the place)."""

    def __init__(self, kind: str, path: str, message: str) -> None:
        super().__init__(message)
        self.kind, self.path = kind, path


HOME_FILES = ("state.db", "state.db-wal", "state.db-shm", "desktop-settings.json", "config.yaml", ".env")


def export_target(path: Path | str, home_root: Path | None, *, replace: bool) -> Path:
    """Where an export really goes (a symlink's target, so the link stays), or :class:`ExportRefused`: not over
    anything but a regular file (a device, a socket - renaming over ``/dev/null`` would replace it), never
    over the home's own files, over an existing file only when ``replace`` (someone said so), and only into a
    folder that exists."""
    given = Path(path)
    if not str(path).strip():
        raise ExportRefused("no_name", "", "no file name given")
    target = given.resolve()
    if target.exists() and not target.is_file():
        raise ExportRefused("not_a_file", str(given), f"{given} is not a regular file; choose a file name")
    if home_root is not None:
        home = home_root.resolve()
        if (target.parent == home and target.name in HOME_FILES) or target.parent == home / "cron":
            raise ExportRefused("home_file", str(given), f"{given} is one of the Hermes home's own files; choose "
                                "another name")
    if target.exists() and not replace:
        raise ExportRefused("exists", str(given), f"{given} exists; add --force to replace it")
    if not target.parent.is_dir():
        raise ExportRefused("no_folder", str(given.parent), f"the folder {given.parent} does not exist")
    return target


def write_session_markdown(path: Path | str, chunks: Iterable[str]) -> None:
    """Write the pieces to ``path`` whole, or leave what was there untouched (and no stray file) on failure."""
    target = Path(path)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(FileNotFoundError):  # a replaced file keeps its permissions; a new one stays
            os.chmod(temp, target.stat().st_mode & 0o777)  # owner-only, as transcripts are private
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)
