"""Which ``config.option`` attribute an option string names, as pytest's ``getoption`` finds it.

pytest looks a name up in its parser's option-string-to-dest table first, so ``getoption("-x")``,
``getoption("--junitxml")`` and a plugin's ``getoption("--vcr-record-mode")`` (declared with
``dest="deprecated_vcr_record"``) read the option's value; a name in no table is taken as a dest
as it is. Deriving the dest from the spelling alone (``--vcr-record-mode`` -> ``vcr_record_mode``)
misses every option whose dest is not its long name, and every short option.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# pytest 9.2's own option strings (and pytest-xdist's ``-n``, which asynctestrun's workers answer)
# whose dest is not their spelling without dashes: the others are found by that spelling.
PYTEST_OPTION_DESTS: Mapping[str, str] = {
    "-k": "keyword",
    "-m": "markexpr",
    "-x": "maxfail",
    "--exitfirst": "maxfail",
    "-W": "pythonwarnings",
    "--collect-only": "collectonly",
    "--co": "collectonly",
    "--keep-duplicates": "keepduplicates",
    "--import-mode": "importmode",
    "-c": "inifilename",
    "--config-file": "inifilename",
    "--fixtures": "showfixtures",
    "--funcargs": "showfixtures",
    "--fixtures-per-test": "show_fixtures_per_test",
    "-V": "version",
    "-h": "help",
    "-p": "plugins",
    "--trace-config": "traceconfig",
    "-o": "override_ini",
    "-v": "verbose",
    "-q": "verbose",
    "--quiet": "verbose",
    "--verbosity": "verbose",
    "--no-fold-skipped": "fold_skipped",
    "-r": "reportchars",
    "--report-chars": "reportchars",
    "--disable-pytest-warnings": "disable_warnings",
    "-l": "showlocals",
    "--no-showlocals": "showlocals",
    "--tb": "tbstyle",
    "--show-capture": "showcapture",
    "--full-trace": "fulltrace",
    "--pdb": "usepdb",
    "--pdbcls": "usepdb_cls",
    "-s": "capture",
    "--assert": "assertmode",
    "--junitxml": "xmlpath",
    "--junit-xml": "xmlpath",
    "--junitprefix": "junitprefix",
    "--junit-prefix": "junitprefix",
    "--doctest-modules": "doctestmodules",
    "--doctest-report": "doctestreport",
    "--doctest-glob": "doctestglob",
    "--last-failed": "lf",
    "--ff": "failedfirst",
    "--failed-first": "failedfirst",
    "--nf": "newfirst",
    "--new-first": "newfirst",
    "--cache-show": "cacheshow",
    "--cache-clear": "cacheclear",
    "--lfnf": "last_failed_no_failures",
    "--setup-only": "setuponly",
    "--setup-show": "setupshow",
    "--setup-plan": "setupplan",
    "--sw": "stepwise",
    "--sw-skip": "stepwise_skip",
    "--sw-reset": "stepwise_reset",
    "--log-disable": "logger_disable",
    "-n": "numprocesses",
}


def declared_dest(opts: Iterable[str], attrs: Mapping[str, Any]) -> str:
    """The dest argparse gives an ``addoption(*opts, **attrs)``: ``dest=``, else the first long
    option's name, else the first short one's, without dashes and with ``-`` read as ``_``."""
    if attrs.get("dest") is not None:
        return str(attrs["dest"])
    names = list(opts)
    long_names = [name for name in names if name.startswith("--")]
    return (long_names or names)[0].lstrip("-").replace("-", "_")
