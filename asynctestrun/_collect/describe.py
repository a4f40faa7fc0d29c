"""pytest-describe blocks: functions named ``describe_*`` whose local functions are the tests.

pytest-describe is a pytest plugin that collects through ``pytest_pycollect_makeitem``, a hook
asynctestrun has no equivalent for; its collection is done here instead, when the plugin is installed
and not disabled (the plugin itself is never imported). What pytest does with it, learned by running it:

- A module-level function whose ``__name__`` starts with one of the ``describe_prefixes`` (ini, default
  ``describe``) is a block. It is called once at collection time; its locals at return are its
  namespace. Within it, every function not starting with ``_`` is a test (no ``test`` prefix needed),
  a nested ``describe_*`` function is a nested block, and classes are not collected.
- Fixtures defined in a block are visible to the block's tests and nested blocks; the innermost wins.
- Marks on the block function and a local ``pytestmark`` apply to every test inside.
- Node ids nest the block names like classes: ``test_x.py::describe_a::describe_b::it_works``.
- A block is a module for fixture scopes: a module-scoped fixture is finalized when the block is left,
  and a class-scoped one lives as long as its test (there is no class).

Not supported (a collection error of that block, never silently wrong): blocks with arguments
(fixtures injected into the block) and shared behaviours (``@behaves_like``).
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from types import FrameType, FunctionType
from typing import Any


class UnsupportedBlock(Exception):
    """A describe block that uses a pytest-describe feature asynctestrun does not implement."""


def is_block(obj: object, prefixes: tuple[str, ...]) -> bool:
    # The function's own name counts, not the attribute's: an alias of a block is still a block.
    return isinstance(obj, FunctionType) and obj.__name__.startswith(prefixes)


def block_namespace(func: Callable[..., Any]) -> dict[str, Any]:
    """Call the block function and return its local variables at the moment it returns."""
    if any(
        param.default is param.empty and param.kind in (param.POSITIONAL_OR_KEYWORD, param.KEYWORD_ONLY)
        for param in inspect.signature(func).parameters.values()
    ):
        raise UnsupportedBlock("describe blocks with arguments are not supported by asynctestrun")
    if getattr(func, "_behaves_like", None):
        raise UnsupportedBlock("shared behaviours (behaves_like) are not supported by asynctestrun")
    captured: dict[str, Any] = {}
    caller = sys._getframe()
    previous = sys.getprofile()

    # A profile hook sees the frame of the call it watches return, locals included; only the block's
    # own frame (called right from here) is read, not the frames of whatever the block calls.
    def watch(frame: FrameType, event: str, arg: object) -> None:
        if event == "return" and frame.f_back is caller:
            captured.update(frame.f_locals)

    sys.setprofile(watch)
    try:
        func()
    finally:
        sys.setprofile(previous)
    return captured


def is_test_name(name: str) -> bool:
    """Inside a block every public name is a test candidate."""
    return not name.startswith("_")
