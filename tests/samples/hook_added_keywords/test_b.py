def test_in_b():
    pass


def test_also_in_b():
    pass
