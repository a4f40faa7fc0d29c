def test_first_failure():
    assert 1 == 2


def test_passes():
    pass


def test_last_failure():
    assert 2 == 3
