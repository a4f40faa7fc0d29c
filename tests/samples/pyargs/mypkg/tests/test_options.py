def test_the_option_says_pyargs(pytestconfig):
    assert pytestconfig.getoption("pyargs") is True
