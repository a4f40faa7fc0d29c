import pytest

# What a plugin (syrupy, pytest-testmon) sees of the collection: syrupy records each module from
# pytest_collectstart, and reads the --lf plugins' counters and option.file_or_dir to tell a partial
# run from a whole one.
SEEN = {"modules": [], "deselected": []}


def pytest_collectstart(collector):
    if isinstance(collector, pytest.Module):
        SEEN["modules"].append(collector.path.name)


def pytest_collection_modifyitems(items):
    SEEN["modified"] = [item.name for item in items]


def pytest_deselected(items):
    SEEN["deselected"] += [item.name for item in items]


def pytest_collection_finish(session):
    manager = session.config.pluginmanager
    last_failed = manager.get_plugin("lfplugin")
    wrapper = manager.get_plugin("lfplugin-collwrapper")
    SEEN["finished"] = [item.name for item in session.items]
    SEEN["skipped_files"] = getattr(last_failed, "_skipped_files", None)
    SEEN["failure_collected"] = getattr(wrapper, "_collected_at_least_one_failure", None)
    SEEN["file_or_dir"] = session.config.option.file_or_dir


@pytest.fixture
def seen():
    return SEEN
