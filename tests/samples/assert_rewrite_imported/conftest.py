"""Registering a helper module for rewriting after it was imported: pytest warns with its
PytestAssertRewriteWarning, which the ini's filter ignores here (and -W can make an error)."""

import helpers  # noqa: F401 - imported before the registration on purpose
import pytest

pytest.register_assert_rewrite("helpers")
