"""The text of JUnit failure and error elements, as pytest writes it (``str(report.longrepr)``)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from harness import reference_python, run_asynctestrun, run_both


def _texts(junit: Path) -> dict[tuple[str, str, str], str]:
    texts = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        for node in case:
            if node.tag in ("failure", "error"):
                text = re.sub(r" at 0x[0-9a-f]+", " at 0xADDR", node.text or "")
                texts[case.get("classname", ""), case.get("name", ""), node.tag] = text
    return texts


def test_failure_text_is_stripped(tmp_path):
    result = run_asynctestrun("junit_failure_text", tmp_root=tmp_path)
    texts = _texts(result.workdir.parent / "junit.xml")
    # No leading blank line; a frame without arguments starts at its "def", unindented.
    assert texts["test_texts", "test_without_arguments", "failure"].startswith(
        "def test_without_arguments():\n>       assert 1 == 2"
    )
    assert texts["test_texts", "test_with_an_argument", "failure"].startswith("value = 1\n\n    def")
    assert texts["test_texts", "test_fail_without_traceback", "failure"] == "plain message"


def test_failure_texts_read_as_pytests(tmp_path):
    if reference_python()[0] is None:
        pytest.skip("no reference pytest to compare with")
    reference, candidate = run_both("junit_failure_text", tmp_root=tmp_path)
    expected = _texts(reference.workdir.parent / "junit.xml")
    got = _texts(candidate.workdir.parent / "junit.xml")
    assert got == expected


def _skip_texts(junit: Path, workdir: Path) -> dict[tuple[str, str], str]:
    texts = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        for node in case.iter("skipped"):
            text = (node.text or "").replace(str(workdir.resolve()), "<SAMPLE>")
            texts[case.get("classname", ""), case.get("name", "")] = text
    return texts


def test_skip_texts_name_the_absolute_place_as_pytests(tmp_path):
    # "/abs/test_x.py:12: reason", with the line even where -rs folds a class's skips into one line,
    # and a module skipped while collecting as pytest's (path, line, message) tuple.
    result = run_asynctestrun("marks", tmp_root=tmp_path)
    texts = _skip_texts(result.workdir.parent / "junit.xml", result.workdir)
    skips = [text for text in texts.values() if text]  # an xfail's element has no text
    assert skips and all(text.startswith(("<SAMPLE>/", "('<SAMPLE>/")) for text in skips), texts
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("marks", tmp_root=tmp_path)
    expected = _skip_texts(reference.workdir.parent / "junit.xml", reference.workdir)
    assert _skip_texts(candidate.workdir.parent / "junit.xml", candidate.workdir) == expected


def _places(junit: Path) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    return {
        (case.get("classname", ""), case.get("name", "")): (case.get("file"), case.get("line"))
        for case in ET.parse(junit).getroot().iter("testcase")
    }


def test_xunit1_testcases_name_their_file_and_line_as_pytests(tmp_path):
    # pytest's report.location: the rootdir-relative file and the 0-based line of the definition (its
    # first decorator); a module skipped while collecting has a file and no line.
    result = run_asynctestrun("junit_family_xunit1", tmp_root=tmp_path)
    places = _places(result.workdir.parent / "junit.xml")
    assert places["test_places", "test_decorated"] == ("test_places.py", "9")
    assert places["", "sub.test_skipped_module"] == ("sub/test_skipped_module.py", None)
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("junit_family_xunit1", tmp_root=tmp_path)
    assert _places(candidate.workdir.parent / "junit.xml") == _places(reference.workdir.parent / "junit.xml")


def test_junit_prefix_starts_every_classname_as_pytests(tmp_path):
    # --junitprefix: before a test's module path, and alone as the classname of a module's collection
    # report (which has none without it). It was accepted and ignored.
    result = run_asynctestrun("junit_family_xunit1", "--junitprefix=ci.shard1", tmp_root=tmp_path)
    names = set(_places(result.workdir.parent / "junit.xml"))
    assert ("ci.shard1.test_places.TestInClass", "test_method[1]") in names
    assert ("ci.shard1", "sub.test_skipped_module") in names
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("junit_family_xunit1", "--junitprefix=ci.shard1", tmp_root=tmp_path)
    assert set(_places(candidate.workdir.parent / "junit.xml")) == set(_places(reference.workdir.parent / "junit.xml"))


def _captured(junit: Path) -> list[tuple[str, str, str, str]]:
    return [
        (case.get("classname", ""), case.get("name", ""), node.tag, node.text or "")
        for case in ET.parse(junit).getroot().iter("testcase")
        for node in case
        if node.tag in ("system-out", "system-err")
    ]


def test_captured_output_is_written_under_pytests_headings(tmp_path):
    # junit_logging = all: the log and stdout share a system-out, each under its dashed heading, even
    # when empty; junit_log_passing_tests (true by default) has a passing test's teardown write it.
    result = run_asynctestrun("junit_logging_sections", tmp_root=tmp_path)
    captured = _captured(result.workdir.parent / "junit.xml")
    silent = [text for classname, name, _, text in captured if name == "test_silent"]
    assert silent == [
        f"{' Captured Log '.center(80, '-')}\n\n{' Captured Out '.center(80, '-')}\n\n",
        f"{' Captured Err '.center(80, '-')}\n\n",
    ]
    if reference_python()[0] is None:
        return
    for args in ((), ("-o", "junit_logging=out-err", "-o", "junit_log_passing_tests=false")):
        reference, candidate = run_both("junit_logging_sections", *args, tmp_root=tmp_path)
        expected = _captured(reference.workdir.parent / "junit.xml")
        assert _captured(candidate.workdir.parent / "junit.xml") == expected


def _times(junit: Path) -> dict[str, float]:
    return {
        case.get("name", ""): float(case.get("time", "0"))
        for case in ET.parse(junit).getroot().iter("testcase")
    }


def test_call_duration_report_times_the_call_alone(tmp_path):
    # 0.4 s of set-up and teardown around an empty call; a 0.3 s call with nothing around it.
    results = [run_asynctestrun("junit_duration_call", tmp_root=tmp_path)]
    if reference_python()[0] is not None:
        results.extend(run_both("junit_duration_call", tmp_root=tmp_path))
    for result in results:
        times = _times(result.workdir.parent / "junit.xml")
        assert times["test_quick_call"] < 0.15, times
        assert times["test_slow_call"] >= 0.29, times


def _recorded(junit: Path) -> tuple[list[dict[str, str]], list[tuple[str | None, str | None]]]:
    """Each testcase's attributes (its time aside) and the testsuite's properties."""
    root = ET.parse(junit).getroot()
    cases = [
        {key: value for key, value in case.attrib.items() if key != "time"} for case in root.iter("testcase")
    ]
    suite = root.find("testsuite")
    assert suite is not None
    properties = [(p.get("name"), p.get("value")) for p in suite.findall("properties/property")]
    return cases, properties


@pytest.mark.parametrize("args", [(), ("-o", "junit_family=xunit1")], ids=["xunit2", "xunit1"])
def test_recorded_attributes_and_suite_properties_are_pytests(tmp_path, args):
    # record_xml_attribute adds attributes under xunit1 only (one may overwrite "file"), never a
    # property; record_testsuite_property's calls are the suite's properties, duplicates kept.
    result = run_asynctestrun("junit_record_values", *args, tmp_root=tmp_path)
    cases, properties = _recorded(result.workdir.parent / "junit.xml")
    assert properties == [("ARCH", "PPC"), ("STORAGE", "3"), ("ARCH", "ARM"), ("STORAGE", "3")]
    attribute = next(case for case in cases if case["name"] == "test_record_xml_attribute")
    assert ("assertions" in attribute) == bool(args)
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("junit_record_values", *args, tmp_root=tmp_path)
    assert _recorded(candidate.workdir.parent / "junit.xml") == _recorded(
        reference.workdir.parent / "junit.xml"
    )
