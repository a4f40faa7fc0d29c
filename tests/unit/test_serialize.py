"""event_to_json / event_from_json (asynctestrun._model.serialize), JsonLinesReporter (_report.jsonlines)."""

import io
import json
import math
import typing

import pytest

# Test* model classes are used through their modules, so neither runner tries to collect them.
from asynctestrun._model import events, outcomes
from asynctestrun._model.events import (
    CollectionFinished,
    Event,
    LoopScopeClosed,
    LoopScopeOpened,
    SessionFinished,
    SessionStarted,
    WarningRaised,
)
from asynctestrun._model.outcomes import CollectError, Phase, PhaseOutcome, PhaseResult
from asynctestrun._model.serialize import DecodeError, event_from_json, event_to_json
from asynctestrun._report.jsonlines import JsonLinesReporter

FULL_RESULT = outcomes.TestResult(
    nodeid="tests/test_a.py::TestX::test_b[1-ü]",
    path="tests/test_a.py",
    lineno=12,
    phases=(
        PhaseResult(Phase.SETUP, PhaseOutcome.PASSED, 0.001),
        PhaseResult(
            Phase.CALL,
            PhaseOutcome.FAILED,
            0.1 + 0.2,  # not a "round" float: repr precision must survive
            longrepr="def test():\n>   assert 1 == 2\nE   assert 1 == 2\n\udcff",
            message="AssertionError: assert 1 == 2",
        ),
        PhaseResult(
            Phase.TEARDOWN, PhaseOutcome.SKIPPED, 1e-9, reason="why", xfail=True, strict_xpass=True
        ),
    ),
    sections=(("Captured stdout call", "hello \x00 \u2603\n"), ("Captured log", "")),
    warnings=("a leak",),
    loop_scope="module",
    markers=("asyncio", "slow"),
)

SAMPLES = [
    SessionStarted("/root/dir", None, "3.12.1", "strict", "uvloop"),
    SessionStarted("/root/dir", "pyproject.toml", "3.12.1", "auto", "asyncio"),
    CollectionFinished((), (), 0),
    CollectionFinished(
        ("a.py::t", "b.py::t[x]"),
        (CollectError("c.py", "Traceback...\nImportError: no", "ImportError: no"), CollectError("d.py", "x")),
        7,
        ("run-last-failure: rerun previous 2 failures",),
    ),
    LoopScopeOpened("session", "session"),
    LoopScopeClosed("module", "tests/test_a.py"),
    events.TestStarted("a.py::t", "a.py", None),
    events.TestStarted("a.py::t", "a.py", "class"),
    events.TestFinished(outcomes.TestResult("a.py::t", "a.py", None, ())),
    events.TestFinished(FULL_RESULT),
    events.PhaseReported(FULL_RESULT),
    events.FixtureShown("SETUP", "module", "conn", ("database",), "'one'"),
    events.FixtureShown("TEARDOWN", "function", "x"),
    events.TestShown("a.py::t[1]", ("conn", "request", "x"), called=False),
    events.LiveLogged("call", "INFO     svc:test_x.py:3 started"),
    WarningRaised("deprecated"),
    WarningRaised("leak", "a.py::t", "LeakWarning", "a.py:3"),
    events.SuitePropertyRecorded("ARCH", "PPC"),
    SessionFinished(0, 1.5),
    SessionFinished(2, math.inf, "KeyboardInterrupt"),
]


@pytest.mark.parametrize("event", SAMPLES, ids=lambda e: type(e).__name__)
def test_round_trip_is_exact(event):
    text = event_to_json(event)
    back = event_from_json(text)
    assert back == event
    assert type(back) is type(event)
    assert event_from_json(text.encode()) == event


def test_every_event_type_is_covered():
    assert {type(e) for e in SAMPLES} == set(typing.get_args(Event))


def test_nested_types_come_back_as_declared():
    back = event_from_json(event_to_json(events.TestFinished(FULL_RESULT)))
    assert isinstance(back, events.TestFinished)
    assert isinstance(back.result.phases, tuple)
    assert back.result.phases[1].phase is Phase.CALL
    assert back.result.phases[1].outcome is PhaseOutcome.FAILED
    assert back.result.phases[1].duration == 0.1 + 0.2
    assert back.result.sections[0] == ("Captured stdout call", "hello \x00 \u2603\n")
    assert isinstance(back.result.sections[0], tuple)


def test_a_line_is_one_line_of_ascii():
    text = event_to_json(events.TestFinished(FULL_RESULT))
    assert "\n" not in text
    assert text.isascii()
    assert json.loads(text)["event"] == "TestFinished"


def test_defaults_may_be_left_out():
    text = '{"event":"WarningRaised","data":{"message":"m"}}'
    assert event_from_json(text) == WarningRaised("m")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "expected an object"),
        ('{"event":"Nope","data":{}}', "unknown event type 'Nope'"),
        ('{"event":"TestStarted","data":{"nodeid":"a","path":"a"}}', "missing field 'loop_scope'"),
        ('{"event":"TestStarted","data":{"nodeid":"a","path":"a","loop_scope":null,"x":1}}', "unknown"),
        ('{"event":"SessionFinished","data":{"exit_code":"0","duration":1.0}}', "expected an integer"),
        ('{"event":"SessionFinished","data":{"exit_code":true,"duration":1.0}}', "expected an integer"),
        ('{"event":"SessionFinished","data":{"exit_code":0,"duration":"1"}}', "expected a number"),
        ('{"event":"CollectionFinished","data":{"nodeids":"a","errors":[],"deselected":0}}', "expected list"),
    ],
)
def test_malformed_lines_raise_decode_error(text, match):
    with pytest.raises(DecodeError, match=match):
        event_from_json(text)


def test_bad_enum_value_is_a_decode_error():
    data = json.loads(event_to_json(events.TestFinished(FULL_RESULT)))
    data["data"]["result"]["phases"][0]["phase"] = "lunch"
    with pytest.raises(DecodeError, match="'lunch' is not a Phase"):
        event_from_json(json.dumps(data))


def test_non_events_are_refused():
    with pytest.raises(TypeError, match="not an event"):
        event_to_json(FULL_RESULT)  # type: ignore[arg-type]


@pytest.mark.parametrize("binary", [True, False])
def test_jsonlines_reporter_writes_one_line_per_event_flushing_the_milestones(binary):
    class Recording(io.BytesIO if binary else io.StringIO):  # type: ignore[misc]
        flushes = 0

        def flush(self):
            Recording.flushes += 1
            super().flush()

    stream = Recording()
    reporter = JsonLinesReporter(stream)
    for event in SAMPLES:
        reporter.handle(event)
    raw = stream.getvalue()
    text = raw.decode("ascii") if binary else raw
    lines = text.splitlines()
    # Loop scopes opening and closing are not sent: no reporter in the parent reads them; nor are
    # --setup-show's lines, which workers keep.
    unsent = (LoopScopeOpened, LoopScopeClosed, events.FixtureShown, events.TestShown, events.LiveLogged)
    sent = [e for e in SAMPLES if not isinstance(e, unsent)]
    assert [event_from_json(line) for line in lines] == sent
    assert text.endswith("\n")
    # A crash is told from a slow test by the last start or finish the parent received.
    milestones = (events.TestStarted, events.TestFinished, events.SessionStarted, events.CollectionFinished)
    milestones += (events.SessionFinished,)
    assert Recording.flushes == sum(isinstance(e, milestones) for e in SAMPLES)
    assert 0 < Recording.flushes < len(sent)
