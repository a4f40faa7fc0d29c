"""JUnit's classname/name split of a node id, as pytest's JUnit writer makes it."""

from __future__ import annotations

import pytest

from asynctestrun._report.junit import split_nodeid


@pytest.mark.parametrize(
    ("nodeid", "expected"),
    [
        ("tests/test_a.py::test_x", ("tests.test_a", "test_x")),
        ("tests/test_a.py::TestC::test_x[1-2]", ("tests.test_a.TestC", "test_x[1-2]")),
        # A parameter id holding "::" (an IPv6 URL) is not a node boundary.
        ("test_a.py::test_u[http://[::1]:8080]", ("test_a", "test_u[http://[::1]:8080]")),
        ("test_a.py::TestC::test_u[a::b]", ("test_a.TestC", "test_u[a::b]")),
        ("pkg/test_a.py", ("", "pkg.test_a")),
    ],
)
def test_split_nodeid(nodeid: str, expected: tuple[str, str]) -> None:
    assert split_nodeid(nodeid) == expected
