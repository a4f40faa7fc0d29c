from helpers import load

load()


def test_never_collected():
    pass
