"""The harness's JUnit reading, on hand-written XML: every e2e verdict rests on it."""

from harness import junit_nodeid, parse_junit

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites name="pytest tests"><testsuite name="pytest" errors="2" failures="1" skipped="2" tests="7">
<testcase classname="" name="sub.test_broken"><error message="collection failure">x</error></testcase>
<testcase classname="pkg.test_mod.TestOuter.TestInner" name="test_deep[1.5-a.b]" />
<testcase classname="pkg.test_mod" name="test_fails_then_teardown_errors"><failure message="f" /></testcase>
<testcase classname="pkg.test_mod" name="test_fails_then_teardown_errors"><error message="e" /></testcase>
<testcase classname="test_top" name="test_xfail"><skipped type="pytest.xfail" message="r" /></testcase>
<testcase classname="test_top" name="test_skip"><skipped type="pytest.skip" message="r">t</skipped></testcase>
<testcase time="0.000" />
</testsuite></testsuites>
"""


def _sample_tree(root):
    (root / "pkg").mkdir()
    (root / "pkg" / "test_mod.py").write_text("")
    (root / "sub").mkdir()
    (root / "sub" / "test_broken.py").write_text("")
    (root / "test_top.py").write_text("")


def test_classname_is_split_at_the_longest_existing_module(tmp_path):
    _sample_tree(tmp_path)
    nodeid = junit_nodeid("pkg.test_mod.TestOuter.TestInner", "test_deep[1.5-a.b]", tmp_path)
    assert nodeid == "pkg/test_mod.py::TestOuter::TestInner::test_deep[1.5-a.b]"


def test_collection_report_is_keyed_by_file_path(tmp_path):
    _sample_tree(tmp_path)
    assert junit_nodeid("", "sub.test_broken", tmp_path) == "sub/test_broken.py"
    assert junit_nodeid("", "sub", tmp_path) == "sub"


def test_unknown_module_keeps_the_dotted_names(tmp_path):
    assert junit_nodeid("gone.test_x.TestA", "test_y", tmp_path) == "gone.test_x.TestA::test_y"


def test_parse_junit_outcomes_worst_verdict_and_xfail(tmp_path):
    _sample_tree(tmp_path)
    (tmp_path / "junit.xml").write_text(JUNIT)
    report = parse_junit(tmp_path / "junit.xml", tmp_path)
    assert report.problem is None
    assert report.outcomes == {
        "sub/test_broken.py": "error",
        "pkg/test_mod.py::TestOuter::TestInner::test_deep[1.5-a.b]": "passed",
        "pkg/test_mod.py::test_fails_then_teardown_errors": "error",
        "test_top.py::test_xfail": "skipped",
        "test_top.py::test_skip": "skipped",
    }
    assert report.xfailed == {"test_top.py::test_xfail"}
    assert report.testcases.count("pkg/test_mod.py::test_fails_then_teardown_errors") == 2
    assert report.layout["test_top.py::test_xfail"] == (("skipped", "pytest.xfail"),)
    assert report.suite_counts == {"tests": "7", "errors": "2", "failures": "1", "skipped": "2"}


def test_unparsable_junit_is_reported_not_raised(tmp_path):
    (tmp_path / "junit.xml").write_text('<testsuites><testcase name="a\x00b"/></testsuites>')
    report = parse_junit(tmp_path / "junit.xml", tmp_path, "some runner")
    assert report.outcomes == {}
    assert report.problem.startswith("some runner wrote a JUnit XML file that does not parse")
