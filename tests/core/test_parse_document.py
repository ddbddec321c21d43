"""A large jobs.json is read record by record, with exactly json.loads' result and errors."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import pytest

from hermes_desktop.core.jobs import WHOLE_PARSE_CHARS, parse_document

RECORD = {"id": "x", "name": "caf\u00e9 \u2603", "schedule": {"kind": "cron", "expr": "0 9 * * *"}, "n": 1.5,
          "list": [1, None, True, {"a": []}], "deep": {"k": {"k": {"k": "v"}}}}


def big(layout: str, count: int = 3000) -> str:
    doc = {"jobs": [{**RECORD, "id": f"{i:012x}"} for i in range(count)], "updated_at": "2026-11-26T00:00:00+00:00",
           "extra": {"kept": [1, 2]}}
    text = json.dumps(doc, indent=2) if layout == "indented" else json.dumps(doc)
    assert len(text) > WHOLE_PARSE_CHARS
    return text


@pytest.mark.parametrize("layout", ["indented", "compact"])
def test_same_result_as_json_loads(layout: str) -> None:
    text = big(layout)
    assert parse_document(text) == json.loads(text)
    bare = json.dumps([{**RECORD, "id": str(i)} for i in range(3000)])
    assert parse_document(bare) == json.loads(bare)


@pytest.mark.parametrize("cut", [-2, -300, len('{"jobs": [') + 5])
def test_a_damaged_file_fails_as_json_loads_does(cut: int) -> None:
    text = big("indented")[:cut]
    with pytest.raises(json.JSONDecodeError) as ours:
        parse_document(text)
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    assert ours.value.lineno >= 1


def turns_of_another_thread_while(work: Callable[[], object]) -> list[float]:
    """Run ``work`` while a thread wakes every millisecond: the gaps between its wake-ups."""
    gaps: list[float] = []
    stop = threading.Event()

    def probe() -> None:
        last = time.perf_counter()
        while not stop.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    t = threading.Thread(target=probe)
    t.start()
    try:
        work()
    finally:
        stop.set()
        t.join()
    return gaps


def test_other_threads_keep_running_while_a_big_file_is_parsed() -> None:
    text = big("indented", 20_000)  # ~9 MB, like 10,000 real jobs
    gaps = turns_of_another_thread_while(lambda: parse_document(text))
    # json.loads of the same text blocks every other thread for its whole duration (~100 ms); the probe
    # thread here gets its turn many times while the file is parsed
    assert len(gaps) > 5
