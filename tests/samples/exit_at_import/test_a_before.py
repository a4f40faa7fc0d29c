def test_before():
    pass
