"""Node views handed to user code: ``request.node``, ``item`` in hooks. Mutable on purpose (plugins add
markers), so they wrap the frozen TestItem instead of being it; the plan reads marks back from them."""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Self

from .._declare.marks import MarkDecorator, class_marks, own_marks
from .._model.items import TestItem
from .._model.marks import Mark
from .._model.outcomes import dotted_names


def legacy_path(path: Path) -> Any:
    """``node.fspath``, ``request.fspath``: pytest's legacypath plugin makes them ``py.path.local``, and
    plugins call its methods (pytest-recording's ``request.node.fspath.dirname``)."""
    from .._builtins.legacypath import LocalPath  # only suites using fspath pay for the import

    return LocalPath(path)


class Keywords(MutableMapping[str, Any]):
    def __init__(self, names: frozenset[str], marks: list[Mark]) -> None:
        self._data: dict[str, Any] = dict.fromkeys(names, True)
        for mark in marks:
            self._data[mark.name] = mark

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._data[key] = value

    def __delitem__(self, key: str) -> None:
        raise ValueError("cannot delete keywords")

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


class CallSpecView:
    def __init__(self, item: TestItem) -> None:
        self.params = dict(item.callspec.params)
        self.id = item.callspec.id
        self.indices = dict(item.callspec.indices)

    def getparam(self, name: str) -> Any:
        return self.params[name]


@dataclass(slots=True)
class FixtureInfoView:
    """pytest's ``item._fixtureinfo`` (a FuncFixtureInfo) as far as plugins read it: a plain
    ``pytest_pyfunc_call`` calls the test with the ``funcargs`` its ``argnames`` name, as pytest's does."""

    argnames: tuple[str, ...]  # what the test function itself asks for
    names_closure: list[str]  # every fixture the test uses


def as_mark(marker: str | Mark | MarkDecorator) -> Mark:
    """What ``add_marker`` takes, as a mark: a name, a mark, or ``pytest.mark.NAME(...)``."""
    mark = Mark(marker) if isinstance(marker, str) else getattr(marker, "mark", marker)
    if not isinstance(mark, Mark):
        raise ValueError(f"is not a string or pytest.mark.* Marker: {marker!r}")
    return mark


class ContainerNode:
    """A package, module or class as ``request.node`` for wider-scoped fixtures and as a test's parent:
    its own marks (a module's ``pytestmark``, a class's marks) and its parents', as pytest's nodes."""

    def __init__(
        self,
        name: str,
        nodeid: str,
        obj: Any,
        path: Path,
        config: Any,
        parent: ContainerNode | None = None,
        tree: NodeTree | None = None,
    ) -> None:
        self.name = name
        self.nodeid = nodeid
        self.obj = obj
        self.path = path
        self.config = config
        self._parent = parent
        self._tree = tree
        self.own_markers: list[Mark] = self._marks_of(obj)
        # The marks a plugin adds here later (a conftest's ``item.parent.add_marker`` in
        # pytest_collection_modifyitems): the tests' own marks were read from the objects before, so
        # they take these on separately, as pytest's iter_markers walks up to them.
        self.added_markers: list[Mark] = []
        self.stash: dict[Any, Any] = {}
        self.extra_keyword_matches: set[str] = set()
        self._keywords: Keywords | None = None

    @classmethod
    def from_parent(cls, parent: Any, **kwargs: Any) -> Self:
        """pytest's way to make a collector, as a conftest's ``pytest_pycollect_makemodule`` does
        (``pytest.Module.from_parent(parent, path=module_path)``): ``name`` and ``nodeid`` default
        from the path and the parent, as pytest's."""
        path = Path(kwargs.get("path") or parent.path)
        name = kwargs.get("name") or path.name
        nodeid = kwargs.get("nodeid") or (f"{parent.nodeid}/{name}" if parent.nodeid else name)
        container = parent if isinstance(parent, ContainerNode) else None
        tree = getattr(parent, "_tree", None)
        return cls(name, nodeid, kwargs.get("obj"), path, parent.config, container, tree)

    @staticmethod
    def _marks_of(obj: Any) -> list[Mark]:
        return []

    @property
    def parent(self) -> Any:
        """The enclosing package, module or class node, else the session (None in a bare tree)."""
        if self._parent is not None:
            return self._parent
        return self._tree.session if self._tree is not None else None

    @property
    def session(self) -> Any:
        return self._tree.session if self._tree is not None else None

    @property
    def fspath(self) -> Any:
        return legacy_path(self.path)

    @property
    def module(self) -> Any:
        return self.obj

    @property
    def cls(self) -> type | None:
        return None

    @property
    def instance(self) -> Any:
        return None

    @property
    def ihook(self) -> Any:
        return getattr(self.config, "hook", None)

    @property
    def keywords(self) -> Keywords:
        if self._keywords is None:
            self._keywords = Keywords(frozenset({self.name}), self.own_markers)
        return self._keywords

    def listchain(self) -> list[Any]:
        """The session (where known), then every node down to this one."""
        chain: list[Any] = []
        node: Any = self
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    def iter_parents(self) -> Iterator[Any]:
        """This node, then each parent up to the session."""
        return iter(self.listchain()[::-1])

    def listnames(self) -> list[str]:
        return [node.name for node in self.listchain()]

    def getparent(self, cls: type) -> Any:
        return next((node for node in self.iter_parents() if isinstance(node, cls)), None)

    def iter_markers_with_node(self, name: str | None = None) -> Iterator[tuple[Any, Mark]]:
        """Marks nearest first: this node's, then each parent's, as pytest reads them."""
        for node in self.iter_parents():
            for mark in getattr(node, "own_markers", ()):
                if name is None or mark.name == name:
                    yield node, mark

    def iter_markers(self, name: str | None = None) -> Iterator[Mark]:
        return (mark for _node, mark in self.iter_markers_with_node(name))

    def get_closest_marker(self, name: str, default: Mark | None = None) -> Mark | None:
        return next(self.iter_markers(name), default)

    def add_marker(self, marker: str | Mark | MarkDecorator, append: bool = True) -> None:
        mark = as_mark(marker)
        self.keywords[mark.name] = mark
        if append:
            self.own_markers.append(mark)
            self.added_markers.append(mark)
        else:
            self.own_markers.insert(0, mark)
            self.added_markers.insert(0, mark)
        if self._tree is not None:
            self._tree.parents_marked = True

    def listextrakeywords(self) -> set[str]:
        return set(self.extra_keyword_matches)

    def warn(self, warning: Warning) -> None:
        import warnings

        warnings.warn(warning, stacklevel=2)

    def addfinalizer(self, finalizer: Any) -> None:
        """Runs ``finalizer`` when this package, module or class is torn down (it must be live: asked
        from a fixture or test inside it, as in pytest)."""
        host = self._tree.finalizer_host if self._tree is not None else None
        if host is None or not host(self, finalizer):
            raise RuntimeError(f"addfinalizer on {self!r}: it is not set up at this point of the run")

    def __repr__(self) -> str:
        return f"<{type(self).__name__.removesuffix('Node')} {self.name}>"


# One class per kind of collector, as pytest's, so ``item.getparent(pytest.Module)`` finds the module
# and ``item.getparent(pytest.Class)`` is None outside a class (pytest-dependency keys its scopes so).
class PackageNode(ContainerNode):
    """``pytest.Package``: a directory with ``__init__.py``."""


class ModuleNode(ContainerNode):
    """``pytest.Module``."""

    @staticmethod
    def _marks_of(obj: Any) -> list[Mark]:
        try:
            return own_marks(obj) if obj is not None else []
        except TypeError:  # a malformed ``pytestmark``: its collection already reported it
            return []


class ClassNode(ContainerNode):
    """``pytest.Class``."""

    @staticmethod
    def _marks_of(obj: Any) -> list[Mark]:
        return class_marks(obj) if isinstance(obj, type) else []

    @property
    def cls(self) -> type | None:
        return self.obj if isinstance(self.obj, type) else None


class SessionNode:
    """``pytest.Session``: the base of the run's session object, for ``isinstance`` checks, and the
    root of every node's chain (no parent, node id ""; marks only those a plugin adds to it)."""

    parent: Any = None
    nodeid = ""
    own_markers: Sequence[Mark] = ()

    @property
    def session(self) -> SessionNode:
        return self

    def listchain(self) -> list[Any]:
        return [self]

    def iter_parents(self) -> Iterator[Any]:
        return iter((self,))

    def iter_markers(self, name: str | None = None) -> Iterator[Mark]:
        return (mark for _node, mark in self.iter_markers_with_node(name))

    def iter_markers_with_node(self, name: str | None = None) -> Iterator[tuple[Any, Mark]]:
        return ((self, mark) for mark in self.own_markers if name is None or mark.name == name)

    def get_closest_marker(self, name: str, default: Mark | None = None) -> Mark | None:
        return next(self.iter_markers(name), default)

    def getparent(self, cls: type) -> Any:
        return self if isinstance(self, cls) else None


class NodeTree:
    """The run's package, module and class nodes, one of each shared by all the tests in it, as
    pytest's collection tree is: plugins keep state on a parent node across its tests
    (pytest-dependency stores each test's outcome on its module, class and session)."""

    def __init__(self, config: Any) -> None:
        self._config = config
        self._nodes: dict[tuple[type[ContainerNode], str], ContainerNode] = {}
        self.session: Any = None  # the session node above the outermost package or module
        # A container was given a mark after collection: only then do tests look for such marks
        # (walking every test's parents for each mark lookup cost ~5 % of a 2,000-test run).
        self.parents_marked = False
        # Set by the runner: hands a container's ``addfinalizer`` to its live scope (False: not live).
        self.finalizer_host: Callable[[ContainerNode | SessionNode, Callable[[], object]], bool] | None = None

    def chain(self, item: TestItem) -> list[ContainerNode]:
        """The item's parents, outermost first (the session excluded)."""
        nodes: list[ContainerNode] = []
        parent: ContainerNode | None = None
        if item.chain.package:
            directory = item.chain.package[-1]
            parent = self._node(PackageNode, directory, Path(directory).name, None, item.path.parent, None)
            nodes.append(parent)
        parent = self._node(ModuleNode, item.relpath, item.path.name, item.module, item.path, parent)
        nodes.append(parent)
        if item.cls is not None and item.chain.klass is not None:
            nodes.append(
                self._node(ClassNode, item.chain.klass, item.cls.__name__, item.cls, item.path, parent)
            )
        return nodes

    def parents_have_extra_keywords(self) -> bool:
        """Whether a hook gave a package, module or class extra keywords; only the nodes built so far
        can have them, so most runs never walk a test's parents for its keywords."""
        return any(node.extra_keyword_matches for node in self._nodes.values())

    def directory(self, path: Path, nodeid: str) -> ContainerNode:
        """The node of a test file's directory, the ``parent`` pytest gives a conftest's
        ``pytest_pycollect_makemodule``: a package where it has ``__init__.py`` (keyed as the tests'
        package nodes are), else a plain directory (``pytest.Dir``)."""
        if (path / "__init__.py").is_file():
            return self._node(PackageNode, str(path), path.name, None, path, None)
        return self._node(ContainerNode, nodeid, path.name, None, path, None)

    def module(self, path: Path, nodeid: str) -> ContainerNode:
        """The node of a test module before it imports (``pytest_collectstart``'s collector); its tests
        share it, and it takes the module object once they are collected."""
        return self._node(ModuleNode, nodeid, path.name, None, path, None)

    def _node(
        self,
        kind: type[ContainerNode],
        key: str,
        name: str,
        obj: Any,
        path: Path,
        parent: ContainerNode | None,
    ) -> ContainerNode:
        node = self._nodes.get((kind, key))
        if node is None:
            node = self._nodes[(kind, key)] = kind(name, key, obj, path, self._config, parent, self)
        elif node.obj is None and obj is not None:  # made before its module imported (module())
            node.obj, node._parent = obj, parent
            node.own_markers = node._marks_of(obj)
        return node


def item_node(item: TestItem, config: Any, session: Any = None, tree: NodeTree | None = None) -> ItemNode:
    """The node of an item: a doctest's is a ``DoctestNode``, as pytest's is a ``DoctestItem``."""
    return (DoctestNode if item.doctest else ItemNode)(item, config, session, tree)


class ItemNode:
    """What plugins and ``request.node`` see of a test."""

    def __init__(
        self, item: TestItem, config: Any, session: Any = None, tree: NodeTree | None = None
    ) -> None:
        self._item = item
        self._tree = tree or NodeTree(config)
        self.config = config
        self.session = session
        self.nodeid = item.nodeid
        self.name = item.name
        self.originalname = item.originalname
        self.own_markers: list[Mark] = list(item.marks)
        self.added_marks: list[Mark] = []
        self._keywords: Keywords | None = None
        self.user_properties: list[tuple[str, Any]] = []
        self.xml_attributes: list[tuple[str, str]] = []  # record_xml_attribute's, for the JUnit testcase
        self.stash: dict[Any, Any] = {}
        self.extra_keyword_matches: set[str] = set()
        self.fixturenames = list(
            item.node_fixturenames if item.node_fixturenames is not None else item.fixturenames
        )
        self.funcargs: dict[str, Any] = {}
        self.instance: Any = None
        # Set when a plugin assigns ``item.obj`` (pytest-trio's pytest_runtest_call wrapper): the call
        # phase then calls this instead of the collected function, as pytest calls ``item.obj``.
        self.replaced_obj: Any = None
        self._parent: ContainerNode | None = None
        self._report_sections: list[tuple[str, str, str]] = []
        if item.callspec.params:  # ids may be empty: one loop factory is parametrized, not named
            self.callspec = CallSpecView(item)

    @property
    def item(self) -> TestItem:
        return self._item

    @property
    def parent(self) -> ContainerNode:
        # Built on first use, like keywords: one per test at collection was measurable at 10,000 tests.
        if self._parent is None:
            self._parent = self._tree.chain(self._item)[-1]
        return self._parent

    @property
    def _store(self) -> dict[Any, Any]:
        """pytest's former name of ``stash``, which plugins still read (pytest-check)."""
        return self.stash

    @property
    def keywords(self) -> Keywords:
        # Built on first use: most tests never look at their keywords.
        if self._keywords is None:
            self._keywords = Keywords(self._item.keywords, list(self._item.marks))
        return self._keywords

    @property
    def path(self) -> Path:
        return self._item.path

    @property
    def fspath(self) -> Any:
        return legacy_path(self._item.path)

    @property
    def module(self) -> Any:
        return self._item.module

    @property
    def cls(self) -> type | None:
        return self._item.cls

    @property
    def function(self) -> Any:
        return self._item.function

    @property
    def obj(self) -> Any:
        if self.replaced_obj is not None:
            return self.replaced_obj
        function = self._item.function
        if self.instance is not None:  # pytest's item.obj is bound to the test's instance
            return function.__get__(self.instance, self._item.cls)
        return function

    @obj.setter
    def obj(self, value: Any) -> None:
        self.replaced_obj = value

    @property
    def _fixtureinfo(self) -> FixtureInfoView:
        return FixtureInfoView(self._item.argnames, list(self.fixturenames))

    @property
    def location(self) -> tuple[str, int | None, str]:
        if self._item.headline is not None:
            domain = self._item.headline
        else:
            domain = dotted_names(self.nodeid.split("::", 1)[1] if "::" in self.nodeid else self.name)
        return (self._item.relpath, (self._item.lineno or 1) - 1, domain)

    def _all_marks(self) -> list[Mark]:
        own = [*self.added_marks, *self.own_markers]
        return [*own, *self._marks_added_to_parents(own)]

    def _marks_added_to_parents(self, own: list[Mark]) -> list[Mark]:
        """The marks added to this test's class, module or package after collection, nearest parent
        first: in pytest they are the test's marks too (``-m`` selects by them). One this test
        already holds (its marks were rebuilt from these) is not counted twice."""
        if not self._tree.parents_marked:
            return []
        held = {id(mark) for mark in own}
        chain = reversed(self._tree.chain(self._item))
        added = [mark for node in chain for mark in node.added_markers if id(mark) not in held]
        # The session is the farthest parent: a conftest's ``session.add_marker`` (a filterwarnings
        # mark from pytest_runtestloop, as python-telegram-bot's) is every test's mark, last.
        session = self._tree.session
        return [*added, *(getattr(session, "own_markers", ()) if session is not None else ())]

    def add_marker(self, marker: str | Mark | MarkDecorator, append: bool = True) -> None:
        mark = as_mark(marker)
        self.keywords[mark.name] = mark
        if append:
            self.own_markers.append(mark)
        else:
            self.added_marks.insert(0, mark)

    def get_closest_marker(self, name: str, default: Mark | None = None) -> Mark | None:
        return next((m for m in self._all_marks() if m.name == name), default)

    def iter_markers(self, name: str | None = None) -> Iterator[Mark]:
        return (m for m in self._all_marks() if name is None or m.name == name)

    def iter_markers_with_node(self, name: str | None = None) -> Iterator[tuple[ItemNode, Mark]]:
        return ((self, m) for m in self.iter_markers(name))

    def listchain(self) -> list[Any]:
        session = [self.session] if self.session is not None else []
        return [*session, *self._tree.chain(self._item), self]

    def getparent(self, cls: type) -> Any:
        """The nearest node in the chain (this test included) that is a ``cls``."""
        return next((node for node in reversed(self.listchain()) if isinstance(node, cls)), None)

    def iter_parents(self) -> Iterator[Any]:
        """This test, then each parent up to the session."""
        return iter(self.listchain()[::-1])

    def listnames(self) -> list[str]:
        return [node.name for node in self.listchain()]

    @property
    def ihook(self) -> Any:
        return getattr(self.config, "hook", None)

    @property
    def nextitem(self) -> None:
        """pytest's next test to run; not tracked here (the scope stack decides teardown)."""
        return None

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, self.location[1], self.location[2]

    def add_report_section(self, when: str, key: str, content: str) -> None:
        """A plugin's extra output for this test (kept, as pytest keeps it in ``_report_sections``)."""
        if content:
            self._report_sections.append((when, key, content))

    def listextrakeywords(self) -> set[str]:
        """The extra keywords of this test and of its parents, as pytest's: ``-k`` matches them all."""
        return self._extra_keywords(self._tree.parents_have_extra_keywords())

    def _extra_keywords(self, with_parents: bool) -> set[str]:
        words = set(self.extra_keyword_matches)
        if with_parents:
            for node in self._tree.chain(self._item):
                words.update(node.extra_keyword_matches)
        return words

    def marks(self) -> tuple[Mark, ...]:
        return tuple(self._all_marks())

    def modified_item(self, parents_have_extra_keywords: bool) -> TestItem:
        """The test as the collection hooks left it: its marks (``-m``) and, as pytest's keyword
        matcher reads them when it deselects, after those hooks, their names and the extra keywords
        (``-k``): syrupy marks the tests using its ``snapshot`` fixture so, in a tryfirst hook.
        ``parents_have_extra_keywords`` is asked once for all the tests (``NodeTree``)."""
        item = self._item
        marks = self.marks()
        extra = self._extra_keywords(parents_have_extra_keywords)
        if marks == item.marks and not extra:
            return item  # the collected keywords hold the collected marks' names
        keywords = item.keywords.union((mark.name for mark in marks), extra)
        return replace(item, marks=marks, keywords=keywords)

    def warn(self, warning: Warning) -> None:
        """As pytest's ``Node.warn``: issued at the test's place (its rootdir-relative file, the line
        of its definition), so the warnings summary points there and filters match it, whoever
        called."""
        import warnings

        item = self._item
        if item.lineno is None:
            warnings.warn(warning, stacklevel=2)
            return
        warnings.warn_explicit(warning, category=None, filename=item.relpath, lineno=item.lineno)

    def addfinalizer(self, finalizer: Any) -> None:
        runtime = self.stash.get("_asynctestrun_addfinalizer")
        if runtime is None:
            raise RuntimeError("addfinalizer is only available while the test runs")
        runtime(finalizer)

    def __repr__(self) -> str:
        return f"<Function {self.name}>"


class DoctestNode(ItemNode):
    """A doctest's node, ``pytest.DoctestItem`` to plugins that tell doctests apart."""

    @property
    def dtest(self) -> Any:
        """The ``doctest.DocTest`` it runs."""
        return getattr(self._item.function, "dtest", None)
