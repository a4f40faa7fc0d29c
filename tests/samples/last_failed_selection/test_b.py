"""No recorded failure, and no longer importable: --lf does not read it, so no collection error."""

import no_such_module  # noqa: F401


def test_b1():
    pass
