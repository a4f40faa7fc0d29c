"""A test's own filterwarnings marks: the top decorator wins over the ones below it, a
``pytest.param`` mark over the decorators, a mark's last argument over its first, any mark over
the ini's ``filterwarnings``."""

import warnings

import pytest


@pytest.mark.filterwarnings("ignore::FutureWarning")
@pytest.mark.filterwarnings("error::FutureWarning")
def test_top_ignore_wins():
    warnings.warn("future", FutureWarning, stacklevel=1)


@pytest.mark.filterwarnings("error::FutureWarning")
@pytest.mark.filterwarnings("ignore::FutureWarning")
def test_top_error_wins():
    warnings.warn("future", FutureWarning, stacklevel=1)


@pytest.mark.parametrize(
    "action", [pytest.param("error", marks=pytest.mark.filterwarnings("error::SyntaxWarning")), "plain"]
)
@pytest.mark.filterwarnings("ignore::SyntaxWarning")
def test_param_mark_wins(action):
    warnings.warn("syntax", SyntaxWarning, stacklevel=1)


@pytest.mark.filterwarnings("ignore::RuntimeWarning", "error::RuntimeWarning")
def test_last_argument_wins():
    warnings.warn("runtime", RuntimeWarning, stacklevel=1)


@pytest.mark.filterwarnings("error::UserWarning")
def test_mark_beats_ini():
    warnings.warn("user", UserWarning, stacklevel=1)
