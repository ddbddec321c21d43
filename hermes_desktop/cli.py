"""``hermes-desktop``: the window, a screenshot of it, or the ``cron`` and ``sessions`` commands."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from typing import NoReturn

from . import __version__
from .core.home import resolve_home
from .core.secrets_guard import RedactingFormatter


class OneLineParser(argparse.ArgumentParser):
    """Wrong arguments get one line, like every other bad input (exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="hermes-desktop",
        description="Your Hermes conversations and scheduled jobs. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--home", metavar="DIR", help="the Hermes home (default: $HERMES_HOME, else ~/.hermes)")
    parser.add_argument("--screenshot", metavar="FILE", help="render the window to a PNG and exit")
    parser.add_argument("--view", choices=("main", "cron"), default="main",
                        help="which window to show (or --screenshot pictures); an app open on the home shows it")
    parser.add_argument("--hidden", action="store_true",
                        help="start without the window, in the tray (where the desktop has one); used at login")
    parser.add_argument("--lang", metavar="CODE", help="language for this start: en, ja, zh_Hans, zh_Hant")
    parser.add_argument("--size", metavar="WxH", help="window size for --screenshot, e.g. 1200x800")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from .cron_cli import add_parser

    add_parser(sub)
    sessions = sub.add_parser("sessions", help="find, rename, delete or export conversations without the window")
    session_cmds = sessions.add_subparsers(dest="sessions_cmd", required=True, metavar="COMMAND")
    from .search_cli import add_command as add_search_command
    from .sessions_cli import add_commands as add_session_commands

    add_search_command(session_cmds)  # each command sets ``run_sessions``, the function that runs it
    add_session_commands(session_cmds)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # The cron commands say what went wrong in one line of their own; their log shows only with -v.
    quiet = logging.ERROR if args.command in ("cron", "sessions") else logging.WARNING
    logging.basicConfig(level=logging.INFO if args.verbose else quiet)
    for handler in logging.getLogger().handlers:  # no API key reaches a log line, tracebacks included
        handler.setFormatter(RedactingFormatter("%(asctime)s %(name)s %(levelname)s: %(message)s"))
    home = resolve_home(args.home)
    reading = args.command == "sessions" and args.sessions_cmd in ("search", "export")
    if reading and not home.root.is_dir():  # a read-only command makes no home (nor finds anything in none)
        print(f"error: there is no Hermes home at {home.root}.", file=sys.stderr)
        return 1
    try:
        if not reading:  # a read-only home can still be searched and exported from
            home.ensure()
    except OSError as exc:
        print(f"error: cannot use the Hermes home {home.root}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "cron":
            from . import cron_cli

            return cron_cli.run(args, home)
        if args.command == "sessions":
            return int(args.run_sessions(args, home))
    except BrokenPipeError:  # `… | head`: the reader has what it wanted; no traceback, no "error:" line
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    from .syslibs import missing_message, would_use_xcb

    # Before anything imports Qt's GUI modules: they link X11 libraries themselves, so a missing one would
    # stop the import with a traceback; this says which package to install instead.
    if would_use_xcb() and (missing := missing_message()):
        print(missing, file=sys.stderr)
        return 1
    from .ui.launch import run_gui

    return run_gui(args, home)


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
