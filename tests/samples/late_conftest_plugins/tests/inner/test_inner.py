def test_inner():
    pass
