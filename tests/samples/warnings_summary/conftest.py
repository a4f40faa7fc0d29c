import warnings

# Raised while the initial conftests import: in the summary under its own file and line, and an
# import error of this conftest (exit 4) under -W error.
warnings.warn("deprecated at conftest import", DeprecationWarning)
