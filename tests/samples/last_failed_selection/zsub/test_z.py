def test_z1():
    assert False


def test_z2():
    pass
