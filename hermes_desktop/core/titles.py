"""Session titles by Hermes' rule, and the errors a rename or a delete can meet.

hermes-agent 0.19's ``SessionDB.set_session_title`` is the rule Hermes users
know from ``/title`` and ``hermes sessions rename``: the title is cleaned
(control and invisible characters dropped, whitespace runs made one space,
ends trimmed), an empty result clears the title, more than 100 characters
is refused, and a title another session holds is refused, not numbered.
The app's own automatic titles (cron runs) are numbered `` #2``, `` #3`` …
instead: nobody is there to pick another one.
"""

from __future__ import annotations

import re

MAX_TITLE_LENGTH = 100

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # tab, line feed, return stay: they become spaces
# Zero-width characters, line/paragraph separators and direction overrides, word joiners, BOM, object
# replacement and interlinear annotation: invisible in a list, or they reorder what is shown.
_INVISIBLE = re.compile("[\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffc\ufff9-\ufffb]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # cannot be stored as UTF-8


class TitleTooLong(ValueError):
    def __init__(self, length: int, limit: int = MAX_TITLE_LENGTH) -> None:
        super().__init__(f"the title is too long ({length} characters; at most {limit})")
        self.length = length
        self.limit = limit


class TitleTaken(ValueError):
    def __init__(self, title: str, holder: str) -> None:
        super().__init__(f"another session ({holder}) already has the title {title!r}")
        self.title = title
        self.holder = holder


class SessionNotFound(LookupError):
    def __init__(self, session_id: str) -> None:
        super().__init__(f"no session {session_id!r}")
        self.session_id = session_id


class AmbiguousSession(LookupError):
    def __init__(self, prefix: str, matches: list[str]) -> None:
        super().__init__(f"{prefix!r} starts several sessions' ids ({', '.join(matches)}, …); give more of it")
        self.prefix = prefix
        self.matches = matches


class SessionRunning(ValueError):
    def __init__(self, session_id: str) -> None:
        super().__init__(f"the cron run {session_id} is still running; delete it once it has finished")
        self.session_id = session_id


def flatten_title(text: str | None) -> str:
    """``text`` cleaned as Hermes cleans a title, without the length check ("" when nothing is left)."""
    if not text:
        return ""
    text = _SURROGATE.sub("\ufffd", text)
    text = _INVISIBLE.sub("", _CONTROL.sub("", text))
    return " ".join(text.split())


def clean_title(text: str | None) -> str | None:
    """The title Hermes would store for ``text``: None clears it; over 100 characters raises ``TitleTooLong``."""
    cleaned = flatten_title(text)
    if not cleaned:
        return None
    if len(cleaned) > MAX_TITLE_LENGTH:
        raise TitleTooLong(len(cleaned))
    return cleaned
