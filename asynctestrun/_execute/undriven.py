"""What a test is told when nothing runs its async code: an async test or fixture no plugin drives.

The first lines are pytest's own wording (a test may match on them); asynctestrun adds one line on why
and what to change, which depends on whether pytest-asyncio takes part in the run at all. Where it does
(strict mode), marking the test or fixture is the fix; where it does not (``-p no:asyncio``), suggesting
its marks or modes would mislead, so the line says the plugin is off instead.
"""

from __future__ import annotations

from .._config.config import Config

_TEST_NOT_SUPPORTED = "async def functions are not natively supported."
# pytest's list when no plugin in the run handles async tests at all.
_SUITABLE_PLUGINS = (
    "You need to install a suitable plugin for your async framework, for example:\n"
    "  - anyio\n"
    "  - pytest-asyncio\n"
    "  - pytest-tornasync\n"
    "  - pytest-trio\n"
    "  - pytest-twisted"
)
_FIXTURE_SEE_ALSO = (
    "See: https://docs.pytest.org/en/stable/deprecations.html#sync-test-depending-on-async-fixture"
)


def async_test_message(config: Config) -> str:
    """The failure of an async test nothing ran."""
    if not config.asyncio_plugin:
        return (
            f"{_TEST_NOT_SUPPORTED}\n{_SUITABLE_PLUGINS}\n"
            f"asynctestrun: {config.asyncio_plugin_absence()}, so nothing runs this test on an event loop."
        )
    return (
        f"{_TEST_NOT_SUPPORTED}\n"
        "asynctestrun: this async test was not run. In strict mode (the default) mark it with "
        '@pytest.mark.asyncio, or set asyncio_mode = "auto" in your configuration.'
    )


def async_fixture_message(requester: str, fixture: str, autouse: bool, config: Config) -> str:
    """The set-up error of a test that requested an async fixture nothing ran. ``requester`` is the name
    of the node the fixture's scope is: the test, its class or module, or the session's empty name."""
    autouse_note = " with autouse=True" if autouse else ""
    head = (
        f"{requester!r} requested an async fixture {fixture!r}{autouse_note}, with no plugin or hook that "
        "handled it. This is an error, as pytest does not natively support it."
    )
    if not config.asyncio_plugin:
        return (
            f"{head}\n{_FIXTURE_SEE_ALSO}\n"
            f"asynctestrun: {config.asyncio_plugin_absence()}, so no async fixture is run on an event loop."
        )
    return (
        f"{head}\nasynctestrun: in strict mode only fixtures declared with @pytest_asyncio.fixture are run "
        'on an event loop; declare it so, or set asyncio_mode = "auto".'
    )
