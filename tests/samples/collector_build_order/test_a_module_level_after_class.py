"""A class whose test cannot be built, above a module-level test that cannot be built either: pytest
builds every module-level test before it collects any class, so the module fails as a whole and the
class is never reached (one error, the module's)."""

import pytest


class TestFirst:
    @pytest.mark.parametrize("x", [1], ids=["a", "b"])
    def test_bad_in_class(self, x):
        pass

    def test_fine_in_class(self):
        pass


@pytest.mark.parametrize("y", [1, 2], ids=["only-one"])
def test_bad_at_module_level(y):
    pass


def test_fine():
    pass
