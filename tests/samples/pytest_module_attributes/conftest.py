# As a plugin such as pytest-randomly does: pytest's own modules are imported before any test module.
import _pytest.fixtures  # noqa: F401
