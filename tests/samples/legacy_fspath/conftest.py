"""``fspath`` is a ``py.path.local`` on every node and on the request, as pytest's legacypath plugin
makes it: pytest-recording's module fixture reads ``request.node.fspath.dirname``."""

import os

import pytest


@pytest.fixture(scope="module")
def cassette_dir(request):
    module = request.node.fspath
    return os.path.join(module.dirname, "cassettes", module.purebasename)
