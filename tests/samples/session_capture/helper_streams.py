# imported first by conftest.py: keeps the streams current at that time
from sys import stderr, stdout  # noqa: F401
