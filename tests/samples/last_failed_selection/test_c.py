def test_c1():
    assert False
