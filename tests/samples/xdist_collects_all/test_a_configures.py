"""Sets something up as it is imported, as a Django project's wsgi.py does (DJANGO_SETTINGS_MODULE)."""

import os

os.environ["XDIST_COLLECTS_ALL_CONFIGURED"] = "by test_a_configures"


def test_configures():
    assert os.environ["XDIST_COLLECTS_ALL_CONFIGURED"] == "by test_a_configures"
