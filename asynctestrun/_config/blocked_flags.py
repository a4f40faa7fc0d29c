"""The flags that ``-p no:NAME`` takes away with the plugin: pytest's own plugins', and those of the
plugins asynctestrun replaces (pytest-asyncio, pytest-cov, pytest-xdist, pytest-timeout, ...).

asynctestrun parses pytest's flags itself, always. Under pytest a flag exists only while the plugin
that declares it is loaded, so ``-p no:cacheprovider --lf`` is a usage error there ("unrecognized
arguments: --lf", exit 4), as is ``-p no:junitxml --junitxml=out.xml``: a suite that runs with
``-p no:cacheprovider`` and keeps ``--cache-clear`` in its ``addopts`` does not start under pytest.
The same holds for a replaced plugin: ``-p no:cov --cov=pkg`` and ``-p no:xdist -n 2`` stop pytest
with that usage error although asynctestrun always knows ``--cov`` and ``-n``. The flags found here are
handed back as unknown arguments, so that they fail as any other; the tolerated options of a blocked
plugin are not declared for the second parse (``withheld``).

Only a ``-p no:NAME`` of the command line itself counts. pytest reads those before it loads its own
plugins; one in ``addopts`` or ``PYTEST_ADDOPTS`` is read after the plugins declared their flags, so
the flags stay known (the plugin is unregistered all the same).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

# Flag spellings by the name the plugin registers under (what ``-p no:NAME`` matches: an entry point's
# name, so pytest-cov's is ``pytest_cov``, which ``-p no:cov`` blocks too).
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
    "junitxml": frozenset({"--junitxml", "--junit-xml", "--junitprefix", "--junit-prefix"}),
    "setuponly": frozenset({"--setup-only", "--setup-show"}),
    "setupplan": frozenset({"--setup-plan"}),
    "logging": frozenset(
        {
            "--log-level",
            "--log-disable",
            "--log-format",
            "--log-date-format",
            "--log-cli-level",
            "--log-cli-format",
            "--log-cli-date-format",
            "--log-file",
            "--log-file-mode",
            "--log-file-level",
            "--log-file-format",
            "--log-file-date-format",
            "--log-auto-indent",
        }
    ),
    "doctest": frozenset(
        {
            "--doctest-modules",
            "--doctest-glob",
            "--doctest-report",
            "--doctest-continue-on-failure",
            "--doctest-ignore-import-errors",
        }
    ),
    "debugging": frozenset({"--pdb", "--pdbcls", "--trace"}),
    "skipping": frozenset({"--runxfail"}),
    "pastebin": frozenset({"--pastebin"}),
    # The plugins asynctestrun replaces: their flags exist under pytest only while they are loaded.
    "asyncio": frozenset({"--asyncio-mode", "--asyncio-debug"}),
    "anyio": frozenset({"--anyio-mode"}),
    "pytest_cov": frozenset(
        {
            "--cov",
            "--cov-append",
            "--cov-branch",
            "--cov-config",
            "--cov-context",
            "--cov-fail-under",
            "--cov-precision",
            "--cov-report",
            "--cov-reset",
            "--no-cov",
            "--no-cov-on-fail",
        }
    ),
    "xdist": frozenset(
        {
            "-n",
            "--numprocesses",
            "-d",
            "--dist",
            "--tx",
            "--px",
            "--maxprocesses",
            "--max-worker-restart",
            "--maxschedchunk",
            "--rsyncdir",
            "--rsyncignore",
            "--testrunuid",
            "--loadscope-reorder",
            "--no-loadscope-reorder",
        }
    ),
    "xdist.looponfail": frozenset({"-f", "--looponfail"}),
    "timeout": frozenset(
        {
            "--timeout",
            "--timeout-method",
            "--timeout_method",
            "--timeout-disable-debugger-detection",
            "--session-timeout",
        }
    ),
    "hypothesispytest": frozenset(
        {
            "--hypothesis-profile",
            "--hypothesis-show-statistics",
            "--hypothesis-verbosity",
            "--hypothesis-seed",
            "--hypothesis-explain",
        }
    ),
    "benchmark": frozenset(
        {
            "--benchmark-autosave",
            "--benchmark-calibration-precision",
            "--benchmark-columns",
            "--benchmark-compare",
            "--benchmark-compare-fail",
            "--benchmark-confidence",
            "--benchmark-cprofile",
            "--benchmark-cprofile-dump",
            "--benchmark-cprofile-loops",
            "--benchmark-cprofile-top",
            "--benchmark-disable",
            "--benchmark-disable-gc",
            "--benchmark-enable",
            "--benchmark-group-by",
            "--benchmark-histogram",
            "--benchmark-json",
            "--benchmark-max-time",
            "--benchmark-min-rounds",
            "--benchmark-min-time",
            "--benchmark-name",
            "--benchmark-netrc",
            "--benchmark-only",
            "--benchmark-precision",
            "--benchmark-quiet",
            "--benchmark-save",
            "--benchmark-save-data",
            "--benchmark-skip",
            "--benchmark-sort",
            "--benchmark-storage",
            "--benchmark-time-unit",
            "--benchmark-timer",
            "--benchmark-verbose",
            "--benchmark-warmup",
            "--benchmark-warmup-iterations",
        }
    ),
    "codspeed": frozenset(
        {
            "--codspeed",
            "--codspeed-mode",
            "--codspeed-warmup-time",
            "--codspeed-max-time",
            "--codspeed-max-rounds",
        }
    ),
}


def blocked_plugins(disabled: Iterable[str]) -> frozenset[str]:
    """The plugins of PLUGIN_FLAGS that ``-p no:NAME`` turns off. As pytest's ``consider_pluginarg``:
    NAME and pytest_NAME are blocked, and blocking the cache provider blocks stepwise too, which keeps
    its state in that cache."""
    names = set(disabled)
    names.update(f"pytest_{name}" for name in disabled if not name.startswith("pytest_"))
    if "cacheprovider" in names:
        names.add("stepwise")
    return frozenset(names & set(PLUGIN_FLAGS))


def withheld(disabled: Iterable[str]) -> frozenset[str]:
    """Every flag spelling of the plugins ``-p no:NAME`` turns off."""
    flags: set[str] = set()
    for plugin in blocked_plugins(disabled):
        flags |= PLUGIN_FLAGS[plugin]
    return frozenset(flags)


def _spells(token: str, flags: frozenset[str]) -> bool:
    """``--flag``, ``--flag=value``, or a short flag with its value attached (``-n2``), as argparse
    reads them."""
    if token.split("=", 1)[0] in flags:
        return True
    return not token.startswith("--") and token[:2] in flags


def blocked_flags(tokens: Sequence[str], disabled: Iterable[str]) -> list[str]:
    """The tokens that spell a flag of a blocked plugin (``--flag`` or ``--flag=value``), in order.
    A value given as the next token is left where it is: pytest names only the flag in its error."""
    flags = withheld(disabled)
    if not flags:
        return []
    return [token for token in tokens if _spells(token, flags)]


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
            if pending and token == pending[0]:
                pending.pop(0)  # a tolerated flag: unknown to the CLI already
        elif pending and token == pending[0]:
            merged.append(pending.pop(0))
    return [*merged, *unknown[position:], *pending]
