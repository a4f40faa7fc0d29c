"""pytest rewrites the asserts of installed plugins: pytest-mock wraps unittest.mock's assert methods
(whether or not a test uses ``mocker``) and, with its own asserts rewritten, adds "pytest
introspection follows" to a failure (needs pytest-mock)."""

from unittest.mock import AsyncMock, Mock


def test_called_with_other_arguments():
    mock = Mock()
    mock(1, key="a")
    mock.assert_called_with(2, key="b")


async def test_awaited_with_other_arguments():
    mock = AsyncMock()
    await mock("x")
    mock.assert_awaited_with("y")


def test_called_as_expected(mocker):
    stub = mocker.stub()
    stub(1)
    stub.assert_called_once_with(1)
