"""A large jobs.json in this app's own layout (one job per line) is read a chunk of lines at a time, with
exactly json.loads' result and errors, and the same record digests as the record-by-record reader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hermes_desktop.core import jobs as jobs_module
from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import WHOLE_PARSE_CHARS, JobStore, _document, _one_job_per_line, parse_document

from .test_parse_document import turns_of_another_thread_while

RECORD = {"name": "caf\u00e9 \u2603 \u65e5\u672c \U0001f600", "prompt": "say hi", "n": 1.5, "big": 10**30,
          "schedule": {"kind": "cron", "expr": "0 9 * * *", "display": "0 9 * * *"},
          "list": [1, None, True, {"a": []}], "deep": {"k": {"k": {"k": "v"}}}, "skills": ["x", "y"]}


def records(count: int = 3000) -> list[dict[str, Any]]:
    return [{"id": f"{i:012x}", **RECORD} for i in range(count)]


def app_layout(jobs: list[Any] | None = None, **others: Any) -> str:
    """The file as this app writes it."""
    text = _document({"jobs": records() if jobs is None else jobs, "updated_at": "2026-11-26T00:00:00+00:00",
                      **others})
    assert len(text) > WHOLE_PARSE_CHARS
    return text


def general(text: str, strict: bool = True) -> tuple[Any, list[int]]:
    """The record-by-record reader's result and digests (the one-job-per-line reader turned off)."""
    digests: list[int] = []
    saved = jobs_module._one_job_per_line
    jobs_module._one_job_per_line = lambda text: None  # type: ignore[assignment]
    try:
        return parse_document(text, strict=strict, digests=digests), digests
    finally:
        jobs_module._one_job_per_line = saved


def read(text: str) -> tuple[Any, list[int]]:
    digests: list[int] = []
    return parse_document(text, digests=digests), digests


def same_as_json_loads(text: str, *, by_lines: bool, same_digests: bool = True) -> None:
    """parse_document gives json.loads' result and the general reader's digests; ``by_lines``: whether the
    one-job-per-line reader took the file (else it handed it to the general reader)."""
    assert (_one_job_per_line(text) is not None) == by_lines
    value, digests = read(text)
    assert value == json.loads(text)
    assert list(value) == list(json.loads(text))  # the top-level keys in the file's order
    assert value == general(text)[0]
    if same_digests:
        assert digests == general(text)[1]


def replace_line(text: str, index: int, new: str) -> str:
    """``text`` with the ``index``-th record's line (as _document writes it) replaced by ``new``."""
    lines = text.split("\n")
    lines[2 + index] = new
    return "\n".join(lines)


def test_this_apps_layout_is_read_by_lines_with_json_loads_result_and_digests() -> None:
    text = app_layout()
    same_as_json_loads(text, by_lines=True)
    value, digests = read(text)
    assert len(digests) == len(value["jobs"]) == 3000
    assert len(set(digests)) == 3000


def test_hermes_indented_layout_is_left_to_the_general_reader() -> None:
    text = json.dumps({"jobs": records(), "updated_at": "x"}, indent=2)
    same_as_json_loads(text, by_lines=False)


def test_a_record_split_across_lines_by_hand() -> None:
    jobs = records()
    line = json.dumps(jobs[1500], ensure_ascii=False)
    at = line.index('"schedule"')
    text = replace_line(app_layout(jobs), 1500, "    " + line[:at] + "\n      " + line[at:] + ",")
    same_as_json_loads(text, by_lines=False)


def test_a_record_spread_over_lines_with_a_closing_bracket_on_its_own_line() -> None:
    text = replace_line(app_layout(), 2000, '    {"id": "nested", "list": [\n      [1,\n  2]\n  ]},')
    same_as_json_loads(text, by_lines=False)
    last = app_layout().rsplit("\n  ]", 1)  # the same, as the last record: right before the array's end
    text = last[0] + ',\n    {"id": "nested", "list": [\n  1\n  ]}\n  ]' + last[1]
    same_as_json_loads(text, by_lines=False)


def test_strings_that_look_like_the_layout() -> None:
    jobs = records()
    jobs[10]["name"] = '"],\n  ]\n}\n'
    jobs[11]["prompt"] = '{\n  "jobs": [\n    {"id": "fake"},\n  ]'
    jobs[12]["prompt"] = "}, {"  # inside a string: the chunk is read record by record, with the same result
    jobs[13]["list"] = [{"a": 1}, {"b": 2}]
    same_as_json_loads(app_layout(jobs), by_lines=True)


def test_two_records_on_one_line_and_a_record_over_two() -> None:
    jobs = records()
    one, two, three = (json.dumps(jobs[i], ensure_ascii=False) for i in (100, 101, 102))
    at = three.index('"schedule"')
    text = replace_line(app_layout(jobs), 100, f"    {one}, {two},")
    text = replace_line(text, 101, f"    {three[:at]}")
    text = replace_line(text, 102, f"    {three[at:]},")
    assert text.count("\n") == app_layout(jobs).count("\n")  # as many lines as records
    same_as_json_loads(text, by_lines=True)  # that chunk is read record by record: its lines are not records
    text = replace_line(app_layout(jobs), 100, "    1, 2,")  # the same with records that are not objects
    text = replace_line(text, 101, "    [3,")
    text = replace_line(text, 102, "    4],")
    same_as_json_loads(text, by_lines=True)


def test_a_blank_line_and_trailing_spaces() -> None:
    jobs = records()
    text = app_layout(jobs)
    same_as_json_loads(replace_line(text, 5, text.split("\n")[2 + 5] + "\n"), by_lines=False)
    text = replace_line(app_layout(jobs), 5, "    " + json.dumps(jobs[5], ensure_ascii=False) + " ,  \t")
    same_as_json_loads(text, by_lines=True)


def test_unicode_escapes_and_lone_surrogates() -> None:
    jobs = records()
    jobs[7]["name"] = "\ud800 lone"
    text = app_layout(jobs)
    text = replace_line(text, 8, text.split("\n")[2 + 8].replace("say hi", "\\u65e5\\u672c \\ud83d\\ude00"))
    same_as_json_loads(text, by_lines=True)


def test_other_top_level_keys_after_and_before_the_jobs() -> None:
    same_as_json_loads(app_layout(extra={"kept": [1, {"a": None}]}, last=[]), by_lines=True)
    text = app_layout(jobs=records())
    before = '{\n  "first": 1,\n  "jobs": [\n' + text[len('{\n  "jobs": [\n'):]
    same_as_json_loads(before, by_lines=False)
    twice = text.replace('\n  "updated_at"', '\n  "jobs": [5],\n  "updated_at"')  # the last "jobs" wins
    same_as_json_loads(twice, by_lines=True, same_digests=False)  # no digest a record (JobStore hashes them)
    assert read(twice)[0]["jobs"] == [5]


def test_an_empty_jobs_array() -> None:
    text = _document({"jobs": [], "pad": "x" * WHOLE_PARSE_CHARS})
    same_as_json_loads(text, by_lines=False)
    assert read(text)[0]["jobs"] == []


def test_errors_are_json_loads_own() -> None:
    text = app_layout()
    for bad in (text + "x", text.replace("\n}\n", "\n"), text[:-40], text.replace('"updated_at"', "updated_at"),
                text.replace('\n  "updated_at": "2026-11-26T00:00:00+00:00"', ""),  # "], }": a trailing comma
                replace_line(text, 2999, text.split("\n")[2 + 2999] + ","), "\ufeff" + text,
                _document({"jobs": records()}) + "x", missing_comma_between_chunks()):
        with pytest.raises(json.JSONDecodeError) as ours:
            parse_document(bad)
        with pytest.raises(json.JSONDecodeError) as before:
            general(bad)  # the error the record-by-record reader gives
        with pytest.raises(json.JSONDecodeError):
            json.loads(bad)
        assert (ours.value.msg, ours.value.pos) == (before.value.msg, before.value.pos)


def missing_comma_between_chunks() -> str:
    """Records that are numbers, one of them without its comma where a chunk of lines ends."""
    text = app_layout([12] * 60_000)
    cut = text.find("\n", len('{\n  "jobs": [\n') + jobs_module.CHUNK_CHARS)
    assert text[cut - 3:cut] == "12,"
    return text[:cut - 1] + text[cut:]


def test_control_characters_are_read_leniently_as_before(tmp_path: Path) -> None:
    jobs = records()
    text = app_layout(jobs)
    text = replace_line(text, 20, text.split("\n")[2 + 20].replace("say hi", "say\thi\x01"))
    with pytest.raises(json.JSONDecodeError):
        parse_document(text)
    home = HermesHome(tmp_path / "home").ensure()
    home.cron_dir.mkdir(parents=True, exist_ok=True)
    home.jobs_file.write_text(text, encoding="utf-8")
    snap = JobStore(home).load()
    assert snap.error is None
    assert snap.jobs == json.loads(text, strict=False)["jobs"]
    assert snap.jobs[20]["prompt"] == "say\thi\x01"


def test_a_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    text = app_layout()
    home = HermesHome(tmp_path / "home").ensure()
    home.cron_dir.mkdir(parents=True, exist_ok=True)
    home.jobs_file.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    snap = JobStore(home).load()
    assert snap.error is None and snap.jobs == json.loads(text)["jobs"]
    assert snap.digests == {j["id"]: d for j, d in zip(snap.jobs, general(text)[1], strict=True)}


def test_digests_change_for_the_changed_record_only() -> None:
    jobs = records()
    first = read(app_layout(jobs))[1]
    jobs[1234]["name"] = "Renamed"
    jobs[2345]["list"] = [{"a": 1}, {"b": 2}]  # its chunk is now read record by record
    second = read(app_layout(jobs))[1]
    assert [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b] == [1234, 2345]


def test_other_threads_keep_running_while_this_apps_layout_is_parsed() -> None:
    text = app_layout(records(20_000))
    gaps = turns_of_another_thread_while(lambda: parse_document(text))
    assert len(gaps) > 5  # one json.loads of it all would let the probe in once, at the end
