def test_models():
    raise AssertionError("never runs")
