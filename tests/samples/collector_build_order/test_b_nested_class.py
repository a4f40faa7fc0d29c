"""An outer class builds its own tests before it collects the class nested in it: the outer test that
cannot be built fails the outer class, and the nested class (whose test cannot be built either) is
never reached."""

import pytest


class TestOuter:
    def test_fine(self):
        pass

    class TestInner:
        @pytest.mark.parametrize("x", [1], ids=["a", "b"])
        def test_bad_inner(self, x):
            pass

    @pytest.mark.parametrize("y", [1, 2], ids=["only-one"])
    def test_bad_outer(self, y):
        pass


class TestSibling:
    def test_runs(self):
        pass
