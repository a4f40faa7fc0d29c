from pathlib import Path

LOG = Path(__file__).parent / "events.log"


def test_config_cache(pytestconfig):
    with LOG.open("a") as log:
        log.write(f"test: cache {hasattr(pytestconfig, 'cache')}\n")
    if hasattr(pytestconfig, "cache"):
        pytestconfig.cache.set("cache_attribute/seen", True)
        assert pytestconfig.cache.get("cache_attribute/seen", None) is True


def test_cache_fixture(request):
    # The fixture goes with the plugin: getfixturevalue fails without it.
    request.getfixturevalue("cache")
