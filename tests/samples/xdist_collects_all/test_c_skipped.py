"""A module skipped as it is collected: reported once, by the worker that runs it."""

import pytest

pytest.skip("not on this platform", allow_module_level=True)


def test_never_collected():
    pass
