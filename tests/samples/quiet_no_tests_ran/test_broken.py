# Fails to import: the run stops after collection, before any test, so no progress line is written.
import a_module_that_does_not_exist  # noqa: F401
