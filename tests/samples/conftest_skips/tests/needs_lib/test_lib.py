def test_uses_the_library():
    pass
