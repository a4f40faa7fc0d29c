"""hypothesis looks in sys.modules for pytest's own modules, which are always imported under pytest:
``pytest.fail`` in a ``@given`` test is a failure it shrinks and notes its example on, and a note on
``pytest.fail``'s exception is shown below it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@settings(derandomize=True, database=None)
@given(st.integers(min_value=0, max_value=1000))
def test_pytest_fail_is_a_failure_hypothesis_shrinks(number):
    if number > 10:
        pytest.fail(f"too big: {number}")


@settings(derandomize=True, database=None)
@given(st.integers())
def test_pytest_skip_skips(number):
    pytest.skip("skipped inside @given")


def test_a_note_on_pytest_fail():
    try:
        pytest.fail("failed")
    except pytest.fail.Exception as exc:
        exc.add_note("a note below it")
        raise
