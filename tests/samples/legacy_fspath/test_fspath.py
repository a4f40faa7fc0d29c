import os

import pytest


def test_module_node_fspath_has_py_path_methods(cassette_dir):
    here = os.path.dirname(os.path.abspath(__file__))
    assert cassette_dir == os.path.join(here, "cassettes", "test_fspath")


def test_item_fspath(request):
    fspath = request.node.fspath
    assert fspath.basename == "test_fspath.py"
    assert fspath.ext == ".py"
    assert str(fspath) == str(request.node.path)
    assert fspath == request.node.path.parent / "test_fspath.py"


def test_request_and_session_fspath(request):
    assert request.fspath.basename == "test_fspath.py"
    assert request.fspath.dirpath() == request.session.fspath
    assert request.session.fspath.check(dir=1)


class TestInAClass:
    def test_parents_fspath(self, request):
        assert request.node.parent.fspath.purebasename == "test_fspath"
        assert request.node.parent.parent.fspath.purebasename == "test_fspath"
        assert not hasattr(request.node.path, "purebasename")


@pytest.fixture
def fixture_sees_the_item(request):
    return request.node.fspath.purebasename


def test_function_fixture(fixture_sees_the_item):
    assert fixture_sees_the_item == "test_fspath"
