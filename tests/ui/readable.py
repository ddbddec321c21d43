"""A check that a line in the window reads as words, not as a Python error."""

from __future__ import annotations

PYTHON_NOISE = ("Traceback", "[Errno", "Error(", "File \"", "NoneType", "object has no attribute")


def clear_line(text: str, needle: str) -> str:
    """The one line of ``text`` that holds ``needle``, checked to read as words rather than a Python error."""
    lines = [line for line in text.splitlines() if needle in line]
    assert len(lines) == 1, text
    for noise in PYTHON_NOISE:
        assert noise not in lines[0], lines[0]
    return lines[0]
