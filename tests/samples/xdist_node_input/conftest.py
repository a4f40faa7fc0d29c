import os


class NodeHooks:
    """Registered as pytest-randomly registers its XdistHooks: an object, only where xdist is."""

    def pytest_configure_node(self, node):
        node.workerinput["controller_pid"] = node.config.controller_pid
        node.workerinput["node_name"] = node.gateway.id


def pytest_configure(config):
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(NodeHooks())
    if hasattr(config, "workerinput"):
        # A worker: the value comes from the controller, as pytest-randomly's seed does.
        config.controller_pid = config.workerinput["controller_pid"]
        return
    config.controller_pid = os.getpid()
