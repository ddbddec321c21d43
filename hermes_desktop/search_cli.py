"""``hermes-desktop sessions search QUERY``: find a conversation or a cron run from a terminal.

Exit codes as for the ``cron`` commands: 0 success (no match is a success that says so), 2 bad input (one
line on stderr), 1 a failure while searching (an unreadable ``state.db``).

``--json`` prints a list, newest match first, of ``{"id", "title", "source", "started_at" (ISO 8601 with
offset), "snippet" (the matching line), "marks" (``[start, end)`` offsets of the matches in the snippet)}``.
When a bound stopped the search early, a note says so on stderr (the list holds what was found).
"""

from __future__ import annotations

import argparse
import json
import logging
import sqlite3
import sys
from typing import Any

from .core.home import HermesHome
from .core.search import MAX_QUERY_CHARS, SearchHit, SessionSearch, parse_query
from .core.zone import schedule_zone
from .cron_cli import _bounded, _fail, _iso, shown

log = logging.getLogger("hermes_desktop.cli")
CLI_BUDGET_S = 10.0  # someone at a terminal waits for the whole answer rather than a quick part of it


def add_command(cmds: Any) -> None:
    """Add ``search`` to the ``sessions`` command's subparsers (``cmds``)."""
    p = cmds.add_parser("search", help="conversations whose title or messages match, newest first",
                        description="Words match whole words, \"a phrase\" its words in order, word* a prefix; "
                                    "Chinese and Japanese match anywhere in the text.")
    p.add_argument("query", help="what to look for")
    p.add_argument("--limit", type=_bounded(1, 1000), default=20, help="how many conversations (1-1000)")
    p.add_argument("--include-cron", action="store_true", help="also search cron runs")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run_sessions=run)


def _marked(hit: SearchHit, tty: bool) -> str:
    """The snippet as one safe line; on a terminal the matches in bold."""
    if not tty:
        return shown(hit.snippet)
    out, at = [], 0
    for start, end in hit.marks:
        out += [shown(hit.snippet[at:start]), "\033[1m", shown(hit.snippet[start:end]), "\033[0m"]
        at = end
    return "".join([*out, shown(hit.snippet[at:])])


def run(args: argparse.Namespace, home: HermesHome) -> int:
    """Run ``sessions search``; always one line when it goes wrong."""
    if len(args.query) > MAX_QUERY_CHARS:
        return _fail(f"the query is {len(args.query):,} characters long; at most {MAX_QUERY_CHARS} are searched.", 2)
    if not parse_query(args.query):
        return _fail(f"nothing to search for in {args.query!r}: give a word, a \"phrase\" or a prefix*.", 2)
    search = SessionSearch(home.state_db, budget_s=CLI_BUDGET_S)
    try:
        result = search.search(args.query, include_cron=args.include_cron, limit=args.limit)
    except sqlite3.Error as exc:
        log.debug("search failed", exc_info=True)
        return _fail(f"cannot search {home.state_db}: {exc}.", 1)
    finally:
        search.close()
    tz = schedule_zone(home)
    if args.json:
        print(json.dumps([{"id": h.id, "title": h.title, "source": h.source, "started_at": _iso(h.started_at, tz),
                           "snippet": h.snippet, "marks": [list(m) for m in h.marks]} for h in result.hits],
                         indent=2, ensure_ascii=False))
    elif not result.hits:
        print(f"No conversation matches {shown(args.query)!r}" + ("" if args.include_cron else
                                                                   " (cron runs left out: --include-cron)") + ".")
    else:
        tty = sys.stdout.isatty()
        for hit in result.hits:
            print(f"{_iso(hit.started_at, tz)}  {hit.source:<8}  {hit.id}  {shown(hit.title or '')}")
            print(f"    {_marked(hit, tty)}")
    if not result.complete:
        what = (f"only the newest {result.searched_newest:,} messages were searched"
                if result.searched_newest else "the search stopped early")
        print(f"note: {what}; older conversations may match too.", file=sys.stderr)
    return 0
