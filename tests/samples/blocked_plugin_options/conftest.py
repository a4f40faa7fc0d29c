"""Which options of pytest's plugins and pytest-asyncio's ``config.getoption`` knows: a plugin
disabled with ``-p no:NAME`` takes its options with it (ValueError), cacheprovider takes stepwise's
too. events.log lists the missing ones, then the values of those that follow the command line."""

from pathlib import Path

NAMES = (
    "asyncio_mode",
    "asyncio_debug",
    "lf",
    "last_failed_no_failures",
    "failedfirst",
    "newfirst",
    "cacheclear",
    "cacheshow",
    "stepwise",
    "stepwise_skip",
    "xmlpath",
    "last_failed",
    "exitfirst",
)
# The values pytest 9 gives (maxfail is None unless -x / --maxfail set it).
VALUES = ("lf", "cacheclear", "last_failed_no_failures", "maxfail", "trace")


def pytest_configure(config):
    missing = []
    for name in NAMES:
        try:
            config.getoption(name)
        except ValueError:
            missing.append(name)
    lines = [f"missing {name}" for name in missing]
    lines += [f"{name} {config.getoption(name)!r}" for name in VALUES if name not in missing]
    (Path(__file__).parent / "events.log").write_text("".join(f"{line}\n" for line in lines))
