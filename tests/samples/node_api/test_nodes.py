"""What pytest's nodes, plugin manager and helpers offer to fixtures and tests, beyond the test item:
a module's or class's node with its marks and finalizers, the session node, ``config.pluginmanager``,
``ExceptionInfo``, ``caplog.filtering``."""

import logging

import pytest

pytestmark = pytest.mark.db("module-level")
EVENTS = []


@pytest.fixture(scope="module")
def module_fixture(request):
    request.node.addfinalizer(lambda: EVENTS.append("module finalizer"))
    request.session.addfinalizer(lambda: EVENTS.append("session finalizer"))
    mark = request.node.get_closest_marker("db")
    return mark.args[0] if mark else None


def test_module_node_sees_module_marks(module_fixture):
    assert module_fixture == "module-level"


@pytest.mark.slow
class TestClassNode:
    @pytest.fixture(scope="class")
    def class_node(self, request):
        return request.node

    async def test_marks_nearest_first(self, class_node):
        assert [m.name for m in class_node.iter_markers()] == ["slow", "db"]
        assert class_node.cls is TestClassNode
        assert class_node.parent.get_closest_marker("db").args == ("module-level",)

    def test_chain(self, class_node, request):
        assert [n.name for n in class_node.listchain()][-2:] == ["test_nodes.py", "TestClassNode"]
        assert class_node.listchain()[0] is request.session
        assert request.session.nodeid == ""
        assert next(iter(request.node.iter_parents())) is request.node
        assert request.node.listnames()[-2:] == ["TestClassNode", "test_chain"]
        assert request.node.getparent(pytest.Class) is class_node


def test_module_finalizer_waits_for_the_module():
    assert EVENTS == []


def test_plugin_manager(pytestconfig):
    manager = pytestconfig.pluginmanager
    assert manager.has_plugin("asyncio") and manager.hasplugin("python")
    assert not manager.hasplugin("no-such-plugin")
    assert pytestconfig.get_verbosity() == pytestconfig.getoption("verbose")
    assert pytestconfig.cwd_relative_nodeid("test_nodes.py::test_x") == "test_nodes.py::test_x"


def test_exception_info_helpers():
    try:
        raise ValueError("boom")
    except ValueError as exc:
        info = pytest.ExceptionInfo.from_exception(exc)
    assert info.type is ValueError
    assert "boom" in str(info.getrepr())


def test_caplog_filtering(caplog):
    class NoSecrets(logging.Filter):
        def filter(self, record):
            return "secret" not in record.getMessage()

    logger = logging.getLogger("node_api")
    with caplog.filtering(NoSecrets()):
        logger.warning("a secret")
        logger.warning("public")
    logger.warning("another secret")
    assert caplog.messages == ["public", "another secret"]


def test_approx_defaults():
    assert pytest.approx(1.0).DEFAULT_RELATIVE_TOLERANCE == 1e-6
    assert pytest.approx(1.0).DEFAULT_ABSOLUTE_TOLERANCE == 1e-12
