# Loaded before collection (a "test*" directory of the argument): the run stops with a usage error.
raise RuntimeError("broken start-up conftest")
