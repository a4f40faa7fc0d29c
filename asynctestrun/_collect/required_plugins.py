"""``required_plugins``: the run does not start (exit 4) unless each listed plugin is loaded.

As pytest checks it: an entry is a requirement (``pytest-xdist>=3``), met by a distribution whose
``pytest11`` entry point is loaded in this run (not blocked with ``-p no:NAME``, not left out because
plugin autoload is off), whose metadata name is the requirement's name exactly as written (pytest does
not normalise it: ``pytest_asyncio`` is missing where ``pytest-asyncio`` is met) and whose version the
specifiers allow, pre-releases included. An entry that is not a valid requirement is missing.

pytest-asyncio is met by asynctestrun itself when it is not installed (asynctestrun does its work):
a suite that lists it runs unchanged after the switch. Installed, its own version is compared.

The requirement and version grammar is the part of PEP 440 / PEP 508 that plugin requirements use;
``packaging`` is not a runtime dependency.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._config.config import Config

_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
_REQUIREMENT = re.compile(
    rf"^(?P<name>{_NAME})\s*(?:\[\s*(?:{_NAME}(?:\s*,\s*{_NAME})*)?\s*\])?\s*"
    r"(?:(?P<url>@\s*\S+)|\(?(?P<specifiers>[^;()]*)\)?)\s*(?:;(?P<marker>.*))?$"
)
_SPECIFIER = re.compile(r"^\s*(?P<op>~=|===|==|!=|<=|>=|<|>)\s*(?P<version>[^\s,]+)\s*$")
_VERSION = re.compile(
    r"^v?(?:(?P<epoch>\d+)!)?(?P<release>\d+(?:\.\d+)*)"
    r"(?:[-_.]?(?P<pre_l>a|b|c|rc|alpha|beta|pre|preview)[-_.]?(?P<pre_n>\d*))?"
    r"(?:-(?P<post_n1>\d+)|[-_.]?(?P<post_l>post|rev|r)[-_.]?(?P<post_n2>\d*))?"
    r"(?:[-_.]?(?P<dev_l>dev)[-_.]?(?P<dev_n>\d*))?"
    r"(?:\+(?P<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$",
    re.IGNORECASE,
)
_PRE_ORDER = {"a": 0, "alpha": 0, "b": 1, "beta": 1, "c": 2, "rc": 2, "pre": 2, "preview": 2}
_INFINITY = float("inf")


@dataclass(frozen=True, slots=True)
class Version:
    """A PEP 440 version, compared by ``key``."""

    epoch: int
    release: tuple[int, ...]
    pre: tuple[int, int] | None
    post: int | None
    dev: int | None
    local: str | None
    text: str = ""  # as written, for ``===``

    @property
    def key(self) -> tuple[object, ...]:
        release = list(self.release)
        while len(release) > 1 and release[-1] == 0:
            release.pop()  # 1.0 == 1
        # A dev release of a final version comes before its pre-releases; a final after them.
        if self.pre is not None:
            pre: tuple[float, float] = self.pre
        elif self.dev is not None and self.post is None:
            pre = (-_INFINITY, 0)
        else:
            pre = (_INFINITY, 0)
        post = -_INFINITY if self.post is None else self.post
        dev = _INFINITY if self.dev is None else self.dev
        return (self.epoch, tuple(release), pre, post, dev)

    @property
    def public(self) -> Version:
        return Version(self.epoch, self.release, self.pre, self.post, self.dev, None, self.text)

    @property
    def is_prerelease(self) -> bool:
        return self.pre is not None or self.dev is not None


def parse_version(text: str) -> Version | None:
    match = _VERSION.match(text.strip())
    if match is None:
        return None
    pre = None
    if match["pre_l"]:
        pre = (_PRE_ORDER[match["pre_l"].lower()], int(match["pre_n"] or 0))
    post = None
    if match["post_n1"]:
        post = int(match["post_n1"])
    elif match["post_l"]:
        post = int(match["post_n2"] or 0)
    dev = int(match["dev_n"] or 0) if match["dev_l"] else None
    return Version(
        int(match["epoch"] or 0),
        tuple(int(part) for part in match["release"].split(".")),
        pre,
        post,
        dev,
        match["local"],
        text.strip(),
    )


@dataclass(frozen=True, slots=True)
class Specifier:
    operator: str
    version: str

    def allows(self, candidate: Version) -> bool:
        """Whether ``candidate`` meets this specifier, pre-releases allowed."""
        if self.operator == "===":
            return candidate.text == self.version
        if self.version.endswith(".*"):
            prefix = parse_version(self.version[:-2])
            matched = prefix is not None and _prefix_match(candidate, prefix)
            return matched if self.operator == "==" else not matched
        spec = parse_version(self.version)
        if spec is None:
            return False
        if self.operator in ("==", "!="):
            # A local label is ignored unless the specifier names one.
            equal = (candidate if spec.local else candidate.public).key == spec.key and (
                spec.local is None or candidate.local == spec.local
            )
            return equal if self.operator == "==" else not equal
        public = candidate.public
        if self.operator == ">=":
            return public.key >= spec.key
        if self.operator == "<=":
            return public.key <= spec.key
        if self.operator == "~=":
            prefix = Version(spec.epoch, spec.release[:-1], None, None, None, None)
            return public.key >= spec.key and _prefix_match(candidate, prefix)
        if self.operator == ">":
            # A post-release of the version itself is not greater, unless the specifier is one.
            if spec.post is None and public.post is not None and _same_release(public, spec):
                return False
            return public.key > spec.key
        # "<": a pre-release of the version itself is not less, unless the specifier is one.
        if not spec.is_prerelease and public.is_prerelease and _same_release(public, spec):
            return False
        return public.key < spec.key


def _same_release(first: Version, second: Version) -> bool:
    """The same epoch and release (trailing zeros aside), whatever the pre-, post- and dev parts."""
    return first.key[:2] == second.key[:2]


def _prefix_match(candidate: Version, prefix: Version) -> bool:
    release = candidate.release + (0,) * max(0, len(prefix.release) - len(candidate.release))
    return candidate.epoch == prefix.epoch and release[: len(prefix.release)] == prefix.release


@dataclass(frozen=True, slots=True)
class Requirement:
    name: str
    specifiers: tuple[Specifier, ...]


def parse_requirement(text: str) -> Requirement | None:
    """The requirement ``text`` names, or None when it is not one (pytest counts it missing)."""
    match = _REQUIREMENT.match(text.strip())
    if match is None or (match["marker"] is not None and not match["marker"].strip()):
        return None
    specifiers: list[Specifier] = []
    for part in (match["specifiers"] or "").split(","):
        if not part.strip() and not specifiers and "," not in (match["specifiers"] or ""):
            break  # no specifier at all
        found = _SPECIFIER.match(part)
        if found is None or not _valid_specifier_version(found["op"], found["version"]):
            return None
        specifiers.append(Specifier(found["op"], found["version"]))
    return Requirement(match["name"], tuple(specifiers))


def _valid_specifier_version(operator: str, version: str) -> bool:
    if operator == "===":
        return True
    if version.endswith(".*"):
        return operator in ("==", "!=") and parse_version(version[:-2]) is not None
    parsed = parse_version(version)
    return parsed is not None and (operator != "~=" or len(parsed.release) > 1)


def missing(required: Iterable[str], loaded: Mapping[str, str]) -> list[str]:
    """The entries of ``required`` that the loaded distributions (name -> version) do not meet, in
    sorted order, as pytest names them."""
    absent: list[str] = []
    for entry in sorted(required):
        requirement = parse_requirement(entry)
        version = None if requirement is None else loaded.get(requirement.name)
        candidate = None if version is None else parse_version(version)
        if (
            requirement is None
            or candidate is None
            or not all(spec.allows(candidate) for spec in requirement.specifiers)
        ):
            absent.append(entry)
    return absent


def loaded_distributions(config: Config) -> dict[str, str]:
    """Name -> version of the distributions whose plugins this run loads, as pytest lists them."""
    from importlib.metadata import entry_points

    from .._shim import pytest_asyncio_api
    from .entry_points import GROUP

    blocked = config.blocked_plugins()
    loaded: dict[str, str] = {}
    asyncio_installed = False
    for ep in entry_points(group=GROUP):
        if ep.dist is None:
            continue
        name = ep.dist.metadata["Name"]
        asyncio_installed |= name == "pytest-asyncio"
        if ep.name not in blocked and (config.plugin_autoload or ep.name in config.early_plugins):
            loaded[name] = ep.dist.version
    if config.asyncio_plugin and not asyncio_installed:
        loaded["pytest-asyncio"] = pytest_asyncio_api.__version__
    return loaded
