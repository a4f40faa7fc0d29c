"""Doctests, found as pytest's doctest plugin finds them (which files hold them: ``discover``).

With ``--doctest-modules`` each docstring holding examples is a test, named by its dotted path
(``pkg/calc.py::pkg.calc.add``) and reported before the file's own tests. A text file is one test
(``docs/test_x.txt::test_x.txt``).

The stdlib's ``doctest`` (and pdb with it) is imported only when a doctest is collected.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .._config.config import Config
from .._config.inifile import get_args

if TYPE_CHECKING:
    import doctest

# The option flags pytest adds to doctest's own, usable as directives (``# doctest: +NUMBER``) and in
# the doctest_optionflags ini key; registered with doctest before anything is parsed.
EXTRA_FLAGS = ("ALLOW_UNICODE", "ALLOW_BYTES", "NUMBER")


def option_flags(config: Config) -> int:
    """The doctest_optionflags ini key (ELLIPSIS when unset), as flag bits."""
    doctest = _doctest()
    names = (
        get_args(config.ini, "doctest_optionflags") if "doctest_optionflags" in config.ini else ["ELLIPSIS"]
    )
    flags = 0
    for name in names:
        flags |= doctest.OPTIONFLAGS_BY_NAME[name]
    return flags


def module_doctests(module: ModuleType) -> list[doctest.DocTest]:
    """The module's docstrings that hold examples, sorted by name (doctest's own order)."""
    finder = _finder_class()()
    return [test for test in finder.find(module, module.__name__) if test.examples]


def textfile_doctest(path: Path, config: Config) -> doctest.DocTest | None:
    """The file as one doctest (None when it holds no example), run as a script would be."""
    doctest = _doctest()
    encoding = config.ini.get("doctest_encoding")
    text = path.read_text(encoding if isinstance(encoding, str) and encoding else "utf-8")
    test = doctest.DocTestParser().get_doctest(text, {"__name__": "__main__"}, path.name, str(path), 0)
    return test if test.examples else None


@functools.cache
def _doctest() -> Any:
    import doctest

    for name in EXTRA_FLAGS:
        doctest.register_optionflag(name)
    return doctest


@functools.cache
def _finder_class() -> type[doctest.DocTestFinder]:
    import doctest

    _doctest()  # pytest's flags are registered before any docstring is parsed

    class Finder(doctest.DocTestFinder):
        """doctest's finder, where what a module holds would trip it: an object answering every
        attribute (a mock) is left out; a ``cached_property`` counts as defined where its function
        is; a property's line is its getter's, a wrapper's the function it wraps."""

        def _find_lineno(self, obj: object, source_lines: list[str] | None) -> int | None:
            if isinstance(obj, property):
                obj = obj.fget
            if hasattr(obj, "__wrapped__"):
                obj = inspect.unwrap(obj)  # type: ignore[arg-type]
            return super()._find_lineno(obj, source_lines)  # type: ignore[misc, no-any-return]

        def _from_module(self, module: ModuleType, obj: object) -> bool:
            if isinstance(obj, functools.cached_property):
                obj = obj.func
            return super()._from_module(module, obj)  # type: ignore[misc, no-any-return]

        def _find(self, tests: list[Any], obj: object, *args: Any) -> None:
            if not _answers_anything(obj):
                super()._find(tests, obj, *args)  # type: ignore[misc]

    return Finder


def _answers_anything(obj: object) -> bool:
    try:
        return getattr(obj, "asynctestrun_attribute_nothing_has", None) is not None
    except Exception:
        return False


def all_skipped(test: doctest.DocTest) -> bool:
    """Every example carries ``+SKIP``: pytest skips the test instead of passing it."""
    doctest = _doctest()
    return all(example.options.get(doctest.SKIP, False) for example in test.examples)


def iter_flags() -> Iterator[tuple[str, int]]:
    """The extra flags with their bits (for the output checker)."""
    doctest = _doctest()
    for name in EXTRA_FLAGS:
        yield name, doctest.OPTIONFLAGS_BY_NAME[name]
