"""An unregistered mark warns where it is used: under error, the module fails to collect."""

import pytest


@pytest.mark.not_registered
def test_never_runs():
    pass
