def test_the_run_went_on(pytestconfig):
    assert "no:unwanted" not in pytestconfig.option.plugins
