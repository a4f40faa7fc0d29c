import pytest

# --lf's count of skipped files, as pytest-testmon and syrupy read it: each of pytest's file collectors
# (a test module's Module and DoctestModule, a doctest-only module, a text file, this conftest's
# DoctestModule) left unread counts.
SEEN = {}


def pytest_collection_finish(session):
    last_failed = session.config.pluginmanager.get_plugin("lfplugin")
    SEEN["skipped_files"] = getattr(last_failed, "_skipped_files", None)


@pytest.fixture
def seen():
    return SEEN
