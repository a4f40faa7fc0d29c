"""What pytest-django does before any conftest is imported: an early parse of the arguments, for its
own ``--ds`` option and pytest's ``help`` / ``version``."""

import os


def pytest_addoption(parser):
    parser.addoption("--settings", default=None, help="settings module")


def pytest_load_initial_conftests(early_config, parser, args):
    options = parser.parse_known_args(args)
    known, _ = parser.parse_known_and_unknown_args(args)
    os.environ["EARLY_SETTINGS"] = f"{options.settings} {known.settings}"
    os.environ["EARLY_PYTEST_OPTIONS"] = f"{options.help} {options.version} {options.file_or_dir}"
