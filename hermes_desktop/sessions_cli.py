"""``hermes-desktop sessions rename|delete|export``: a session's actions from a terminal or a script.

They follow ``hermes sessions``: a session is named by its id or a unique
start of it; a title is cleaned and checked by Hermes' rule; a delete takes
what Hermes' delete takes. Exit codes as the ``cron`` commands: 0 success, 2
bad input (one line on stderr, nothing changed), 1 a failure while running
(a database that stayed busy, a file that could not be written, a delete
that was declined or refused).
"""

from __future__ import annotations

import argparse
import errno
import logging
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .core.home import HermesHome
from .core.session_export import (
    ExportRefused,
    export_filename,
    export_target,
    export_title,
    markdown_chunks,
    read_session,
    write_session_markdown,
)
from .core.sessions import SessionStore, StateDbBusy
from .core.titles import AmbiguousSession, SessionNotFound, SessionRunning, TitleTaken, TitleTooLong
from .cron_cli import READ_ONLY, BadInput, _check_text_arguments, shown

log = logging.getLogger("hermes_desktop.cli")


def add_commands(cmds: Any) -> None:
    """Add rename, delete and export to the ``sessions`` command's subparsers (``cmds``)."""
    p = cmds.add_parser("rename", help="set a session's title (Hermes' rule: unique, at most 100 characters)")
    p.add_argument("session", metavar="ID", help="the session's id, or a unique start of it")
    p.add_argument("title", metavar="TITLE", nargs="+", help="the new title; an empty one clears it")
    p.set_defaults(run_sessions=run)

    p = cmds.add_parser("delete", help="delete a session and its messages for good")
    p.add_argument("session", metavar="ID", help="the session's id, or a unique start of it")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask first (needed when not at a terminal)")
    p.set_defaults(run_sessions=run)

    p = cmds.add_parser("export", help="a session as Markdown")
    p.add_argument("session", metavar="ID", help="the session's id, or a unique start of it")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to this file (a folder: a file named after the title); default: print it")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.set_defaults(run_sessions=run)


def run(args: argparse.Namespace, home: HermesHome) -> int:
    """Run one of these commands. Exit 0 on success, 2 for bad input, 1 for a failure - always one line."""
    store = SessionStore(home.state_db)
    try:
        _check_text_arguments(args)
        return _dispatch(args, home, store)
    except (SessionNotFound, AmbiguousSession, TitleTaken, TitleTooLong, BadInput) as exc:
        return _fail(str(exc.args[0] if isinstance(exc, BadInput) else exc), 2)
    except (SessionRunning, StateDbBusy) as exc:
        return _fail(str(exc), 1)
    except sqlite3.Error as exc:
        if home.read_only():
            return _fail(READ_ONLY.format(home=home.root), 1)
        return _fail(f"cannot use the sessions database {home.state_db}: {exc}.", 1)
    except OSError as exc:
        if exc.errno in (errno.EROFS,) or (exc.filename is None and home.read_only()):
            return _fail(READ_ONLY.format(home=home.root), 1)
        return _fail(f"{exc.filename or home.root}: {exc.strerror or exc}.", 1)
    except Exception as exc:  # never a traceback: one line, and the details in the log with -v
        log.debug("sessions %s failed", getattr(args, "sessions_cmd", "?"), exc_info=True)
        return _fail(f"unexpected {type(exc).__name__}: {exc}", 1)
    finally:
        store.close()


def _fail(message: str, code: int) -> int:
    print(f"error: {' '.join(message.split())}", file=sys.stderr)
    return code


def _dispatch(args: argparse.Namespace, home: HermesHome, store: SessionStore) -> int:
    cmd = args.sessions_cmd
    sid = store.resolve_session_id(args.session)
    if cmd == "rename":
        title = store.rename_session(sid, " ".join(args.title))
        print(f"Renamed {sid}: {shown(title)}" if title else f"Cleared the title of {sid}.")
        return 0
    if cmd == "delete":
        if not args.yes:
            if not sys.stdin.isatty():
                raise BadInput(f"not deleted: add --yes to delete {sid} without being asked")
            info, first = store.session(sid) or {}, store.messages(sid, limit=5, max_chars=200)
            count = int(info.get("message_count") or 0)
            title = export_title(info, first, sid)
            answer = input(f"Delete “{shown(title)}” and its {count} message{'' if count == 1 else 's'} "
                           "for good? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("Not deleted.")
                return 1
        gone = store.delete_session(sid, sessions_dir=home.root / "sessions")
        extra = f" and {len(gone.children)} subagent run(s)" if gone.children else ""
        print(f"Deleted {sid} ({gone.message_count} messages){extra}.")
        return 0
    if cmd == "export":
        info, messages = read_session(store, sid)
        started = datetime.fromtimestamp(info["started_at"], UTC).astimezone().strftime("%Y-%m-%d %H:%M %Z")
        chunks = markdown_chunks(info, messages, started)
        if args.output in (None, "-"):
            for chunk in chunks:
                sys.stdout.write(chunk)
            return 0
        target = Path(args.output).expanduser() if args.output.strip() else Path()
        if args.output.strip() and target.is_dir():
            target /= export_filename(export_title(info, messages, ""))
        try:
            target = export_target(target if args.output.strip() else "", home.root, replace=args.force)
        except ExportRefused as exc:
            raise BadInput(f"not exported: {exc}") from None
        write_session_markdown(target, chunks)
        print(f"Exported {sid} ({len(messages)} messages) to {target}")
        return 0
    raise BadInput(f"unknown command {cmd}")  # pragma: no cover - argparse refuses it first
