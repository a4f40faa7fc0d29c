"""asynctestrun merge (asynctestrun._report.merge): shard reports combined into the report of one run.

The inputs are written by the real JUnit and JSON reporters, so a change to either writer's layout
shows up here. The central check: the reports of three shards, merged, are what one run over all of
their tests writes, apart from timings.
"""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from asynctestrun import cli

# Modules, not names: a TestResult or TestFinished imported here would look like a test class to pytest.
from asynctestrun._model import events, outcomes
from asynctestrun._report.json_report import JsonReporter
from asynctestrun._report.json_schema import JSON_REPORT_SCHEMA, validate
from asynctestrun._report.junit import JUnitReporter
from asynctestrun._report.merge import (
    MergeError,
    Report,
    combine_exit_codes,
    merge_files,
    merge_json,
    merge_junit,
    read_report,
)


def _phase(phase, outcome, duration=0.001, **kwargs):
    return outcomes.PhaseResult(outcomes.Phase(phase), outcomes.PhaseOutcome(outcome), duration, **kwargs)


def _result(nodeid, *phases, **kwargs):
    return outcomes.TestResult(nodeid=nodeid, path=nodeid.split("::")[0], lineno=1, phases=phases, **kwargs)


def _passed(nodeid, **kwargs):
    return _result(
        nodeid, _phase("setup", "passed"), _phase("call", "passed"), _phase("teardown", "passed"), **kwargs
    )


# Reported by every shard: without -n each one collects every file before keeping its own.
BROKEN = outcomes.CollectError("tests/test_broken.py", "ImportError: no module named nope")
SKIPPED_MODULE = _result(
    "tests/test_skipmod.py",
    _phase("setup", "skipped", 0.0, reason="needs S3", message="tests/test_skipmod.py:3"),
)

SHARDS = [
    [
        _passed(
            "tests/test_a.py::test_ok",
            properties=(("ticket", "T-1"),),
            sections=(("Captured stdout call", "hello\n"),),
            loop_scope="function",
            markers=("asyncio",),
        ),
        _result(  # a failing call, then a failing teardown: two testcases in pytest's JUnit layout
            "tests/test_a.py::TestX::test_bad[1-2]",
            _phase("setup", "passed"),
            _phase("call", "failed", longrepr="assert 1 == 2", message="AssertionError: assert 1 == 2"),
            _phase("teardown", "failed", longrepr="RuntimeError: boom", message="RuntimeError: boom"),
        ),
    ],
    [
        _result("tests/test_b.py::test_skip", _phase("setup", "skipped", reason="not today")),
        _result(
            "tests/test_b.py::test_xfail",
            _phase("setup", "passed"),
            _phase("call", "skipped", reason="known", xfail=True),
            _phase("teardown", "passed"),
        ),
        _result(
            "tests/test_c.py::test_setup_error",
            _phase("setup", "failed", longrepr="fixture broke", message="ValueError"),
            _phase("teardown", "passed"),
        ),
    ],
    [
        _result(
            "tests/test_d.py::test_teardown",
            _phase("setup", "passed"),
            _phase("call", "passed"),
            _phase("teardown", "failed", longrepr="RuntimeError: late", message="RuntimeError: late"),
        ),
        _result(
            "tests/test_d.py::test_xpass",
            _phase("setup", "passed"),
            _phase("call", "passed", xfail=True),
            _phase("teardown", "passed"),
        ),
    ],
]


def _write_run(directory, name, results, *, errors=(BROKEN,), exit_code=1, duration=1.0, interrupted=None):
    """Both reports of one run, written by the real reporters from the event stream a session emits."""
    junit = JUnitReporter(directory / f"{name}.xml", logging="all")
    json_report = JsonReporter(directory / f"{name}.json")
    stream = [
        events.SessionStarted("/project", "pytest.ini", "3.11.7", "strict", "asyncio"),
        events.CollectionFinished(tuple(r.nodeid for r in results), tuple(errors), 0),
        *(events.TestFinished(result) for result in results),
        events.SessionFinished(exit_code, duration, interrupted),
    ]
    for event in stream:
        junit.handle(event)
        json_report.handle(event)
    return directory / f"{name}.xml", directory / f"{name}.json"


def _shards_and_single_run(tmp_path):
    shard_files = [
        _write_run(tmp_path, f"shard{i}", [SKIPPED_MODULE, *results], exit_code=1, duration=0.5 + i)
        for i, results in enumerate(SHARDS, start=1)
    ]
    single = _write_run(tmp_path, "single", [SKIPPED_MODULE, *(r for s in SHARDS for r in s)], duration=9.0)
    return shard_files, single


def _reports(paths):
    return [read_report(path) for path in paths]


# -- merged reports look like one run -------------------------------------------------------------------


def test_merged_junit_is_what_one_run_writes(tmp_path):
    shard_files, (single_xml, _) = _shards_and_single_run(tmp_path)
    merged = ET.fromstring(merge_junit(_reports([xml for xml, _ in shard_files])).data)
    single = ET.parse(single_xml).getroot()
    assert merged.tag == single.tag == "testsuites"
    assert merged.attrib == single.attrib
    assert [child.tag for child in merged] == ["testsuite"]
    suite, one_suite = merged[0], single[0]
    assert list(suite.attrib) == list(one_suite.attrib)  # same attributes, in the writer's order
    timings = {"time", "timestamp"}
    assert {k: v for k, v in suite.attrib.items() if k not in timings} == {
        k: v for k, v in one_suite.attrib.items() if k not in timings
    }
    assert suite.get("time") == f"{1.5 + 2.5 + 3.5:.3f}"  # shard times summed
    assert [ET.tostring(case) for case in suite] == [ET.tostring(case) for case in one_suite]
    # Spelled out, so a writer that lost the collection entries cannot make both sides agree on nothing.
    assert (suite.get("tests"), suite.get("errors"), suite.get("failures"), suite.get("skipped")) == (
        "10",
        "4",
        "1",
        "3",
    )
    assert sum(1 for case in suite if case.get("classname") == "") == 2  # collection error, module skip


def test_merged_json_is_what_one_run_writes(tmp_path):
    shard_files, (_, single_json) = _shards_and_single_run(tmp_path)
    merged = json.loads(merge_json(_reports([js for _, js in shard_files])).data)
    single = json.loads(single_json.read_text())
    assert validate(merged, JSON_REPORT_SCHEMA) == []
    assert merged["duration"] == 1.5 + 2.5 + 3.5  # summed: the machine time of the whole suite
    assert {k: v for k, v in merged.items() if k != "duration"} == {
        k: v for k, v in single.items() if k != "duration"
    }
    assert merged["totals"] == {
        "skipped": 2,
        "passed": 2,
        "failed": 1,
        "error": 4,
        "xfailed": 1,
        "xpassed": 1,
    }
    assert [e["nodeid"] for e in merged["collection_errors"]] == ["tests/test_broken.py"]


def test_merge_files_writes_the_output_of_the_inputs_kind(tmp_path):
    shard_files, _ = _shards_and_single_run(tmp_path)
    out = tmp_path / "out" / "all.json"
    line = merge_files([js for _, js in shard_files], junitxml=None, json_report=out)
    assert line.startswith(f"merged 3 JSON reports into {out}: ")
    assert "(exit code 1)" in line
    assert json.loads(out.read_text())["exit_code"] == 1
    out_xml = tmp_path / "all.xml"
    line = merge_files([xml for xml, _ in shard_files], junitxml=out_xml, json_report=None)
    assert line == f"merged 3 JUnit XML reports into {out_xml}: 10 tests, 1 failures, 4 errors, 3 skipped"


def test_a_merged_report_merges_again(tmp_path):
    shard_files, _ = _shards_and_single_run(tmp_path)
    (x1, _), (x2, _), (x3, _) = shard_files
    first = tmp_path / "first.xml"
    merge_files([x1, x2], junitxml=first, json_report=None)
    again = ET.fromstring(merge_junit(_reports([first, x3])).data)
    at_once = ET.fromstring(merge_junit(_reports([x1, x2, x3])).data)
    assert [ET.tostring(c) for c in again[0]] == [ET.tostring(c) for c in at_once[0]]
    assert again[0].get("tests") == at_once[0].get("tests")


def test_junit_suite_metadata(tmp_path):
    def suite(name, timestamp, hostname, properties=""):
        path = tmp_path / f"{name}.xml"
        path.write_text(
            f'<testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="0" skipped="0" '
            f'tests="1" time="0.250" timestamp="{timestamp}" hostname="{hostname}">{properties}'
            f'<testcase classname="t_{name}" name="test" time="0.2"/></testsuite></testsuites>'
        )
        return path

    shared = '<properties><property name="commit" value="abc"/></properties>'
    paths = [
        suite("one", "2024-05-01T10:00:05+00:00", "runner-1", shared),
        suite("two", "2024-05-01T09:59:58+00:00", "runner-2", shared),
        suite("three", "2024-05-01T10:00:01+00:00", "runner-1"),
    ]
    merged = ET.fromstring(merge_junit(_reports(paths)).data)[0]
    assert merged.get("timestamp") == "2024-05-01T09:59:58+00:00"  # the earliest: when the run began
    assert merged.get("hostname") == "runner-1, runner-2"
    assert merged.get("tests") == "3"
    assert merged.get("time") == "0.750"
    assert [child.tag for child in merged] == ["properties", "testcase", "testcase", "testcase"]
    assert len(merged[0]) == 1  # one distinct property, once


# -- exit codes -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codes", "combined"),
    [
        ([0, 0, 0], 0),
        ([0, 1, 0], 1),
        ([1, 2, 0], 2),  # interrupted (or collection errors) beats failed
        ([2, 1], 2),
        ([5, 5, 5], 5),  # no shard had tests: no tests
        ([5, 0, 5], 0),  # a shard with nothing to do does not spoil a passing run
        ([5, 1], 1),
        ([0, 4, 2], 4),
        ([3, 4, 2], 3),
        ([0, 42, 2], 42),  # pytest.exit(returncode=42): the user's own code
        ([7, 42], 7),  # the first of equally bad codes
        ([1], 1),
    ],
)
def test_combine_exit_codes(codes, combined):
    assert combine_exit_codes(codes) == combined


def test_json_exit_code_interruptions_and_environment(tmp_path):
    _, first = _write_run(tmp_path, "r1", SHARDS[0], exit_code=1, interrupted="stopping after 1 failures")
    _, second = _write_run(tmp_path, "r2", SHARDS[1], errors=(), exit_code=5)
    _, third = _write_run(tmp_path, "r3", SHARDS[2], errors=(), exit_code=2, interrupted="KeyboardInterrupt")
    data = json.loads(first.read_text())
    data["environment"] = {"python": "3.12.1", "platform": "darwin"}
    first.write_text(json.dumps(data))
    merged = json.loads(merge_json(_reports([first, second, third])).data)
    assert merged["exit_code"] == 2
    assert merged["interrupted"] == "stopping after 1 failures; KeyboardInterrupt"
    assert merged["environment"] == {"python": "3.12.1", "platform": "darwin"}  # the first input's


# -- refused input --------------------------------------------------------------------------------------


def test_a_test_in_two_reports_is_refused_naming_both(tmp_path):
    x1, j1 = _write_run(tmp_path, "one", SHARDS[0])
    x2, j2 = _write_run(tmp_path, "two", [*SHARDS[1], SHARDS[0][0]])
    with pytest.raises(MergeError, match=r"tests/test_a.py::test_ok is in both .*one.json and .*two.json"):
        merge_json(_reports([j1, j2]))
    with pytest.raises(
        MergeError,
        match=r'<testcase classname="tests.test_a" name="test_ok"> is in both .*one.xml and .*two.xml',
    ):
        merge_junit(_reports([x1, x2]))


def test_the_same_file_twice_is_refused(tmp_path, monkeypatch):
    xml, _ = _write_run(tmp_path, "one", SHARDS[0])
    with pytest.raises(MergeError, match=r"one\.xml is given twice"):
        merge_files([xml, xml], junitxml=tmp_path / "all.xml", json_report=None)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(MergeError, match=r"/one.xml and one.xml are one file"):
        merge_files([xml, Path("one.xml")], junitxml=tmp_path / "all.xml", json_report=None)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read {path}: No such file or directory"),
        ("", "{path} is neither a JUnit XML report nor a JSON report"),
        ("tests passed\n", "{path} is neither a JUnit XML report nor a JSON report"),
        ("<testsuites><testsuite>", "{path} is not well-formed XML"),
        ("<html><body/></html>", "{path} is not a JUnit XML report: its root element is <html>"),
        ('<testsuite tests="x" errors="0" failures="0" skipped="0" time="1"/>', "no valid 'tests' attribute"),
        ('<testsuite tests="1" errors="0" failures="0" skipped="0"/>', "no valid 'time' attribute"),
        ('{"schema_version": 1,', "{path} is not valid JSON"),
        (
            '{"tests": []}',
            '{path} is not an asynctestrun JSON report: $: missing required property "schema_version"',
        ),
    ],
)
def test_bad_input_names_the_file(tmp_path, content, message):
    path = tmp_path / "shard-2.report"
    if content is not None:
        path.write_text(content)
    xml = (content or "").startswith("<")
    with pytest.raises(MergeError) as caught:
        merge_files(
            [path],
            junitxml=tmp_path / "all.xml" if xml else None,
            json_report=None if xml else tmp_path / "all.json",
        )
    assert message.format(path=path) in str(caught.value)


def test_json_from_a_newer_schema_is_refused(tmp_path):
    _, path = _write_run(tmp_path, "one", SHARDS[0])
    data = json.loads(path.read_text())
    data["schema_version"] = 2
    path.write_text(json.dumps(data))
    with pytest.raises(
        MergeError, match=r"one.json is not an asynctestrun JSON report: \$.schema_version: 2"
    ):
        merge_json(_reports([path]))


def test_kinds_do_not_mix(tmp_path):
    xml, js = _write_run(tmp_path, "one", SHARDS[0])
    with pytest.raises(MergeError, match=r"cannot merge a JUnit XML report \(.*one.xml\) with a JSON report"):
        merge_files([xml, js], junitxml=tmp_path / "all.xml", json_report=tmp_path / "all.json")
    with pytest.raises(
        MergeError, match="the inputs are JSON reports, so they merge into --json-report only"
    ):
        merge_files([js], junitxml=tmp_path / "all.xml", json_report=None)
    with pytest.raises(MergeError, match="nothing to write"):
        merge_files([js], junitxml=None, json_report=None)
    assert not (tmp_path / "all.xml").exists()
    assert not (tmp_path / "all.json").exists()


def test_a_refused_merge_writes_nothing(tmp_path):
    x1, _ = _write_run(tmp_path, "one", SHARDS[0])
    x2, _ = _write_run(tmp_path, "two", SHARDS[0])
    out = tmp_path / "all.xml"
    out.write_text("previous")
    with pytest.raises(MergeError):
        merge_files([x1, x2], junitxml=out, json_report=None)
    assert out.read_text() == "previous"


# -- the command ----------------------------------------------------------------------------------------


def test_command_exit_codes_and_messages(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shard_files, _ = _shards_and_single_run(tmp_path)
    names = [js.name for _, js in shard_files]
    assert cli.run(["merge", *names, "--json-report", "all.json"]) == 0
    assert "merged 3 JSON reports into all.json" in capsys.readouterr().out
    assert cli.run(["merge", names[0], names[0], "--json-report", "again.json"]) == 4
    assert f"Error: {names[0]} is given twice" in capsys.readouterr().err
    assert cli.run(["merge", "--json-report", "again.json"]) == 4  # no inputs
    assert "Missing argument" in capsys.readouterr().err
    assert cli.run(["merge", "missing.json", "--json-report", "again.json"]) == 4
    assert "cannot read missing.json" in capsys.readouterr().err
    assert cli.run(["merge", "--help"]) == 0
    assert "--json-report PATH" in capsys.readouterr().out
    assert not (tmp_path / "again.json").exists()


def test_report_type_is_recognised_by_content_not_name(tmp_path):
    xml, js = _write_run(tmp_path, "one", SHARDS[0])
    assert read_report(xml.rename(tmp_path / "junit.json")).kind == "junit"
    assert read_report(js.rename(tmp_path / "report.xml")).kind == "json"
    bom = tmp_path / "bom.xml"
    bom.write_bytes(b"\xef\xbb\xbf\n" + (tmp_path / "junit.json").read_bytes())
    assert read_report(bom) == Report(bom, "junit", bom.read_bytes())
