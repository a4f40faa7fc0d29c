def test_in_package_two():
    pass
