def test_three():
    pass


def test_four_fails():
    assert False
