def test_a(value):
    assert value == 1
