"""Which options of pytest's plugins and pytest-asyncio's ``config.getoption`` knows: a plugin
disabled with ``-p no:NAME`` takes its options with it (ValueError), cacheprovider takes stepwise's
too. events.log lists the missing ones."""

from pathlib import Path

NAMES = (
    "asyncio_mode",
    "asyncio_debug",
    "lf",
    "failedfirst",
    "newfirst",
    "cacheclear",
    "cacheshow",
    "stepwise",
    "stepwise_skip",
    "xmlpath",
)


def pytest_configure(config):
    missing = []
    for name in NAMES:
        try:
            config.getoption(name)
        except ValueError:
            missing.append(name)
    (Path(__file__).parent / "events.log").write_text("".join(f"missing {name}\n" for name in missing))
