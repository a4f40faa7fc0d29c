"""Report text that pytest's terminal writes into a test's captured output instead of the terminal.

pytest's unittest plugin reports each ``subTest`` from inside the test's call while the capture is
on. Under fd capture the terminal's stream is then file descriptor 1, redirected to the capture's
file, so the subtest's letter ("u") or ``-v`` line becomes part of what the test printed: with ``-q``
and two passing subtests the terminal shows "." and ``-rP`` shows "uu" under the test. The executor
records where in the call's output each such report came (``PhaseResult.captured_at``); the terminal
renders the text as usual and this module puts it there.

Worked example: the call printed ``"hello\\n"`` and had three subtests, all ended after the print::

    inserts  [(6, "u"), (6, "u"), (6, "u")]
    before   ("Captured stdout call", "hello\\n")
    after    ("Captured stdout call", "hello\\nuuu")

A test that printed nothing gets the section, where pytest would have it: after the set-up's
sections and before the call's stderr and log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .._model.outcomes import TestResult

_STDOUT_CALL = "Captured stdout call"


def with_captured_text(result: TestResult, inserts: Sequence[tuple[int, str]]) -> TestResult:
    """``result`` with each ``(offset, text)`` put into its call's captured stdout, in order: texts
    at the same offset follow one another."""
    if not inserts:
        return result
    sections = list(result.sections)
    index = next((i for i, (title, _) in enumerate(sections) if title == _STDOUT_CALL), None)
    if index is None:
        index = next((i for i, (title, _) in enumerate(sections) if _after_call_stdout(title)), len(sections))
        sections.insert(index, (_STDOUT_CALL, ""))
    printed = sections[index][1]
    pieces: list[str] = []
    taken = 0
    for offset, text in sorted(inserts, key=lambda insert: insert[0]):  # a stable sort keeps their order
        pieces.append(printed[taken:offset])
        pieces.append(text)
        taken = max(taken, offset)
    pieces.append(printed[taken:])
    sections[index] = (_STDOUT_CALL, "".join(pieces))
    return replace(result, sections=tuple(sections))


def _after_call_stdout(title: str) -> bool:
    return title in ("Captured stderr call", "Captured log call") or title.endswith(" teardown")
