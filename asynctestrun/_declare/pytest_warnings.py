"""pytest's warning classes, so ``-W``/``filterwarnings`` specs naming them match what the runner emits."""

from __future__ import annotations


class PytestWarning(UserWarning):
    pass


class PytestAssertRewriteWarning(PytestWarning):
    pass


class PytestCacheWarning(PytestWarning):
    pass


class PytestCollectionWarning(PytestWarning):
    pass


class PytestConfigWarning(PytestWarning):
    pass


class PytestDeprecationWarning(PytestWarning, DeprecationWarning):
    pass


class PytestRemovedIn9Warning(PytestDeprecationWarning):
    pass


class PytestRemovedIn10Warning(PytestDeprecationWarning):
    pass


class PytestExperimentalApiWarning(PytestWarning, FutureWarning):
    pass


class PytestReturnNotNoneWarning(PytestWarning):
    pass


class PytestUnknownMarkWarning(PytestWarning):
    pass


class PytestUnraisableExceptionWarning(PytestWarning):
    pass


class PytestUnhandledThreadExceptionWarning(PytestWarning):
    pass


class PytestFDWarning(PytestWarning):
    pass


# Tracebacks and collection errors name them as pytest does (``pytest.PytestDeprecationWarning``).
for _warning_class in list(globals().values()):
    if isinstance(_warning_class, type) and issubclass(_warning_class, Warning):
        _warning_class.__module__ = "pytest"
del _warning_class
