"""Running a doctest, and its failure laid out as pytest's doctest plugin lays it out.

A doctest's globals get ``getfixture`` (the test's ``request.getfixturevalue``) and the entries of
the ``doctest_namespace`` fixture. It is skipped when every example carries ``+SKIP``. It stops at
its first failing example unless ``--doctest-continue-on-failure`` is given; a ``pytest.skip()`` or
``pytest.fail()`` inside an example ends it with that outcome. A failure shows the docstring's lines
up to the failing example (numbered as in the file), what was expected and what came out (or the
unexpected exception), then ``file:line: DocTestFailure``; its short-summary line has no message.
"""

from __future__ import annotations

import functools
import re
import traceback
from typing import TYPE_CHECKING, Any

from .._collect.doctests import all_skipped, iter_flags
from .._config.config import Config
from .._declare.outcomes import Exit, Failed, OutcomeException, Skipped

if TYPE_CHECKING:
    import doctest

_REPORT_FLAGS = {
    "udiff": "REPORT_UDIFF",
    "cdiff": "REPORT_CDIFF",
    "ndiff": "REPORT_NDIFF",
    "only_first_failure": "REPORT_ONLY_FIRST_FAILURE",
}


class DoctestFailed(Failed):
    """A doctest's failing examples; ``msg`` is the whole report, which has no one-line summary."""


class _StopAtFirst(Exception):
    def __init__(self, failure: Any) -> None:
        super().__init__()
        self.failure = failure


def run_doctest(test: doctest.DocTest, request: Any, config: Config, optionflags: int) -> None:
    import doctest

    if all_skipped(test):
        raise Skipped("all tests skipped by +SKIP option")
    test.globs["getfixture"] = request.getfixturevalue
    test.globs.update(request.getfixturevalue("doctest_namespace"))
    # As pytest: under --pdb the first failure ends the test, whatever --doctest-continue-on-failure.
    keep_going = config.doctest_continue_on_failure and not config.pdb
    runner = _runner_class()(checker=_checker(), optionflags=optionflags, keep_going=keep_going)
    failures: list[Any] = []
    try:
        runner.run(test, out=failures)
    except _StopAtFirst as stop:
        failures = [stop.failure]
    if failures:
        report = "\n".join(_failure_lines(failure, config, doctest) for failure in failures)
        raise DoctestFailed(report, pytrace=False)


def _failure_lines(failure: Any, config: Config, doctest: Any) -> str:
    example, test = failure.example, failure.test
    lineno = None if test.lineno is None else test.lineno + example.lineno + 1
    if lineno is not None:
        numbered = [f"{i + test.lineno + 1:03d} {line}" for i, line in enumerate(test.docstring.splitlines())]
        # At most the ten lines up to the failing example.
        lines = numbered[max(example.lineno - 9, 0) : example.lineno + 1]
    else:
        lines = ["EXAMPLE LOCATION UNKNOWN, not showing all tests of that example"]
        for index, line in enumerate(example.source.splitlines()):
            lines.append(f"??? {'>>>' if index == 0 else '...'} {line}")
    if isinstance(failure, doctest.DocTestFailure):
        report_flag = getattr(doctest, _REPORT_FLAGS.get(config.doctest_report, ""), 0)
        lines += _checker().output_difference(example, failure.got, report_flag).split("\n")
    else:
        exc_type, exc_value, exc_tb = failure.exc_info
        lines.append(f"UNEXPECTED EXCEPTION: {exc_value!r}")
        lines += [part.strip("\n") for part in traceback.format_exception(exc_type, exc_value, exc_tb)]
    lines.append(f"{test.filename}:{lineno}: {type(failure).__name__}")
    return "\n".join(lines)


@functools.cache
def _runner_class() -> Any:
    import doctest

    class Runner(doctest.DocTestRunner):
        """Collects each failure (into the list passed as ``out``), or stops at the first; lets
        pytest's outcome exceptions through, so a skip in an example skips the test."""

        def __init__(self, checker: Any, optionflags: int, keep_going: bool) -> None:
            super().__init__(checker=checker, verbose=False, optionflags=optionflags)
            self.keep_going = keep_going

        def report_failure(self, out: Any, test: Any, example: Any, got: str) -> None:
            self._failed(out, doctest.DocTestFailure(test, example, got))

        def report_unexpected_exception(self, out: Any, test: Any, example: Any, exc_info: Any) -> None:
            if isinstance(exc_info[1], OutcomeException):
                raise exc_info[1]
            if type(exc_info[1]).__name__ == "BdbQuit":
                raise Exit("Quitting debugger")
            self._failed(out, doctest.UnexpectedException(test, example, exc_info))

        def _failed(self, out: list[Any], failure: Any) -> None:
            if not self.keep_going:
                raise _StopAtFirst(failure)
            out.append(failure)

    return Runner


@functools.cache
def _checker() -> Any:
    """doctest's output checker, with pytest's three extra flags: ALLOW_UNICODE and ALLOW_BYTES
    ignore a ``u`` / ``b`` string prefix, NUMBER compares floats to the precision the expected
    output writes them with."""
    import doctest

    flags = dict(iter_flags())

    class Checker(doctest.OutputChecker):
        def check_output(self, want: str, got: str, optionflags: int) -> bool:
            if super().check_output(want, got, optionflags):
                return True
            extra = optionflags & (flags["ALLOW_UNICODE"] | flags["ALLOW_BYTES"] | flags["NUMBER"])
            if not extra:
                return False
            if optionflags & flags["ALLOW_UNICODE"]:
                want, got = _UNICODE_PREFIX.sub(r"\1\2", want), _UNICODE_PREFIX.sub(r"\1\2", got)
            if optionflags & flags["ALLOW_BYTES"]:
                want, got = _BYTES_PREFIX.sub(r"\1\2", want), _BYTES_PREFIX.sub(r"\1\2", got)
            if optionflags & flags["NUMBER"]:
                got = _to_written_precision(want, got)
            return bool(super().check_output(want, got, optionflags))

    return Checker()


_UNICODE_PREFIX = re.compile(r"(\W|^)[uU]([rR]?['\"])", re.UNICODE)
_BYTES_PREFIX = re.compile(r"(\W|^)[bB]([rR]?['\"])", re.UNICODE)
# A float as written: digits with a fraction, an exponent, or both (a plain integer is not one).
_FLOAT = re.compile(
    r"""
    (?<![\w.])[-+]?
    (?:
        (?P<whole>\d+)?\.(?P<fraction>\d+)(?:[eE](?P<exp1>[-+]?\d+))?
      | \d+\.?[eE](?P<exp2>[-+]?\d+)
      | \d+\.(?!\d)
    )
    (?![\w.])
    """,
    re.VERBOSE,
)


def _to_written_precision(want: str, got: str) -> str:
    """``got`` with each float that equals the expected one to the expected's precision replaced by
    the expected text, so the plain comparison that follows accepts it."""
    wanted = list(_FLOAT.finditer(want))
    found = list(_FLOAT.finditer(got))
    if len(wanted) != len(found):
        return got
    pieces: list[str] = []
    end = 0
    for w, g in zip(wanted, found, strict=True):
        fraction = w.group("fraction")
        exponent = w.group("exp1") or w.group("exp2")
        precision = len(fraction) if fraction is not None else 0
        if exponent is not None:
            precision -= int(exponent)
        same = abs(float(w.group()) - float(g.group())) <= 10.0**-precision
        pieces.append(got[end : g.start()])
        pieces.append(w.group() if same else g.group())
        end = g.end()
    pieces.append(got[end:])
    return "".join(pieces)
