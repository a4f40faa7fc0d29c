def test_passes():
    pass


def test_fails():
    raise AssertionError("run by the conftest's tryfirst hook, so it fails")
