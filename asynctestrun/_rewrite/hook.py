"""The import hook that loads test modules with rewritten assertions, and its bytecode cache.

``RewritingFinder`` sits at the front of ``sys.meta_path`` while the runner imports user code.
For each import it asks the ordinary ``PathFinder`` where the module lives; when that is a plain
``.py`` file and the runner's ``should_rewrite(name, path)`` says yes (test files, ``conftest.py``,
plugins), or the name was registered with ``mark_rewrite`` (``register_assert_rewrite``), the
finder loads it itself: read, parse, ``rewrite_module``, compile, exec. Everything else is left to
the normal import system (``find_spec`` returns None).

Cache. Rewritten code is stored next to the source as
``__pycache__/<stem>.asynctestrun-<cache tag>.pyc``, a name no other tool reads or writes. The
file holds a header, then the marshalled code object::

    python magic (4) | REWRITE_VERSION (4) | source mtime in ns (8) | source size (8)

Any mismatch (edited source, newer rewriter, other Python) means recompiling. Files are written
to a temporary name and moved into place with ``os.replace``, so a concurrent reader sees either
the old file or the new one; an unwritable directory just means no cache. The cache ignores
``PYTHONDONTWRITEBYTECODE`` (it is the runner's own cache, not Python's) and is switched off by
setting ``ASYNCTESTRUN_NO_REWRITE_CACHE``. One exception: a module whose parsing or compiling warns
(an invalid escape sequence, ``"is" with a literal``) is not cached while Python writes no bytecode.
pytest then compiles every test module on every run, so such a warning is in each run's summary, and
an ``error`` filter makes the module a collection error whatever ran before; from our cache it would
be given once, on the run that wrote it.

Under ``python -O`` nothing is rewritten: Python drops assertions there, and so do we.
"""

from __future__ import annotations

import ast
import contextlib
import importlib.machinery
import importlib.util
import marshal
import os
import struct
import sys
import tempfile
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from types import CodeType, ModuleType, SimpleNamespace
from typing import TYPE_CHECKING, Final, cast

from .._declare.pytest_warnings import PytestAssertRewriteWarning
from .rewrite import REWRITE_VERSION, assertions_enabled, rewrite_module

if TYPE_CHECKING:
    from importlib.readers import FileReader

NO_CACHE_ENV: Final = "ASYNCTESTRUN_NO_REWRITE_CACHE"
_HEADER: Final = struct.Struct("<4sIQQ")


if TYPE_CHECKING:
    from importlib.abc import Loader as _Loader
else:
    _Loader = object


class RewritingFinder(_Loader):
    """Finds and loads the modules whose assertions the runner wants rewritten.

    A meta path finder and loader by its methods alone: deriving from ``importlib.abc``'s classes
    would import ``importlib.resources`` and ``zipfile`` (5 ms) on every run for nothing."""

    def __init__(
        self,
        should_rewrite: Callable[[str, Path], bool],
        *,
        cache: bool | None = None,
        name_filter: Callable[[str], bool] | None = None,
    ) -> None:
        """``cache=None`` means "cache unless ``ASYNCTESTRUN_NO_REWRITE_CACHE`` is set".

        ``name_filter`` answers from the module name alone whether a module may be rewritten; the
        finder sits in front of every import, so skipping the path search for the rest matters."""
        self._should_rewrite = should_rewrite
        self._name_filter = name_filter
        self._cache = not os.environ.get(NO_CACHE_ENV) if cache is None else cache
        self._marked: set[str] = set()
        self._origins: dict[str, Path] = {}  # modules this finder has claimed
        self._busy: set[str] = set()  # names being looked up, in case should_rewrite imports

    def mark_rewrite(self, *module_names: str, stacklevel: int = 2) -> None:
        """Also rewrite these modules and their submodules, whatever ``should_rewrite`` says.

        A module imported already cannot be: pytest's warning says so, placed ``stacklevel`` frames
        up (``pytest.register_assert_rewrite``'s caller), so filters naming it apply as in pytest."""
        for name in module_names:
            self._marked.add(name)
            module = sys.modules.get(name)
            if module is not None and name not in self._origins and _has_source(module):
                warnings.warn(
                    f"Module already imported so cannot be rewritten; {name}",
                    PytestAssertRewriteWarning,
                    stacklevel=stacklevel,
                )

    def _is_marked(self, fullname: str) -> bool:
        return any(fullname == name or fullname.startswith(name + ".") for name in self._marked)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not assertions_enabled() or fullname in self._busy:
            return None
        filtered_out = self._name_filter is not None and not self._name_filter(fullname)
        if filtered_out and not self._is_marked(fullname):
            return None
        self._busy.add(fullname)
        try:
            return self._find_rewritable(fullname, path)
        finally:
            self._busy.discard(fullname)

    def _find_rewritable(
        self, fullname: str, path: Sequence[str] | None
    ) -> importlib.machinery.ModuleSpec | None:
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if (
            spec is None
            or spec.origin is None
            or not spec.has_location
            or not isinstance(spec.loader, importlib.machinery.SourceFileLoader)
            or not spec.origin.endswith(".py")
        ):
            return None
        origin = Path(spec.origin)
        if not (self._is_marked(fullname) or self._should_rewrite(fullname, origin)):
            return None
        self._origins[fullname] = origin
        return importlib.util.spec_from_file_location(
            fullname, origin, loader=self, submodule_search_locations=spec.submodule_search_locations
        )

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None  # the default module object is fine

    def exec_module(self, module: ModuleType) -> None:
        spec = module.__spec__
        if spec is None or spec.origin is None:
            raise ImportError(f"{module.__name__} has no source file to rewrite", name=module.__name__)
        # A spec someone else made with this loader (a plugin's spec_from_file_location) is claimed
        # too, so get_source answers for its tracebacks.
        self._origins.setdefault(module.__name__, Path(spec.origin))
        exec(load_code(Path(spec.origin), cache=self._cache), module.__dict__)

    # The rest makes claimed modules behave like ordinarily imported ones for tools that ask
    # their loader (pkgutil.get_data, importlib.resources, linecache, inspect).

    def get_filename(self, fullname: str) -> str:
        return str(self._origin(fullname))

    def get_source(self, fullname: str) -> str:
        return importlib.util.decode_source(self._origin(fullname).read_bytes())

    def is_package(self, fullname: str) -> bool:
        return self._origin(fullname).name == "__init__.py"

    def get_data(self, path: str) -> bytes:
        return Path(path).read_bytes()

    def get_resource_reader(self, fullname: str) -> FileReader:
        # importlib.resources.files() on a claimed package reads the files beside __init__.py;
        # FileReader only needs an object with the module's path.
        from importlib.readers import FileReader

        return FileReader(
            cast(importlib.machinery.SourceFileLoader, SimpleNamespace(path=self.get_filename(fullname)))
        )

    def _origin(self, fullname: str) -> Path:
        try:
            return self._origins[fullname]
        except KeyError:
            raise ImportError(f"{fullname} was not loaded by this finder", name=fullname) from None


def install(finder: RewritingFinder) -> None:
    """Put ``finder`` first on ``sys.meta_path`` (once)."""
    if finder not in sys.meta_path:
        sys.meta_path.insert(0, finder)


def uninstall(finder: RewritingFinder) -> None:
    """Take ``finder`` off ``sys.meta_path``; modules it already loaded stay loaded."""
    while finder in sys.meta_path:
        sys.meta_path.remove(finder)


def load_module_from_path(name: str, path: Path, rewrite: bool) -> ModuleType:
    """Import the file at ``path`` as module ``name`` without touching ``sys.path``.

    This is ``--import-mode=importlib``: the module is registered in ``sys.modules`` before its
    code runs (dataclasses and pickling look it up there) and removed again if that code raises.
    """
    loader: RewritingFinder | None = None
    if rewrite and assertions_enabled():
        loader = RewritingFinder(lambda _name, _path: True)
        loader._origins[name] = path
    package_dirs = [str(path.parent)] if path.name == "__init__.py" else None
    spec = importlib.util.spec_from_file_location(
        name, path, loader=loader, submodule_search_locations=package_dirs
    )
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path} as {name}", name=name, path=str(path))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def load_code(path: Path, *, cache: bool) -> CodeType:
    """The rewritten code object for the source file at ``path``, from the cache if valid."""
    stat = path.stat()
    cache_path = _cache_path(path) if cache else None
    if cache_path is not None:
        code = _read_cache(cache_path, path, stat)
        if code is not None:
            return code
    source = path.read_bytes()
    code, warned = _compile(path, source)
    if cache_path is not None and not (warned and sys.dont_write_bytecode):
        _write_cache(cache_path, stat, code)
    return code


def _compile(path: Path, source: bytes) -> tuple[CodeType, bool]:
    """The rewritten code, and whether parsing or compiling it gave warnings.

    A first pass records them without showing them; the rare source that warns (or fails) is compiled
    again under the run's own filters, which show its warnings or turn them into errors as usual.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            code: CodeType | None = _rewrite_and_compile(path, source)
        except Exception:  # raised again by the second pass, with its warnings shown
            code = None
    if code is not None and not caught:
        return code, False
    return _rewrite_and_compile(path, source), True


def _rewrite_and_compile(path: Path, source: bytes) -> CodeType:
    tree = rewrite_module(ast.parse(source, filename=str(path)), source, str(path))
    return compile(tree, str(path), "exec", dont_inherit=True)


def _cache_path(path: Path) -> Path | None:
    tag = sys.implementation.cache_tag
    if tag is None:  # an implementation without bytecode caching
        return None
    return path.parent / "__pycache__" / f"{path.stem}.asynctestrun-{tag}.pyc"


def _header(stat: os.stat_result) -> bytes:
    return _HEADER.pack(
        importlib.util.MAGIC_NUMBER, REWRITE_VERSION, stat.st_mtime_ns & 0xFFFFFFFFFFFFFFFF, stat.st_size
    )


def _read_cache(cache_path: Path, source_path: Path, stat: os.stat_result) -> CodeType | None:
    try:
        data = cache_path.read_bytes()
    except OSError:
        return None
    if data[: _HEADER.size] != _header(stat):
        return None
    try:
        code = marshal.loads(data[_HEADER.size :])
    except (EOFError, ValueError, TypeError):
        return None
    # A moved project keeps valid-looking caches; tracebacks need the current path.
    if not isinstance(code, CodeType) or code.co_filename != str(source_path):
        return None
    return code


def _write_cache(cache_path: Path, stat: os.stat_result, code: CodeType) -> None:
    try:
        cache_path.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_path.parent, prefix=cache_path.name, suffix=".tmp")
    except OSError:
        return  # read-only checkout, or no permission: run uncached
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_header(stat))
            stream.write(marshal.dumps(code))
        os.replace(temporary, cache_path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _has_source(module: ModuleType) -> bool:
    """Whether a module came from a file we could have rewritten (not a builtin or extension)."""
    return str(getattr(module, "__file__", None) or "").endswith(".py")
