"""``mark.<name>`` decorators and ``param()``, storing marks the way pytest does (``obj.pytestmark``).

Keeping pytest's storage convention means code that inspects ``pytestmark`` itself, and plugins, see
what they expect.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from .._model.marks import Mark
from .outcomes import Failed
from .pytest_warnings import PytestUnknownMarkWarning

F = TypeVar("F")


class MarkDecorator:
    """A mark waiting to be applied: ``@mark.slow``, ``@mark.timeout(3)``."""

    __slots__ = ("mark",)

    def __init__(self, mark: Mark) -> None:
        self.mark = mark

    @property
    def name(self) -> str:
        return self.mark.name

    @property
    def args(self) -> tuple[Any, ...]:
        return self.mark.args

    @property
    def kwargs(self) -> Mapping[str, Any]:
        return self.mark.kwargs

    @property
    def markname(self) -> str:
        return self.mark.name

    def with_args(self, *args: Any, **kwargs: Any) -> MarkDecorator:
        return MarkDecorator(self.mark.combined_with(Mark(self.mark.name, args, kwargs)))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if args and not kwargs and len(args) == 1 and _is_markable(args[0]):
            return store_mark(args[0], self.mark)
        return self.with_args(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<MarkDecorator {self.mark!r}>"


def _is_markable(obj: object) -> bool:
    return inspect.isclass(obj) or (callable(obj) and getattr(obj, "__name__", "<lambda>") != "<lambda>")


def store_mark(obj: F, mark: Mark) -> F:
    """Append ``mark`` to ``obj.pytestmark``; for classes only the class's own list, not inherited ones."""
    target: Any = obj
    if hasattr(target, "_asynctestrun_fixture"):
        # pytest refuses marks on fixtures; so do we, loudly rather than silently ignoring them.
        raise TypeError(f"marks cannot be applied to fixtures (@mark.{mark.name} on {target!r})")
    existing = own_marks(target)
    try:
        target.pytestmark = [*existing, mark]
    except AttributeError:  # builtins, bound methods: the mark cannot be stored
        raise TypeError(f"cannot apply mark.{mark.name} to {target!r}") from None
    return obj


def own_marks(obj: object) -> list[Mark]:
    """Marks stored directly on ``obj`` (for a class: in its own ``__dict__``, not inherited)."""
    raw = obj.__dict__.get("pytestmark", []) if inspect.isclass(obj) else getattr(obj, "pytestmark", [])
    return normalize_marks(raw)


def normalize_marks(raw: object) -> list[Mark]:
    """Accept what users put in ``pytestmark``: a Mark, a MarkDecorator, or a list of either."""
    items: Iterable[object] = raw if isinstance(raw, list | tuple) else [raw]
    out: list[Mark] = []
    for item in items:
        mark = getattr(item, "mark", item)
        if isinstance(mark, Mark):
            out.append(mark)
        elif hasattr(mark, "name") and hasattr(mark, "args") and hasattr(mark, "kwargs"):
            out.append(Mark(mark.name, tuple(mark.args), dict(mark.kwargs)))
        else:
            raise TypeError(f"got {item!r} instead of a Mark")
    return out


def class_marks(cls: type) -> list[Mark]:
    """Marks of a class including its bases, own marks first (as pytest's MRO walk does)."""
    out: list[Mark] = []
    for klass in cls.__mro__:
        if klass is object:
            continue
        out.extend(own_marks(klass))
    return out


def unregistered_mark_message(name: str) -> str:
    """pytest's error for a mark used under ``--strict-markers`` that nothing registered."""
    return f"{name!r} not found in `markers` configuration option"


class MarkGenerator:
    """``mark.anything`` returns a fresh decorator; ``mark.parametrize`` etc. are nothing special.

    While a run collects, ``registered`` answers whether a name is a registered mark, and an unknown
    one gets pytest's ``PytestUnknownMarkWarning`` where it is used: a module using it fails to
    import when warnings are errors, as under pytest. With ``strict`` (``--strict-markers``) the use
    itself fails, as pytest's: the module is a collection error whichever of its tests are selected,
    and whatever the mark decorates."""

    def __init__(self) -> None:
        self.registered: Callable[[str], bool] | None = None
        self.strict = False

    def __getattr__(self, name: str) -> MarkDecorator:
        if name.startswith("_"):
            raise AttributeError(name)
        registered = self.registered
        if registered is not None and not registered(name):
            if self.strict:
                raise Failed(unregistered_mark_message(name), pytrace=False)
            warnings.warn(
                PytestUnknownMarkWarning(
                    f"Unknown pytest.mark.{name} - is this a typo?  You can register custom marks to avoid "
                    "this warning - for details, see https://docs.pytest.org/en/stable/how-to/mark.html"
                ),
                stacklevel=2,
            )
        return MarkDecorator(Mark(name))


mark = MarkGenerator()


@dataclass(frozen=True, slots=True)
class ParameterSet:
    """One row of a parametrize table: values, an optional id, and marks for that row."""

    values: tuple[Any, ...]
    marks: tuple[Mark, ...] = ()
    id: str | None = None

    @classmethod
    def extract(cls, obj: object, force_tuple: bool) -> ParameterSet:
        if isinstance(obj, ParameterSet):
            return obj
        if force_tuple:
            return cls((obj,))
        return cls(tuple(obj))  # type: ignore[arg-type]


class _HiddenParam(str):
    """The type of HIDDEN_PARAM: a string, so it passes where ids are strings, told apart by identity."""


# ``pytest.param(..., id=HIDDEN_PARAM)`` (or in ``ids=``): the parameter set adds nothing to the test id.
HIDDEN_PARAM = _HiddenParam("HIDDEN_PARAM")


def param(
    *values: object,
    marks: MarkDecorator | Mark | Collection[MarkDecorator | Mark] = (),
    id: str | None = None,
) -> ParameterSet:
    if isinstance(marks, MarkDecorator | Mark):
        marks = (marks,)
    if id is not None and not isinstance(id, str):
        raise TypeError(f"param id must be a string, got {id!r}")
    return ParameterSet(tuple(values), tuple(normalize_marks(list(marks))), id)
