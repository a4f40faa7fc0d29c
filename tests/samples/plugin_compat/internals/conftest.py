# A plugin built on pytest's internals, as sybil's pytest integration is: it subclasses and annotates
# with classes it imports from _pytest modules when the conftest is imported.
import _pytest.assertion.rewrite
from _pytest._code.code import TerminalRepr, Traceback
from _pytest._io import TerminalWriter
from _pytest._io.pprint import PrettyPrinter
from _pytest.fixtures import FuncFixtureInfo

import pytest


class ExampleFailureRepr(TerminalRepr):
    def __init__(self, message: str) -> None:
        self.message = message

    def toterminal(self, tw: TerminalWriter) -> None:
        tw.line(self.message)


def example_fixture_info(info: FuncFixtureInfo, traceback: Traceback) -> None:
    pass


@pytest.fixture
def failure_repr():
    return ExampleFailureRepr("example failed")


# inline-snapshot patches these two when it configures: a printer dispatch table and the reader of
# pytest's cache of rewritten modules.
def _pprint_example(self, object, stream, indent, allowance, context, level):
    stream.write("<example>")


class ExampleValue:
    def __repr__(self) -> str:
        return "ExampleValue()"


PrettyPrinter._dispatch[ExampleValue.__repr__] = _pprint_example  # noqa: SLF001
_original_read_pyc = _pytest.assertion.rewrite._read_pyc  # noqa: SLF001
