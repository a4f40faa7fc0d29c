"""A plugin whose own import is missing: found, so an internal error too, not a usage error."""

import a_dependency_that_is_not_installed  # noqa: F401
