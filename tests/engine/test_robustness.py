"""Hostile or broken input: the engine answers quickly, in valid UTF-8, and never raises."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.adversarial import ADVERSARIAL
from hipcore import MAX_DEPTH, MAX_PROBLEMS, RESULTS_VERSION, assess_json, cli
from hipcore.api import _too_deep
from tests.engine.build import entry, heel, held, results


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_the_depth_check_takes_linear_time_on_a_megabyte_of_adversarial_text(text: str) -> None:
    # The benchmark target is 50 ms (bench/engine.py prints the measured figure); the bound here
    # is loose so that a loaded test machine does not fail it.
    _too_deep(text)
    started = time.perf_counter()
    _too_deep(text)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_text_gets_an_error_reply(text: str) -> None:
    reply = json.loads(assess_json(text))
    assert reply["ok"] is False
    assert len(reply["errors"]) == 1


DEPTHS = [
    ("[]", False),
    ("[" * MAX_DEPTH + "]" * MAX_DEPTH, False),
    ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), True),
    ("[" * MAX_DEPTH, False),
    ("[" * (MAX_DEPTH + 1), True),
    ("{" * 20 + "[" * 13 + "]" * 13, True),
    ("{" * 20 + "[" * 12 + "]" * 12, False),
    ("]" * 40 + "[" * MAX_DEPTH, False),
    ('"' + "[" * 40 + '"', False),
    ('"' + "[" * 40, False),
    ('"\\"' + "[" * 40, False),
    ('"\\\\"' + "[" * 40, True),
    ('"\\\\\\"' + "[" * 40, False),
    ('["a", "b\\"]", ' + "[" * 31 + "]" * 31 + "]", False),
    ('["a", "b\\\\", ' + "[" * 32 + "]" * 32 + "]", True),
]


@pytest.mark.parametrize(("text", "too_deep"), DEPTHS)
def test_only_brackets_outside_strings_count_towards_the_depth(text: str, too_deep: bool) -> None:
    assert _too_deep(text) is too_deep


def deepest(text: str) -> int:
    """The depth the check measures, one character at a time: brackets outside strings, a
    closing bracket at the top level ignored; a backslash escapes the next character (outside
    a string too, where only a backslash or a quote can follow it in text that parses)."""
    depth = most = 0
    in_string = escaped = False
    for char in text:
        if escaped:
            escaped = False
            if in_string or char in '\\"':
                continue
        if char == "\\":
            escaped = True
        elif char == '"':
            in_string = not in_string
        elif in_string:
            continue
        elif char in "[{":
            depth += 1
            most = max(most, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return most


near_the_limit = st.lists(
    st.sampled_from(["[", "]", "{", "}", '"', "\\", "a"])
    | st.integers(1, MAX_DEPTH + 2).flatmap(
        lambda n: st.sampled_from(["[" * n, "]" * n, "[]" * n, "{" * n + "}" * n])
    ),
    max_size=40,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(near_the_limit)
def test_the_depth_check_agrees_with_a_character_by_character_count(text: str) -> None:
    assert _too_deep(text) is (deepest(text) > MAX_DEPTH)


# --- text that is not Unicode -----------------------------------------------------------------

SURROGATES = [
    pytest.param(
        '{"version": 1, "prescreen": {"\\ud800": true}}',
        "prescreen.\\ud800",
        "is not valid Unicode text: it holds a lone surrogate (\\ud800)",
        id="in a key",
    ),
    pytest.param(
        '{"version": 1, "prescreen": {}, "\\udfff": 1}',
        "\\udfff",
        "is not a known field",
        id="in an unknown field",
    ),
    pytest.param(
        '{"version": 1, "prescreen": {}, "assessments": [{"assessment": "a\\ud800"}]}',
        "assessments[0].assessment",
        "is not valid Unicode text: it holds a lone surrogate (\\ud800)",
        id="in a value",
    ),
    pytest.param(
        '{"version": 1, "prescreen": {}, "recorded_at": "2026-12-02 \\udc00"}',
        "recorded_at",
        "is not valid Unicode text: it holds a lone surrogate (\\udc00)",
        id="in free text",
    ),
    pytest.param(
        '{"version": 1, "prescreen": {}, "version": "\ud83d"}',
        "version",
        f"must be one of {RESULTS_VERSION}, got text '\\ud83d'",
        id="typed as such, not escaped",
    ),
]


@pytest.mark.parametrize(("text", "path", "message"), SURROGATES)
def test_a_lone_surrogate_is_a_problem_and_the_reply_is_valid_utf8(
    text: str, path: str, message: str
) -> None:
    reply = assess_json(text)
    reply.encode("utf-8")
    found = [(e["path"], e["message"]) for e in json.loads(reply)["errors"]]
    assert (path, message) in found


def test_a_long_key_or_id_is_cut_in_the_reply() -> None:
    long = "x" * 1_000_000
    doc = {
        "version": RESULTS_VERSION,
        "prescreen": {long: True},
        "assessments": [{"assessment": long}],
    }
    reply = json.loads(assess_json(json.dumps(doc)))
    assert len(json.dumps(reply)) < 5_000
    assert reply["errors"][0]["path"] == "prescreen." + "x" * 79 + "…"
    assert reply["errors"][-1]["message"].endswith("x…")


# --- numbers ----------------------------------------------------------------------------------

RANGES = [
    (600.0001, "s", "600.0001 s is outside the plausible range 0 s to 600 s"),
    (-0.0000001, "s", "-0.0000001 s is outside the plausible range 0 s to 600 s"),
    (1e300, "s", "1e+300 s is outside the plausible range 0 s to 600 s"),
    (60.000001, "cm", "60.000001 cm is outside the plausible range 0 cm to 60 cm"),
    (23.7, "in", "23.7 in (60.198 cm) is outside the plausible range 0 cm to 60 cm"),
]


@pytest.mark.parametrize(("value", "unit", "message"), RANGES)
def test_a_range_message_prints_the_typed_value_and_the_bounds_exactly(
    value: float, unit: str, message: str
) -> None:
    done = (
        entry("single_leg_bridge", held(value))
        if unit == "s"
        else entry("quad_length", heel(value, unit))
    )
    reply = json.loads(assess_json(json.dumps(results(done))))
    assert [e["message"] for e in reply["errors"]] == [message]


@pytest.mark.parametrize("negative_zero", ["-0", "-0.0", "-0e5", "-0.0000"])
def test_minus_zero_is_read_as_zero(negative_zero: str) -> None:
    zero = json.dumps(results(entry("single_leg_bridge", held(0), held(12))))
    typed = zero.replace('"value": 0,', f'"value": {negative_zero},', 1)
    assert typed != zero
    assert assess_json(typed) == assess_json(zero)
    assert "-0" not in assess_json(typed)


def test_minus_zero_is_never_printed_by_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "results.json"
    doc = results(
        entry("single_leg_bridge", held(12), held(-0.0)), entry("quad_length", heel(-0.0))
    )
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert '"value": -0.0' in path.read_text("utf-8")
    assert cli.main(["assess", str(path)]) == 0
    assert cli.main(["assess", "--json", str(path)]) == 0
    assert "-0" not in capsys.readouterr().out


# --- the command line never ends in a traceback -----------------------------------------------


def run_cli(tmp_path: Path, content: str | bytes, *args: str) -> tuple[int, str, str]:
    source = tmp_path / "input.json"
    source.write_bytes(
        content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    )
    done = subprocess.run(
        [sys.executable, "-m", "hipcore", "assess", *args, "-"],
        input=source.read_bytes(), capture_output=True, check=False, timeout=120,
    )  # fmt: skip
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def catalog_file(tmp_path: Path, content: str | bytes) -> str:
    path = tmp_path / "catalog.json"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


VALID = json.dumps(results(entry("single_leg_bridge", held(12), held(12))))

BAD_RUNS = {
    "results nested too deeply": (lambda tmp: ("[" * 100_000, [])),
    "results that are not UTF-8": (lambda tmp: (b'{"version": 1, "\xff": 1}', [])),
    "results with a lone surrogate": (lambda tmp: ('{"version": 1, "\\ud800": 1}', ["--json"])),
    "a key given twice": (lambda tmp: ('{"version": 1, "version": 1, "prescreen": {}}', [])),
    "a catalog nested too deeply": (
        lambda tmp: (VALID, ["--catalog", catalog_file(tmp, "[" * 100_000 + "]" * 100_000)])
    ),
    "a huge catalog": (
        lambda tmp: (VALID, ["--catalog", catalog_file(tmp, json.dumps(
            {f"field_{i}": i for i in range(200_000)}))])
    ),
    "a catalog that is a directory": (lambda tmp: (VALID, ["--catalog", str(tmp)])),
    "a catalog that is not JSON": (lambda tmp: (VALID, ["--catalog", catalog_file(tmp, "{")])),
    "a catalog that is not UTF-8": (lambda tmp: (VALID, ["--catalog", catalog_file(tmp, b"\xff")])),
    "a catalog with a lone surrogate": (
        lambda tmp: (VALID, ["--json", "--catalog", catalog_file(tmp, '{"version": "\\udc00"}')])
    ),
}  # fmt: skip


@pytest.mark.parametrize("make", BAD_RUNS.values(), ids=BAD_RUNS.keys())
def test_the_command_line_answers_bad_input_in_words(tmp_path: Path, make: Any) -> None:
    content, args = make(tmp_path)
    status, out, err = run_cli(tmp_path, content, *args)
    assert status == 2, err
    assert "Traceback" not in out + err
    shown = out if "--json" in args else err
    assert len(shown.splitlines()) <= 2 + 4 * (MAX_PROBLEMS + 1)
    if "--json" in args:
        assert json.loads(out)["ok"] is False


def test_a_reader_that_stops_reading_ends_the_command_line_quietly(tmp_path: Path) -> None:
    # Standard output is closed before the results arrive on standard input, so the program
    # always meets a closed pipe (``... | head -1`` meets one only when the output is long).
    child = subprocess.Popen(
        [sys.executable, "-m", "hipcore", "assess", "--json", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert child.stdin is not None
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.close()
    child.stdin.write(VALID.encode("utf-8"))
    child.stdin.close()
    assert child.wait(timeout=120) == 1
    assert child.stderr.read() == b""
    child.stderr.close()


def test_a_pipe_into_head_gives_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    path.write_text(VALID, encoding="utf-8")
    command = f"{shlex.quote(sys.executable)} -m hipcore assess --json {path} | head -1"
    done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, check=False)
    assert done.stdout == "{\n"
    assert done.stderr == ""


def test_an_unexpected_error_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def broken(*_: object) -> str:
        raise MemoryError

    monkeypatch.setattr(cli, "render_text", broken)
    path = tmp_path / "results.json"
    path.write_text(VALID, encoding="utf-8")
    assert cli.main(["assess", str(path)]) == 1
    assert capsys.readouterr().err == "hipcore: stopped by an unexpected error: MemoryError()\n"


def test_a_catalog_nested_too_deeply_is_called_a_catalog_not_results(tmp_path: Path) -> None:
    deep = catalog_file(tmp_path, "[" * 100 + "]" * 100)
    status, _, err = run_cli(tmp_path, VALID, "--catalog", deep)
    assert status == 2
    assert err.splitlines() == [
        "hipcore: the catalog cannot be read:",
        f"  (catalog): is nested more than {MAX_DEPTH} levels deep: not a catalog",
    ]
    status, _, err = run_cli(tmp_path, "[" * 100 + "]" * 100)
    assert status == 2
    assert f"is nested more than {MAX_DEPTH} levels deep: not a results document" in err
