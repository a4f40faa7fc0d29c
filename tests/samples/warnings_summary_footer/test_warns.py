import warnings


def test_warns():
    warnings.warn("careful", UserWarning)


def test_fails():
    assert 0
