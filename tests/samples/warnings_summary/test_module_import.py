import warnings

warnings.warn("raised while the module imports", UserWarning)


def test_plain():
    pass
