"""No recorded failure, and first by name: --lf still collects the files with failures first."""


def test_passes():
    pass
