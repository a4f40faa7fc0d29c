def test_conftest_subclassing_pytest_internals_loads(failure_repr):
    assert failure_repr.message == "example failed"
