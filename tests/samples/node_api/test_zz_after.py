from test_nodes import EVENTS


def test_module_finalizer_ran_when_its_module_ended():
    assert EVENTS == ["module finalizer"]
