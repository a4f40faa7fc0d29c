def test_uses_the_helper(helper):
    assert helper == 1
