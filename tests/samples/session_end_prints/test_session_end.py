def test_passes():
    pass


def test_fails():
    assert 1 + 1 == 3


def test_passes_too():
    pass
