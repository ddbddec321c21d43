"""How the run history, the status strip and the agenda write a time: one function, one place.

Every time these views show goes through :func:`local_text`, which uses the
app's one formatter (:mod:`hermes_desktop.l10n`: the UI language's locale and
its short forms), to the minute - a list to scan needs no seconds.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from enum import StrEnum

from PySide6.QtCore import QDate, QLocale

from ..l10n import clock_time, locale, short_date


class Part(StrEnum):
    TIME = "time"  # 09:00 / 9:00 AM
    DATE_TIME = "date_time"  # 11/25/26 9:00 AM
    DAY = "day"  # Wednesday, November 25 (a day header; ``at`` may be a date)


def local_text(at: datetime | date, tz: tzinfo, part: Part = Part.DATE_TIME) -> str:
    """``at`` (an aware instant, or a calendar day for ``Part.DAY``) as the user's locale writes it in ``tz``."""
    if isinstance(at, datetime):
        wall = at.astimezone(tz)
        if part == Part.TIME:
            return clock_time(wall.hour, wall.minute)
        if part == Part.DATE_TIME:
            return f"{short_date(wall.date())} {clock_time(wall.hour, wall.minute)}"
        at = wall.date()
    loc = locale()
    day = QDate(at.year, at.month, at.day)
    if part == Part.DAY:
        return loc.toString(day, loc.dateFormat(QLocale.FormatType.LongFormat).replace("yyyy", "").strip(" ,年"))
    return short_date(at) if part == Part.DATE_TIME else clock_time(0, 0)
