"""Importing test modules and conftests the way pytest's import modes do.

``prepend`` (the default): the module's name is its dotted path from the first directory upward that
has no ``__init__.py`` (the "basedir"); that basedir goes to the front of ``sys.path`` and the module is
imported by name, so ``tests/unit/test_x.py`` inside packages becomes ``tests.unit.test_x``.
``importlib``: the module is loaded from its file under a unique name, leaving ``sys.path`` alone.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType


class ImportMismatchError(ImportError):
    pass


def package_root_and_name(path: Path) -> tuple[Path, str]:
    """For ``/r/pkg/sub/test_x.py`` with ``pkg`` and ``sub`` packages: (``/r``, ``pkg.sub.test_x``)."""
    names = [path.stem] if path.name != "__init__.py" else []
    directory = path.parent
    while (directory / "__init__.py").is_file():
        names.append(directory.name)
        directory = directory.parent
    return directory, ".".join(reversed(names))


def import_path(path: Path, *, mode: str, rootdir: Path) -> ModuleType:
    if mode == "importlib":
        return _import_by_path(path, rootdir)
    basedir, name = package_root_and_name(path)
    entry = str(basedir)
    if mode == "append":
        if entry not in sys.path:
            sys.path.append(entry)
    elif not sys.path or sys.path[0] != entry:
        if entry in sys.path:
            sys.path.remove(entry)
        sys.path.insert(0, entry)
    if path.name == "conftest.py" and "." not in name:
        # Several package-less conftest.py files share the name "conftest": drop the previous one.
        sys.modules.pop("conftest", None)
    importlib.import_module(name)
    module = sys.modules[name]
    _check_same_file(module, path, name)
    return module


def _check_same_file(module: ModuleType, path: Path, name: str) -> None:
    file = getattr(module, "__file__", None)
    if file is None or file == str(path):
        return  # the common case, without resolving symlinks on both sides
    loaded = Path(file)
    if loaded.name == "__init__.py" and path.name != "__init__.py":
        return
    try:
        same = loaded.resolve().samefile(path)
    except OSError:
        same = loaded.resolve() == path.resolve()
    if not same:
        raise ImportMismatchError(
            f"import file mismatch:\nimported module {name!r} has this __file__ attribute:\n"
            f"  {file}\nwhich is not the same as the test file we want to collect:\n  {path}\n"
            "HINT: remove __pycache__ / .pyc files and/or use a unique basename for your test file modules"
        )


def _import_by_path(path: Path, rootdir: Path) -> ModuleType:
    from .._rewrite.hook import load_module_from_path

    _, name = package_root_and_name(path)
    if "." in name:
        # Inside a package: pytest names the module from its package root and imports the parent
        # packages first (their __init__.py, by path), so relative imports work.
        if name in sys.modules:
            return sys.modules[name]
        _import_parents(name, path)
        module = load_module_from_path(name, path, rewrite=True)
        parent_name, _, child = name.rpartition(".")
        setattr(sys.modules[parent_name], child, module)
        return module
    try:
        rel = path.with_suffix("").relative_to(rootdir)
        name = ".".join(rel.parts)
    except ValueError:
        name = path.stem
    if name in sys.modules and getattr(sys.modules[name], "__file__", None) == str(path):
        return sys.modules[name]
    return load_module_from_path(name, path, rewrite=True)


def _import_parents(name: str, path: Path) -> None:
    """Import the packages above module ``name`` (at ``path``) from their ``__init__.py``, outermost first."""
    from .._rewrite.hook import load_module_from_path

    parts = name.split(".")[:-1]
    directories = [path.parent]
    for _ in parts[1:]:
        directories.append(directories[-1].parent)
    directories.reverse()  # outermost package first
    for depth, directory in enumerate(directories):
        package = ".".join(parts[: depth + 1])
        existing = sys.modules.get(package)
        if existing is not None and hasattr(existing, "__path__"):
            continue
        module = load_module_from_path(package, directory / "__init__.py", rewrite=False)
        if depth:
            setattr(sys.modules[".".join(parts[:depth])], parts[depth], module)
