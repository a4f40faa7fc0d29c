"""What plugins see of pytest-xdist's controller / worker split (asynctestrun._execute.xdist_protocol):
``pytest_configure_node`` in the parent, its additions in the worker's ``config.workerinput``."""

from asynctestrun._execute.xdist_protocol import configure_node, worker_input


def test_configure_node_returns_what_the_hooks_added_as_json():
    config = object()
    seen = []

    def call_hook(name, node):
        seen.append((name, node.config, node.gateway.id, dict(node.workerinput)))
        node.workerinput["randomly_seed"] = 42

    added = configure_node(call_hook, config, "gw1", 2, "uid")
    assert added == '{"randomly_seed": 42}'
    ((name, node_config, gateway_id, given),) = seen
    assert (name, node_config, gateway_id) == ("pytest_configure_node", config, "gw1")
    assert {key: given[key] for key in ("workerid", "workercount", "testrunuid")} == {
        "workerid": "gw1",
        "workercount": 2,
        "testrunuid": "uid",
    }


def test_configure_node_sends_nothing_when_the_hooks_add_nothing():
    assert configure_node(lambda name, node: None, object(), "gw0", 1, "uid") == ""


def test_the_worker_adds_what_the_hooks_added_to_its_own_entries(monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    monkeypatch.setenv("PYTEST_XDIST_WORKER_COUNT", "2")
    workerinput = worker_input('{"randomly_seed": 42}')
    assert workerinput["randomly_seed"] == 42
    assert (workerinput["workerid"], workerinput["workercount"]) == ("gw1", 2)
    assert "randomly_seed" not in worker_input()
