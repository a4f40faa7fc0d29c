"""``config.cache`` exists only while pytest's cacheprovider plugin is loaded: under
``-p no:cacheprovider`` the attribute is missing, and plugins that check for it with ``hasattr`` before
asking for the cache's options (pytest-random-order's ``failedfirst``) skip that step. events.log
records what a hook and a test see."""

from pathlib import Path

LOG = Path(__file__).parent / "events.log"


def pytest_collection_modifyitems(config, items):
    if not hasattr(config, "cache"):
        LOG.write_text("hook: no cache\n")
        return
    # Raises ValueError ("no option named 'failedfirst'") without the cacheprovider.
    failed_first = config.getoption("failedfirst")
    LOG.write_text(f"hook: failedfirst {failed_first!r}, cache {type(config.cache).__name__}\n")
