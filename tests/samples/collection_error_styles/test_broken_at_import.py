import broken_helper  # noqa: F401


def test_never_collected():
    pass
