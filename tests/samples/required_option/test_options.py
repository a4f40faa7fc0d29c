def test_dsn_comes_from_addopts(dsn):
    assert dsn == "sqlite://memory"


def test_options_have_their_values(pytestconfig):
    assert pytestconfig.getoption("workers") >= 1
    assert pytestconfig.getoption("backend") in ("memory", "disk")
