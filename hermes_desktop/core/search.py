"""Find any conversation or cron run in ``state.db`` by its title or the text of its messages.

Hermes (hermes-agent 0.19) keeps two full-text indexes of every message, filled by triggers on ``messages``
(rowid = ``messages.id``; the text indexed is the content, the tool name and the tool calls):

* ``messages_fts`` - FTS5 with its default word tokenizer: words, phrases, ``word*`` prefixes;
* ``messages_fts_trigram`` - FTS5 with the trigram tokenizer: any substring of three or more characters,
  which is how Chinese and Japanese (no spaces between words) are found.

This module only reads them. It never creates or changes them, even on a database that has none (one this
app created, or an older Hermes): Hermes creates both the next time it opens the file and then fills them
from every stored message itself, so anything built here would at best be redone, and at worst be a table
whose definition Hermes does not expect. Every connection here is opened read-only. Without the tables the
search scans the newest :attr:`SessionSearch.scan_rows` messages, and says so in the result.

Which index answers:

* Latin words and ``"phrases"`` → ``messages_fts``. The user's text is never FTS5 syntax: each word or
  quoted phrase becomes one quoted FTS5 string, so ``"``, ``*``, ``AND``, ``-``, ``:`` or an unbalanced
  quote are plain text (a word ending in ``*`` is the one thing read as a prefix);
* ``prefix*`` (three letters or more) → the trigram index finds the messages holding the text, newest
  first, and each is checked for a word that starts with it. FTS5's own ``prefix*`` query merges every
  matching word's whole list of rows before it returns the first one (80 ms for a word in a million
  messages); shorter or non-ASCII prefixes go to ``messages_fts`` (through its vocabulary, or natively);
* anything with CJK characters → ``messages_fts_trigram``; a term of one or two characters, which the
  trigram index cannot match directly, is looked up in the index's own vocabulary (every indexed trigram
  that starts with it - Hermes adds a space after each message, so even text that ends with the term has
  one) and matched as those trigrams ORed. A term that expands to too many trigrams is scanned instead.

Bounds: results come newest first - by the time of the matching message (a title match: when its chat
started) - and every walk stops once it holds ``limit`` conversations. Walking the index newest first
costs what it takes to find them, so a word in a million cron prompts still costs fifty steps. Leaving
cron runs out is the hard case - the newest matches may all be cron runs - so the first
:attr:`SessionSearch.candidate_rows` matches are read one by one, and past them the chats themselves are
walked newest first, a batch at a time, each batch looked up only within its own message ids: the cost
then grows with the number of chats, never with the cron runs. Titles are compared among the newest
:attr:`SessionSearch.title_rows` chats (a cron run's title is its job's name and time; runs are found by
their prompt). A whole search stops after :attr:`SessionSearch.budget_s` seconds; what it found by then is
returned, marked incomplete.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .home import read_only_uri

log = logging.getLogger("hermes_desktop.store")

WORD_TABLE = "messages_fts"
TRIGRAM_TABLE = "messages_fts_trigram"
MAX_QUERY_CHARS = 256
SNIPPET_CHARS = 120  # the longest snippet line (the match is kept inside it)
SNIPPET_READ_CHARS = 200_000  # how much of a (possibly huge) message is read to find the matching line
MAX_EXPANSION = 400  # index terms a short CJK term or a prefix may expand to (more: see _plan)
SPAN_SLACK = 4  # a batch of chats is looked up as one id span while it holds at most this many ids per message
BUSY_TIMEOUT_S = 5.0


def is_cjk(ch: str) -> bool:
    """Chinese, Japanese or Korean script (the ranges Hermes routes to its trigram index, plus full-width forms)."""
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x3000 <= cp <= 0x30FF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF
            or 0xFF00 <= cp <= 0xFFEF)


@dataclass(frozen=True)
class Term:
    """One word or quoted phrase of a query; ``prefix``: it was typed with a trailing ``*``."""

    text: str
    prefix: bool = False
    phrase: bool = False

    @property
    def cjk(self) -> bool:
        return any(is_cjk(ch) for ch in self.text)


def parse_query(query: str) -> list[Term]:
    """Words, ``"quoted phrases"`` and ``prefix*`` words; everything else in the text is plain text.

    An unbalanced quote is dropped; a word with nothing a tokenizer would index (``-``, ``*``, ``:``) is
    dropped, since it could only ever match nothing.
    """
    text = "".join(ch if ch.isprintable() else " " for ch in query[:MAX_QUERY_CHARS])
    terms: list[Term] = []
    rest: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == '"':
            end = text.find('"', i + 1)
            if end == -1:  # unbalanced: the quote is not text anyone searches for
                i += 1
                continue
            rest.append(" ")
            phrase = " ".join(text[i + 1:end].split())
            if any(ch.isalnum() for ch in phrase):
                terms.append(Term(phrase, phrase=True))
            i = end + 1
            continue
        rest.append(text[i])
        i += 1
    for word in "".join(rest).split():
        prefix = word.endswith("*")
        word = word.replace("*", " ").strip()
        if any(ch.isalnum() for ch in word):
            terms.append(Term(" ".join(word.split()), prefix=prefix and not any(is_cjk(c) for c in word)))
    return terms


def fts_string(text: str) -> str:
    """``text`` as one FTS5 string literal: nothing in it is syntax."""
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True)
class SearchHit:
    """One conversation that matched: the line that matched, with the matched spans as ``marks`` (offsets
    into ``snippet``, end exclusive)."""

    id: str
    title: str | None
    source: str
    started_at: float
    snippet: str
    marks: tuple[tuple[int, int], ...] = ()
    matched_at: float = 0.0  # when the matching message was written (a title match: when the session started)
    message_id: int | None = None  # the matching message (None: the title matched)

    @property
    def in_title(self) -> bool:
        return self.message_id is None


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[SearchHit] = field(default_factory=list)
    method: str = "none"  # "fts" (word index), "trigram", "scan" (no usable index), "none" (nothing to search)
    complete: bool = True  # False: a bound stopped the search before it had ``limit`` hits; older ones may match
    searched_newest: int | None = None  # a scan that stopped at a bound read only this many newest messages


Verify = Callable[[str], bool]  # does a candidate message's text really match (a prefix found as a substring)
_Plan = tuple[str, str, str, "Verify | None"]


class _Stopped(Exception):
    """The time budget ran out."""


@dataclass
class _Found:
    """Matches gathered so far: the newest matching message of each session, and title matches."""

    limit: int
    messages: dict[str, tuple[int, float]] = field(default_factory=dict)  # session id → (message id, time)
    titles: dict[str, float] = field(default_factory=dict)  # session id → started_at

    def add_message(self, session_id: str, message_id: int, at: float) -> None:
        if session_id not in self.messages:
            self.messages[session_id] = (message_id, at)

    def full(self) -> bool:
        return len(self.messages) >= self.limit


class SessionSearch:
    """Searches one ``state.db`` through read-only connections, one per thread (never shared)."""

    def __init__(self, path: Path | str, *, budget_s: float = 0.25) -> None:
        self.path = Path(path)
        self.budget_s = budget_s
        self.scan_rows = 20_000  # without an index: the newest messages read
        self.title_rows = 10_000  # titles compared among the newest chats
        self.candidate_rows = 512  # without cron runs: index matches read one by one before walking the chats
        self.chunk = 256
        self._local = threading.local()

    # ----------------------------------------------------------------- connection

    def _reader(self) -> sqlite3.Connection | None:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            if not self.path.is_file():
                return None
            conn = sqlite3.connect(read_only_uri(self.path), uri=True, timeout=BUSY_TIMEOUT_S)
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _layout(self, conn: sqlite3.Connection) -> tuple[set[str], set[str]]:
        """The full-text tables present (and readable with this SQLite), and the messages columns."""
        names = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE name IN (?, ?, 'idx_desktop_recent_non_cron')",
            (WORD_TABLE, TRIGRAM_TABLE))}
        usable = set()
        for table in (WORD_TABLE, TRIGRAM_TABLE):
            if table in names:
                try:
                    conn.execute(f"SELECT rowid FROM {table} LIMIT 0")
                    usable.add(table)
                except sqlite3.OperationalError as exc:  # no FTS5 or no trigram tokenizer in this SQLite
                    log.info("cannot read %s here: %s", table, exc)
        if "idx_desktop_recent_non_cron" in names:
            usable.add("idx_desktop_recent_non_cron")
        columns = {r[1] for r in conn.execute("PRAGMA table_info(messages)")}
        return usable, columns

    @contextmanager
    def _budget(self, conn: sqlite3.Connection) -> Iterator[float]:
        deadline = time.monotonic() + self.budget_s
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 1000)
        try:
            yield deadline
        finally:
            conn.set_progress_handler(None, 0)

    # ----------------------------------------------------------------- search

    def search(self, query: str, *, include_cron: bool = False, limit: int = 50) -> SearchResult:
        """The newest ``limit`` conversations whose title or messages match ``query``; cron runs only when
        ``include_cron``. Never raises for what the query holds."""
        terms = parse_query(query)
        conn = self._reader() if terms and limit > 0 else None
        if conn is None:
            return SearchResult(query)
        with self._budget(conn) as deadline:
            found = _Found(limit)
            method, complete, scanned = "scan", True, None
            try:
                tables, columns = self._layout(conn)
                active = _active_clause(columns)
                plan = self._plan(conn, terms, tables)
                if plan is None:
                    complete, scanned = self._scan(conn, terms, include_cron, active, found)
                else:
                    method, table, match, verify = plan
                    if match:
                        complete = self._walk_index(conn, table, match, include_cron, active, found, tables,
                                                    deadline, verify)
                    self._titles(conn, terms, tables, found)
            except sqlite3.OperationalError as exc:
                if "interrupt" not in str(exc):
                    raise
                complete = False
            except _Stopped:
                complete = False
        hits = self._hits(conn, terms, found)
        return SearchResult(query, hits, method, complete or len(hits) >= limit,
                            None if complete or len(hits) >= limit else scanned)

    def _plan(self, conn: sqlite3.Connection, terms: list[Term], tables: set[str]) -> _Plan | None:
        """(method, table, MATCH expression - empty: no message matches -, a check each message must pass, or
        None), or None to scan."""
        if any(t.cjk for t in terms):
            if TRIGRAM_TABLE not in tables:
                return None
            parts = []
            for term in terms:
                text = term.text.lower()
                if len(text) >= 3:
                    parts.append(fts_string(text))
                    continue
                grams = [r[0] for r in self._vocabulary(conn, TRIGRAM_TABLE, text)]
                if len(grams) > MAX_EXPANSION:
                    return None
                if not grams:  # no indexed text holds it: nothing matches
                    return "trigram", TRIGRAM_TABLE, "", None
                parts.append("(" + " OR ".join(fts_string(g) for g in grams) + ")")
            return "trigram", TRIGRAM_TABLE, " AND ".join(parts), None
        if (TRIGRAM_TABLE in tables and any(t.prefix for t in terms)
                and all(len(t.text) >= 3 and t.text.isascii() for t in terms)):
            # Prefixes: the trigram index finds the messages that hold the text newest first and stops early;
            # each is then checked for the words themselves (``deploy*`` is not ``redeploy``).
            patterns = [_matcher([t]) for t in terms]
            return ("fts", TRIGRAM_TABLE, " AND ".join(fts_string(t.text.lower()) for t in terms),
                    lambda text: all(p.search(text) for p in patterns))
        if WORD_TABLE not in tables:
            return None
        return "fts", WORD_TABLE, " AND ".join(self._word_term(conn, t) for t in terms), None

    def _word_term(self, conn: sqlite3.Connection, term: Term) -> str:
        """A word or phrase as FTS5 text. A one-word prefix becomes the indexed words it starts, ORed: FTS5
        reads a ``prefix*`` query by merging every such word's whole list of rows before it returns the first
        (70 ms for a word in a million messages), while ORed words are read newest first and stop early."""
        if not term.prefix:
            return fts_string(term.text)
        start = _unaccented(term.text.lower())
        if start.isalnum():
            words = [r[0] for r in self._vocabulary(conn, WORD_TABLE, start)]
            if words and len(words) <= MAX_EXPANSION:
                return "(" + " OR ".join(fts_string(w) for w in words) + ")"
        return fts_string(term.text) + "*"  # many words (or none, or several tokens): FTS5's own prefix query

    def _vocabulary(self, conn: sqlite3.Connection, table: str, start: str) -> list[tuple[str]]:
        """Every term of ``table``'s index that starts with ``start`` (up to one more than MAX_EXPANSION), from
        the index's own vocabulary: a view in this connection's temporary schema, nothing written to the file."""
        view = f"desktop_vocab_{table}"
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{view} USING fts5vocab(main, {table}, 'row')")
        return conn.execute(f"SELECT term FROM temp.{view} WHERE term >= ? AND term < ? LIMIT ?",
                            (start, start + "\U0010ffff", MAX_EXPANSION + 1)).fetchall()

    def _walk_index(self, conn: sqlite3.Connection, table: str, match: str, include_cron: bool, active: str,
                    found: _Found, tables: set[str], deadline: float, verify: Verify | None = None) -> bool:
        """Matching messages newest first until ``limit`` sessions; True when nothing newer was skipped."""
        source = ", (SELECT s.source FROM sessions s WHERE s.id = m.session_id)" if not include_cron else ", ''"
        text = f", substr(m.content, 1, {SNIPPET_READ_CHARS})" if verify else ""
        sql = (f"SELECT f.rowid, m.session_id, m.timestamp{source}{text} FROM {table} f "
               f"JOIN messages m ON m.id = f.rowid "
               f"WHERE {table} MATCH ? AND f.rowid < ?{active} ORDER BY f.rowid DESC LIMIT ?")
        below = 1 << 62
        read = 0
        while not found.full():
            if time.monotonic() > deadline:
                raise _Stopped
            if not include_cron and read >= self.candidate_rows:
                return self._walk_chats(conn, table, match, active, found, tables, verify)
            rows = conn.execute(sql, (match, below, self.chunk)).fetchall()
            for row in rows:
                if row[3] != "cron" and (verify is None or verify(row[4] or "")):
                    found.add_message(row[1], row[0], row[2])
                    if found.full():
                        break
            read += len(rows)
            if len(rows) < self.chunk:
                return True
            below = rows[-1][0]
        return True

    def _walk_chats(self, conn: sqlite3.Connection, table: str, match: str, active: str, found: _Found,
                    tables: set[str], verify: Verify | None = None) -> bool:
        """Chats newest first, a batch at a time, looked up in the index only within their own message ids: the
        cost grows with the chats walked, never with the cron runs that match.

        A batch whose chats' messages lie close together (few other messages between them) is one lookup over
        their whole id span; a batch spread among many cron messages is one lookup per chat.
        """
        indexed = " INDEXED BY idx_desktop_recent_non_cron" if "idx_desktop_recent_non_cron" in tables else ""
        batch_sql = (f"SELECT s.id, s.started_at FROM sessions s{indexed} "
                     f"WHERE s.source != 'cron' AND (s.started_at, s.id) < (?, ?) "
                     f"ORDER BY s.started_at DESC, s.id DESC LIMIT ?")
        range_sql = "SELECT min(id), max(id) FROM messages WHERE session_id = ?"
        text = f"substr(m.content, 1, {SNIPPET_READ_CHARS})" if verify else "''"
        span_sql = (f"SELECT f.rowid, m.session_id, m.timestamp, {text} FROM {table} f "
                    f"JOIN messages m ON m.id = f.rowid "
                    f"WHERE {table} MATCH ? AND f.rowid >= ? AND f.rowid <= ?{active} ORDER BY f.rowid DESC")
        one_sql = (f"SELECT f.rowid, m.timestamp, {text} FROM {table} f JOIN messages m ON m.id = f.rowid "
                   f"WHERE {table} MATCH ? AND f.rowid >= ? AND f.rowid <= ? AND m.session_id = ?{active} "
                   f"ORDER BY f.rowid DESC")
        after: tuple[float, str] = (9e18, "")  # before every session (a finite number: it is printed in plans)
        size = self.chunk * 4
        while not found.full():
            rows = conn.execute(batch_sql, (*after, size)).fetchall()
            if rows:
                ids = [r[0] for r in rows]
                marks = ",".join("?" * len(ids))
                lo, hi, count = conn.execute(f"SELECT min(id), max(id), count(*) FROM messages "
                                             f"WHERE session_id IN ({marks})", ids).fetchone()
                if count and hi - lo + 1 <= SPAN_SLACK * count:
                    batch = set(ids)
                    for message_id, sid, at, body in conn.execute(span_sql, (match, lo, hi)):
                        if sid in batch and (verify is None or verify(body or "")):
                            found.add_message(sid, message_id, at)
                elif count:
                    for sid in ids:
                        first, last = conn.execute(range_sql, (sid,)).fetchone()
                        if first is None:
                            continue
                        for message_id, at, body in conn.execute(one_sql, (match, first, last, sid)):
                            if verify is None or verify(body or ""):
                                found.add_message(sid, message_id, at)
                                break
            if len(rows) < size:
                return True
            after = (rows[-1][1], rows[-1][0])
        return True

    def _scan(self, conn: sqlite3.Connection, terms: list[Term], include_cron: bool, active: str,
              found: _Found) -> tuple[bool, int | None]:
        """No index to use: a substring scan of the newest ``scan_rows`` messages."""
        conds = "".join(" AND instr(lower(m.content), ?) > 0" for _ in terms)
        cron = "" if include_cron else " AND (SELECT s.source FROM sessions s WHERE s.id = m.session_id) != 'cron'"
        sql = (f"SELECT m.id, m.session_id, m.timestamp FROM "
               f"(SELECT id FROM messages ORDER BY id DESC LIMIT ?) AS recent JOIN messages m ON m.id = recent.id "
               f"WHERE 1{conds}{cron}{active} ORDER BY m.id DESC")
        for message_id, sid, at in conn.execute(sql, (self.scan_rows, *(_folded(t.text) for t in terms))):
            found.add_message(sid, message_id, at)
            if found.full():
                return True, None
        total = conn.execute("SELECT count(*) FROM (SELECT 1 FROM messages LIMIT ?)", (self.scan_rows + 1,)).fetchone()
        if int(total[0]) > self.scan_rows:
            return False, self.scan_rows
        return True, None

    def _titles(self, conn: sqlite3.Connection, terms: list[Term], tables: set[str], found: _Found) -> None:
        """Chats whose title holds every term, among the newest ``title_rows``. Cron runs are left out: their
        title is their job's name and time, and they are found by their prompt."""
        conds = " AND ".join("instr(lower(title), ?) > 0" for _ in terms)
        indexed = " INDEXED BY idx_desktop_recent_non_cron" if "idx_desktop_recent_non_cron" in tables else ""
        recent = (f"SELECT id, title, started_at FROM sessions{indexed} WHERE source != 'cron' "
                  f"ORDER BY started_at DESC, id DESC LIMIT ?")
        sql = f"SELECT id, started_at FROM ({recent}) WHERE title IS NOT NULL AND {conds} LIMIT ?"
        for sid, started in conn.execute(sql, (self.title_rows, *(_folded(t.text) for t in terms), found.limit)):
            found.titles[sid] = started

    def _hits(self, conn: sqlite3.Connection, terms: list[Term], found: _Found) -> list[SearchHit]:
        """The newest ``limit`` of what was found, with their session rows and snippets."""
        when: dict[str, float] = dict(found.titles)
        when.update((sid, at) for sid, (_mid, at) in found.messages.items())
        chosen = sorted(when, key=lambda sid: (when[sid], sid), reverse=True)[: found.limit]
        if not chosen:
            return []
        marks = ",".join("?" * len(chosen))
        sessions = {r[0]: r for r in conn.execute(
            f"SELECT id, title, source, started_at FROM sessions WHERE id IN ({marks})", chosen)}
        message_ids = [found.messages[sid][0] for sid in chosen if sid in found.messages]
        texts: dict[int, str] = {}
        if message_ids:
            marks = ",".join("?" * len(message_ids))
            texts = {r[0]: r[1] or "" for r in conn.execute(
                f"SELECT id, substr(content, 1, {SNIPPET_READ_CHARS}) FROM messages WHERE id IN ({marks})",
                message_ids)}
        matcher = _matcher(terms)
        hits = []
        for sid in chosen:
            row = sessions.get(sid)
            if row is None:  # deleted since it matched
                continue
            _id, title, source, started = row
            if sid in found.messages:
                message_id, at = found.messages[sid]
                snippet, spans = snippet_of(texts.get(message_id, ""), matcher)
                hits.append(SearchHit(sid, title, source, started, snippet, spans, at, message_id))
            else:
                snippet, spans = snippet_of(title or "", matcher)
                hits.append(SearchHit(sid, title, source, started, snippet, spans, started, None))
        return hits


def _active_clause(columns: set[str]) -> str:
    """Hermes' own rule: rows the user took back (``active=0`` and not compacted) are not found."""
    if "active" not in columns:
        return ""
    if "compacted" in columns:
        return " AND (m.active = 1 OR m.compacted = 1)"
    return " AND m.active = 1"


def _unaccented(text: str) -> str:
    """Without accents, as FTS5's default tokenizer indexes words (``café`` is stored as ``cafe``)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _folded(text: str) -> str:
    """Lower case the way SQLite's ``lower()`` does it (ASCII only), so both sides fold alike."""
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def _matcher(terms: list[Term]) -> re.Pattern[str]:
    """Where the terms are in a text: whole words (or prefixes) for Latin terms, substrings for CJK."""
    parts = []
    for term in sorted(terms, key=lambda t: -len(t.text)):
        words = [re.escape(w) for w in re.split(r"[\W_]+", term.text) if w] if not term.cjk else []
        if term.cjk or not words:
            parts.append(re.escape(term.text).replace(r"\ ", r"\s+"))
            continue
        body = r"[\W_]+".join(words)
        parts.append(r"(?<![^\W_])" + body + (r"\w*" if term.prefix else r"(?![^\W_])"))
    return re.compile("|".join(parts), re.IGNORECASE)


def snippet_of(text: str, matcher: re.Pattern[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The line of ``text`` that holds the first match, cut to :data:`SNIPPET_CHARS` around it, and where the
    matches are in it. Without a match (it was in a tool call): the first line that has text, unmarked."""
    first = matcher.search(text)
    if first is None:
        line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        return _cut(line, 0, SNIPPET_CHARS), ()
    start = text.rfind("\n", 0, first.start()) + 1
    end = text.find("\n", first.end())
    line = text[start:] if end == -1 else text[start:end]
    lead = len(line) - len(line.lstrip())
    line = line.strip()
    at = first.start() - start - lead
    left = max(0, min(at - SNIPPET_CHARS // 3, len(line) - SNIPPET_CHARS))
    shown = _cut(line, left, SNIPPET_CHARS)
    shift = 1 if left > 0 else 0  # the leading ellipsis
    spans = []
    for m in matcher.finditer(line, left, left + SNIPPET_CHARS):
        a, b = m.start() - left + shift, min(m.end(), left + SNIPPET_CHARS) - left + shift
        if b > a:
            spans.append((a, b))
    return shown, tuple(spans)


def _cut(line: str, left: int, width: int) -> str:
    body = line[left:left + width]
    return ("…" if left > 0 else "") + body + ("…" if left + width < len(line) else "")


__all__ = ["SearchHit", "SearchResult", "SessionSearch", "Term", "parse_query", "snippet_of"]
