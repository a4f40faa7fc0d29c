"""The flags of pytest's own plugins that ``-p no:NAME`` takes away with the plugin.

asynctestrun parses pytest's flags itself, always. Under pytest a flag exists only while the plugin
that declares it is loaded, so ``-p no:cacheprovider --lf`` is a usage error there ("unrecognized
arguments: --lf", exit 4), as is ``-p no:junitxml --junitxml=out.xml``: a suite that runs with
``-p no:cacheprovider`` and keeps ``--cache-clear`` in its ``addopts`` does not start under pytest.
The flags found here are handed back as unknown arguments, so that they fail as any other.

Only a ``-p no:NAME`` of the command line itself counts. pytest reads those before it loads its own
plugins; one in ``addopts`` or ``PYTEST_ADDOPTS`` is read after the plugins declared their flags, so
the flags stay known (the plugin is unregistered all the same).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

# Flag spellings by the name the plugin registers under (what ``-p no:NAME`` matches). Only the flags
# the command line parses itself: tolerated options are declared on their own (_config/tolerated.py).
PLUGIN_FLAGS: Mapping[str, frozenset[str]] = {
    "cacheprovider": frozenset(
        {
            "--lf",
            "--last-failed",
            "--ff",
            "--failed-first",
            "--nf",
            "--new-first",
            "--cache-clear",
            "--cache-show",
            "--lfnf",
            "--last-failed-no-failures",
        }
    ),
    "stepwise": frozenset(
        {"--sw", "--stepwise", "--sw-skip", "--stepwise-skip", "--sw-reset", "--stepwise-reset"}
    ),
    "junitxml": frozenset({"--junitxml", "--junit-xml"}),
    "setuponly": frozenset({"--setup-only"}),
    "setupplan": frozenset({"--setup-plan"}),
    "logging": frozenset({"--log-level"}),
}


def blocked_plugins(disabled: Iterable[str]) -> frozenset[str]:
    """The plugins of PLUGIN_FLAGS that ``-p no:NAME`` turns off. As pytest's ``consider_pluginarg``:
    blocking the cache provider blocks stepwise too, which keeps its state in that cache."""
    names = set(disabled) & set(PLUGIN_FLAGS)
    if "cacheprovider" in names:
        names.add("stepwise")
    return frozenset(names)


def blocked_flags(tokens: Sequence[str], disabled: Iterable[str]) -> list[str]:
    """The tokens that spell a flag of a blocked plugin (``--flag`` or ``--flag=value``), in order.
    A value given as the next token is left where it is: pytest names only the flag in its error."""
    flags: set[str] = set()
    for plugin in blocked_plugins(disabled):
        flags |= PLUGIN_FLAGS[plugin]
    if not flags:
        return []
    return [token for token in tokens if token.split("=", 1)[0] in flags]


def with_blocked(tokens: Sequence[str], unknown: Sequence[str], blocked: Sequence[str]) -> list[str]:
    """``unknown`` with the ``blocked`` tokens put in, all in command-line order (pytest lists its
    unrecognized arguments that way)."""
    if not blocked:
        return list(unknown)
    merged: list[str] = []
    pending = list(blocked)
    position = 0
    for token in tokens:
        if position < len(unknown) and token == unknown[position]:
            merged.append(token)
            position += 1
        elif pending and token == pending[0]:
            merged.append(pending.pop(0))
    return [*merged, *unknown[position:], *pending]
