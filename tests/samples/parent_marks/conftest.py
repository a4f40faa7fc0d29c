import pytest


def pytest_collection_modifyitems(items):
    # Marks go on the tests' parents, not the tests: a class named *WithRequest, and one module.
    for item in items:
        parent = item.parent
        if parent.name.endswith("WithRequest") and not parent.get_closest_marker("req"):
            parent.add_marker(pytest.mark.req)
        elif parent.name == "test_offline.py" and not parent.get_closest_marker("offline"):
            parent.add_marker(pytest.mark.offline)
