def test_options(pytestconfig):
    assert pytestconfig.demo == (["a", "b"], False)
