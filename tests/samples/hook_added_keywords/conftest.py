import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # As syrupy marks the tests using its snapshot fixture: -k matches the names of marks and extra
    # keywords added here, on a test or on its module, since pytest deselects after this hook.
    for item in items:
        if "resource" in item.fixturenames:
            item.add_marker("uses_resource")
        if item.name == "test_plain":
            item.extra_keyword_matches.add("extra_word")
        if item.path.name == "test_b.py":
            item.parent.add_marker("module_tagged")
            item.parent.extra_keyword_matches.add("module_word")


@pytest.fixture
def resource():
    return 1
