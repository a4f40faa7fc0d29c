NAMES = (
    "--record-mode",
    "deprecated_record",
    "record_mode",
    "-R",
    "--replay-all",
    "replay_all",
    "-x",
    "--exitfirst",
    "-l",
    "--tb",
    "-m",
    "-k",
    "--capture",
    "--lf",
    "--last-failed",
    "--ff",
    "--sw",
    "--nosuch",
    "nosuch",
)


def _read(config, name):
    try:
        return repr(config.getoption(name))
    except ValueError as error:
        return f"ValueError: {error}"


def test_a_renamed_option_is_read_by_its_option_string(record_mode):
    assert record_mode == "none"


def test_option_strings_name_their_options(pytestconfig):
    with open("events.log", "a") as log:
        for name in NAMES:
            log.write(f"{name} {_read(pytestconfig, name)}\n")


def test_a_default_stands_in_only_for_an_undeclared_option(pytestconfig):
    # A declared option's None is its value: a conftest's fallback does not replace it.
    assert pytestconfig.getoption("--dsn", "sqlite://") is None
    assert pytestconfig.getoption("dsn", "sqlite://") is None
    assert pytestconfig.getoption("--undeclared", "sqlite://") == "sqlite://"
    # Unless skip= is given: then the default stands in for the None too.
    assert pytestconfig.getoption("--dsn", "sqlite://", skip=True) == "sqlite://"
