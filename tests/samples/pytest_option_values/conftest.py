# A conftest reading pytest's own options, as plugins do (pytest-sugar, logging helpers, report
# plugins): each read must give pytest's value, where an option left out of the table raised.
NAMES = (
    "rootdir",
    "inifilename",
    "strict_markers",
    "strict",
    "strict_config",
    "log_level",
    "log_cli_level",
    "log_file",
    "log_format",
    "logger_disable",
    "no_header",
    "no_summary",
    "disable_warnings",
    "showfixtures",
    "traceconfig",
    "code_highlight",
    "fold_skipped",
    "force_short_summary",
    "keepduplicates",
    "junitprefix",
    "xfail_tb",
    "usepdb_cls",
    "durations_min",
    "max_warnings",
    "doctest_continue_on_failure",
    "disable_plugin_autoload",
    "asyncio_mode",
    "asyncio_debug",
)


def pytest_configure(config):
    with open("events.log", "a") as log:
        for name in NAMES:
            try:
                value = config.getoption(name)
            except ValueError as exc:
                value = f"ValueError: {exc}"
            log.write(f"{name} {value!r}\n")
        log.write(f"quiet {getattr(config.option, 'quiet', 'absent')!r}\n")
