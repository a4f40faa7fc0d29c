def test_every_configure_called_once(calls):
    # The order differs when sub/conftest.py is an initial conftest (a path under sub/ on the
    # command line): then it registers before pytest_configure is first called.
    assert sorted(calls) == ["late plugin", "root conftest", "sub conftest"]
