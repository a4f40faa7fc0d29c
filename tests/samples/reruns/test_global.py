"""Run with --reruns 2 --only-rerun ConnectionError: every test may be rerun, for that error only."""

from attempts import attempt


def test_connection_error_is_rerun():
    if attempt("global_connection") < 3:
        raise ConnectionError("refused")


def test_other_error_is_not_rerun():
    attempt("global_other")
    raise ValueError("bad value")


def test_passes_first_time():
    attempt("global_pass")
