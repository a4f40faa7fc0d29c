def test_offline_one():
    pass
