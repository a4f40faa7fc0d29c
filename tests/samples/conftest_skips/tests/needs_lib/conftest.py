# A directory whose tests need an optional library: the usual recipe skips all of them.
import pytest

pytest.importorskip("a_library_nobody_installed")
