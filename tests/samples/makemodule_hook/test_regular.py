def test_regular():
    pass
