"""Its import warns: under filterwarnings = error the module is a collection error."""

import legacy  # noqa: F401


def test_never_runs():
    pass
