def test_after():
    pass
