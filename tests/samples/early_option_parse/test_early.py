import os


def test_the_plugin_option_is_parsed_early():
    assert os.environ["EARLY_SETTINGS"] == "app.settings app.settings"


def test_pytest_options_are_in_the_early_parse():
    assert os.environ["EARLY_PYTEST_OPTIONS"] == "False 0 []"
