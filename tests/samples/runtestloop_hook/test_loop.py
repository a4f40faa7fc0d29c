import warnings

import pytest

pytestmark = pytest.mark.mod


def test_warning_ignored_by_the_session_mark():
    warnings.warn("ignored by the session's mark", UserWarning)


@pytest.mark.asyncio
async def test_async_warning_ignored_by_the_session_mark():
    warnings.warn("ignored by the session's mark", UserWarning)


def test_other_warning_still_an_error():
    warnings.warn("not a UserWarning", RuntimeWarning)


@pytest.mark.klass
class TestMarks:
    @pytest.mark.slow
    def test_session_mark_comes_last(self, request):
        assert [mark.name for mark in request.node.iter_markers()] == ["slow", "klass", "mod", "filterwarnings"]
        assert request.node.get_closest_marker("filterwarnings").args == ("ignore::UserWarning",)
        assert request.session.get_closest_marker("filterwarnings").args == ("ignore::UserWarning",)
