"""``--pdb``: the interactive debugger on the frame where a test (or its set-up or teardown) failed;
``--trace``: the debugger at the start of each test (``traced_call``).

As pytest does it: once the failing phase is recorded, capture is turned off, what the phase printed
and its traceback are shown, and ``pdb.post_mortem`` (or the ``--pdbcls`` class) opens on the
exception's innermost frame. The test's fixtures are still alive: teardown has not run yet. After
``continue`` the run goes on; after ``quit`` the test is reported and torn down, then the run ends
as ``pytest.exit("Quitting debugger")`` would (``QUIT``).
"""

from __future__ import annotations

import bdb
import importlib
import sys
from collections.abc import Callable, Sequence
from types import CodeType
from typing import Any, TypeVar

from .._declare.outcomes import Exit
from .failures import terminal_width

T = TypeVar("T")

QUIT = "Quitting debugger"


def post_mortem(
    capture: Any,
    longrepr: str,
    sections: Sequence[tuple[str, str]],
    exc: BaseException,
    pdbcls: str | None,
) -> bool:
    """Hold a debugger session on ``exc``; True when the person quit it (the run should stop)."""
    with capture.global_and_fixture_disabled():
        out = sys.stdout
        for title, content in sections:
            if content.strip():
                # "Captured stdout call" -> "captured stdout", as pytest heads them here.
                out.write(_rule(" ".join(title.split()[:2]).lower()) + "\n" + content.rstrip("\n") + "\n")
        out.write(_rule("traceback") + "\n" + longrepr.rstrip("\n") + "\n")
        out.write(_rule("entering PDB") + "\n\n" + _rule("PDB post_mortem (IO-capturing turned off)") + "\n")
        out.flush()
        debugger = _debugger_class(pdbcls)()
        debugger.reset()
        try:
            debugger.interaction(None, exc.__traceback__)  # opens on the innermost frame
        except bdb.BdbQuit:
            return True
        if getattr(debugger, "quitting", False):
            return True
        out.write("\n" + _rule("PDB continue (IO-capturing resumed)") + "\n")
        out.flush()
        return False


def traced_call(capture: Any, call: Callable[[], T], start: CodeType | None, pdbcls: str | None) -> T:
    """``--trace``: ``call()`` with the debugger stopping at the first line of the test function
    (``start``), capture off. pytest steps into the function it calls, which for an async test is
    pytest-asyncio's wrapper; a breakpoint on the test's own code stops in the coroutine itself.
    ``quit`` ends the run as pytest's does (``Exit``)."""
    with capture.global_and_fixture_disabled():
        out = sys.stdout
        out.write("\n" + _rule("PDB runcall (IO-capturing turned off)") + "\n")
        out.flush()
        debugger = _debugger_class(pdbcls)()
        debugger.reset()
        if start is not None:
            # A function breakpoint stops once, at its first line (not again as a coroutine resumes);
            # not a temporary one, whose removal pdb announces.
            debugger.set_break(start.co_filename, start.co_firstlineno, funcname=start.co_name)
        # Stop nowhere but at breakpoints: only frames of files holding one are traced at all.
        debugger._set_stopinfo(sys._getframe(), None, -1)
        sys.settrace(debugger.trace_dispatch)
        try:
            return call()
        except bdb.BdbQuit:
            raise Exit(QUIT) from None
        finally:
            sys.settrace(None)
            debugger.clear_all_breaks()
            out.write("\n" + _rule("PDB continue (IO-capturing resumed)") + "\n")
            out.flush()


def _debugger_class(spec: str | None) -> Any:
    """``--pdbcls=module:Class`` (IPython's ``IPython.terminal.debugger:TerminalPdb``, say), else pdb's."""
    if not spec:
        import pdb

        return pdb.Pdb
    module_name, _, attribute = spec.partition(":")
    target: Any = importlib.import_module(module_name)
    for part in attribute.split(".") if attribute else ():
        target = getattr(target, part)
    return target


def _rule(title: str) -> str:
    from .._report.terminal import _rule as rule

    return rule(title, ">", terminal_width())
