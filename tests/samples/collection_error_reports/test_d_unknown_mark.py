import pytest


# Under --strict-markers using an unknown mark fails the module when it is imported, whichever of its
# tests -k selects.
@pytest.mark.known
def test_selected():
    pass


@pytest.mark.not_registered
def test_deselected():
    pass
