"""Imported while a plugin loads, as anyio's own pytest plugin does at module level: a conftest or
fixture importing that plugin (anyio's suite hands it to blockbuster) needs these names."""

from _pytest.python import CallSpec  # noqa: F401
from _pytest.scope import Scope  # noqa: F401
