"""How the run history, the status strip and the agenda write a time: one function, one place.

Every time these views show goes through :func:`local_text`, so moving them
to the app's central formatter later is a change to this function only.
For now it is the user's locale (``QLocale()``), in its short formats.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from enum import StrEnum

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


class Part(StrEnum):
    TIME = "time"  # 09:00 / 9:00 AM
    DATE_TIME = "date_time"  # 11/25/26 9:00 AM
    DAY = "day"  # Wednesday, November 25 (a day header; ``at`` may be a date)


def local_text(at: datetime | date, tz: tzinfo, part: Part = Part.DATE_TIME) -> str:
    """``at`` (an aware instant, or a calendar day for ``Part.DAY``) as the user's locale writes it in ``tz``."""
    locale = QLocale(QLocale())
    if isinstance(at, datetime):
        wall = at.astimezone(tz)
        day = QDate(wall.year, wall.month, wall.day)
        clock = QTime(wall.hour, wall.minute, wall.second)
    else:
        day, clock = QDate(at.year, at.month, at.day), QTime(0, 0)
    if part == Part.TIME:
        return locale.toString(clock, QLocale.FormatType.ShortFormat)
    if part == Part.DAY:
        return locale.toString(day, locale.dateFormat(QLocale.FormatType.LongFormat).replace("yyyy", "").strip(" ,年"))
    return locale.toString(QDateTime(day, clock), QLocale.FormatType.ShortFormat)
