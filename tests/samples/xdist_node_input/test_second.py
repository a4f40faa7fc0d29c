import os


def test_worker_input_came_from_the_controller(pytestconfig):
    if hasattr(pytestconfig, "workerinput"):
        assert pytestconfig.controller_pid == os.getppid()
        assert pytestconfig.workerinput["node_name"] == pytestconfig.workerinput["workerid"]
    else:
        assert pytestconfig.controller_pid == os.getpid()
