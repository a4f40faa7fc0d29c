# pytest's warning for the imported class points at helpers.py, where it is defined; pytest's own
# Testdir, imported for an annotation, is not a test class at all.
from helpers import TestClient

from pytest import Testdir


def test_client_builds_urls() -> None:
    assert TestClient("http://x").url("/y") == "http://x/y"


def test_testdir_is_only_an_annotation() -> None:
    annotation: type[Testdir] = Testdir
    assert annotation.__name__ == "Testdir"
