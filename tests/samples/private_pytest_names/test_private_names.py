import inspect

import pytest
from _pytest._code import getfslineno
from _pytest._io.saferepr import saferepr
from _pytest.assertion.util import _compare_eq_any
from _pytest.compat import safe_getattr
from _pytest.skipping import evaluate_xfail_marks
from _pytest.terminal import format_session_duration

from conftest import STAMPS, QuietReporter


def test_saferepr_shortens_long_values():
    assert saferepr("abc") == "'abc'"
    long = saferepr("x" * 1000)
    assert len(long) == 240
    assert "..." in long


def test_compare_eq_any_gives_the_detail_lines():
    lines = list(_compare_eq_any([1, 2, 3], [1, 2, 4], lambda source, **kwargs: source, 0, "ndiff"))
    assert "At index 2 diff: 3 != 4" in lines


def test_format_session_duration():
    assert format_session_duration(1.5) == "1.50s"
    assert format_session_duration(75.1) == "75.10s (0:01:15)"


class Broken:
    @property
    def value(self):
        raise RuntimeError("no")


def test_safe_getattr_answers_the_default():
    assert safe_getattr(Broken(), "value", 5) == 5


def test_getfslineno_names_the_definition():
    path, lineno = getfslineno(test_getfslineno_names_the_definition)
    assert str(path) == __file__
    assert lineno == inspect.getsourcelines(test_getfslineno_names_the_definition)[1] - 1


@pytest.mark.xfail(True, reason="evaluated")
def test_evaluate_xfail_marks_reads_the_mark(request):
    found = evaluate_xfail_marks(request.node)
    assert (found.reason, found.run, found.strict) == ("evaluated", True, False)
    raise AssertionError("expected to fail")


@pytest.mark.stamped
def test_a_collection_hook_added_a_fixture():
    assert STAMPS == ["set up"]


def test_the_added_fixture_was_torn_down():
    assert STAMPS == ["set up", "torn down"]


def test_the_replacement_reporter_is_the_registered_one(pytestconfig):
    assert isinstance(pytestconfig.pluginmanager.getplugin("terminalreporter"), QuietReporter)
