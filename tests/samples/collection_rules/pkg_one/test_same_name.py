def test_in_package_one():
    pass
