def test_collected_only_without_the_conftest():
    assert True
