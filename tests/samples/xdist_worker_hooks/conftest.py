"""A plugin with a hook about pytest-xdist's workers, registered as syrupy registers its own wherever
xdist is installed: pytest calls it in the controller of a run with workers only."""


class WorkerReports:
    def pytest_testnodedown(self, node, error):
        pass


def pytest_configure(config):
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(WorkerReports(), "worker_reports")
