"""``asynctestrun merge``: the reports of ``--shard I/N`` jobs combined into the report of one run.

Each shard job writes its own JUnit XML (``--junitxml``) or JSON (``--json-report``) report. The
merged file has the layout our own writers produce, so CI tools and ``asynctestrun report`` read it as
the report of a single run. Every input is read and checked before anything is written. A file that
is not a report, a mix of the two kinds, or a test that two inputs both ran (shards must not overlap)
is a ``MergeError`` that names the file or files.

What is combined, and how:

    tests                 concatenated in input order: the first file's, then the second's...
    counts                summed (JUnit: tests, failures, errors, skipped; JSON: totals)
    duration / time       summed (see below)
    exit code (JSON)      the worst, see ``combine_exit_codes``
    collection entries    kept once: collection errors, and modules skipped at import

Collection entries are kept once, and not refused as overlap, because without ``-n`` every shard
collects every file before it keeps its own files. So a file that fails to import, or skips itself at
import, is reported by every shard. A single run reports it once, so the merge keeps the first report
and takes the others off the counts.

Durations are summed, not the longest shard's wall time, because the merged report stands for one
run over every test. A run's duration covers all of its tests, and the sum keeps that true. It also
compares directly with an unsharded run. The wall time of the sharded CI run is shown by the CI itself.

Worked example, two JSON reports:

    r1.json   exit_code 1   duration 2.0   totals {passed: 3, failed: 1}    tests a.py::t1 ... a.py::t4
    r2.json   exit_code 0   duration 1.5   totals {passed: 2, skipped: 1}   tests b.py::t1 ... b.py::t3
    merged    exit_code 1   duration 3.5   totals {passed: 5, failed: 1, skipped: 1}
              tests a.py::t1 ... a.py::t4, b.py::t1 ... b.py::t3
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from .atomic import write_atomic
from .json_schema import JSON_REPORT_SCHEMA, validate

Kind = Literal["junit", "json"]
_KIND_NAMES: dict[Kind, str] = {"junit": "JUnit XML", "json": "JSON"}
_OUTPUT_FLAGS: dict[Kind, str] = {"junit": "--junitxml", "json": "--json-report"}
_JUNIT_COUNTS = ("errors", "failures", "skipped", "tests")  # the order our writer sets them in
_JUNIT_VERDICTS = {"error": "errors", "failure": "failures", "skipped": "skipped"}

# Worst last. Codes other than pytest's six come from pytest.exit(returncode=N): the user chose them,
# so they outrank the interruption they came with. "No tests" is the least, so it survives only alone.
_EXIT_RANK = {5: 0, 0: 1, 1: 2, 2: 3, 4: 5, 3: 6}
_EXIT_RANK_OTHER = 4


class MergeError(ValueError):
    """Inputs that cannot be merged; the message names the file(s) and is ready for the user."""


@dataclass(frozen=True, slots=True)
class Report:
    """One input file, read and recognised by its first character (the name of an artifact says little)."""

    path: Path
    kind: Kind
    data: bytes


@dataclass(frozen=True, slots=True)
class Merged:
    data: bytes  # the merged file, ready to write
    summary: str  # one line for the terminal


def combine_exit_codes(codes: Iterable[int]) -> int:
    """The exit code of several runs taken as one: the worst of them.

    From worst: internal error 3, usage error 4, a code of the user's own (``pytest.exit``), interrupted
    2 (which includes collection errors), tests failed 1, all passed 0, no tests collected 5. So 5 stays
    5 only when no run had tests; 5 with 0 is 0, and 5 with 1 is 1. The first of equally bad codes wins.
    """
    return max(codes, key=lambda code: _EXIT_RANK.get(code, _EXIT_RANK_OTHER), default=5)


def merge_files(inputs: Sequence[Path], *, junitxml: Path | None, json_report: Path | None) -> str:
    """Read ``inputs``, merge them, and write the result to the output of their kind.

    Returns the line to show. Nothing is written when any input is refused.
    """
    if junitxml is None and json_report is None:
        raise MergeError("nothing to write: give --junitxml PATH or --json-report PATH")
    reports = read_reports(inputs)
    kind = reports[0].kind
    target, other = (junitxml, json_report) if kind == "junit" else (json_report, junitxml)
    if other is not None:
        raise MergeError(
            f"the inputs are {_KIND_NAMES[kind]} reports, so they merge into {_OUTPUT_FLAGS[kind]} only "
            f"(a {_KIND_NAMES['json' if kind == 'junit' else 'junit']} report needs inputs of that kind)"
        )
    assert target is not None
    merged = merge_junit(reports) if kind == "junit" else merge_json(reports)
    try:
        write_atomic(target, merged.data)
    except OSError as exc:
        raise MergeError(f"cannot write {target}: {exc.strerror or exc}") from None
    return f"merged {len(reports)} {_KIND_NAMES[kind]} reports into {target}: {merged.summary}"


def read_reports(paths: Sequence[Path]) -> list[Report]:
    """The inputs, read whole; all of one kind, each file given once."""
    if not paths:
        raise MergeError("no reports to merge")
    seen: dict[Path, Path] = {}
    for path in paths:
        first = seen.get(path.resolve())
        if first is not None:
            raise MergeError(
                f"{path} is given twice" if first == path else f"{first} and {path} are one file"
            )
        seen[path.resolve()] = path
    reports = [read_report(path) for path in paths]
    for report in reports[1:]:
        if report.kind != reports[0].kind:
            raise MergeError(
                f"cannot merge a {_KIND_NAMES[reports[0].kind]} report ({reports[0].path}) with a "
                f"{_KIND_NAMES[report.kind]} report ({report.path}): merge each kind on its own"
            )
    return reports


def read_report(path: Path) -> Report:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MergeError(f"cannot read {path}: {exc.strerror or exc}") from None
    first = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]  # a UTF-8 byte order mark, then whitespace
    if first == b"<":
        return Report(path, "junit", data)
    if first == b"{":
        return Report(path, "json", data)
    raise MergeError(f"{path} is neither a JUnit XML report nor a JSON report")


def _overlap(test: str, first: Path, second: Path) -> MergeError:
    return MergeError(
        f"{test} is in both {first} and {second}: the reports of one sharded run never share a test "
        "(were they made with different --shard counts, or is one of them from another run?)"
    )


# -- JUnit XML ---------------------------------------------------------------------------------------------


def merge_junit(reports: Sequence[Report]) -> Merged:
    """One ``<testsuites>`` holding one ``<testsuite>``, as ``junit.JUnitReporter`` writes it.

    Suite-level ``<properties>`` (pytest's and our ``record_testsuite_property``) are
    gathered into one, each distinct property once. Other suite-level elements follow the testcases.
    """
    suites: list[tuple[Path, ET.Element]] = []
    root_name = "pytest tests"
    for index, report in enumerate(reports):
        root = _parse_xml(report)
        if root.tag == "testsuites":
            suites.extend((report.path, suite) for suite in root.findall("testsuite"))
            root_name = root.get("name", root_name) if index == 0 else root_name
        elif root.tag == "testsuite":
            suites.append((report.path, root))
        else:
            raise MergeError(
                f"{report.path} is not a JUnit XML report: its root element is <{root.tag}>, "
                "not <testsuites> or <testsuite>"
            )
    merged = ET.Element("testsuite")
    counts = dict.fromkeys(_JUNIT_COUNTS, 0)
    seconds = 0.0
    owners: dict[tuple[str, str], Path] = {}
    properties: dict[tuple[str | None, str | None], ET.Element] = {}
    trailing: list[ET.Element] = []
    for path, suite in suites:
        for key in _JUNIT_COUNTS:
            counts[key] += int(_number(suite, key, path))
        seconds += _number(suite, "time", path)
        for child in suite:
            if child.tag == "properties":
                for prop in child:
                    properties.setdefault((prop.get("name"), prop.get("value")), prop)
                continue
            if child.tag != "testcase":
                trailing.append(child)
                continue
            classname, name = child.get("classname", ""), child.get("name", "")
            first = owners.setdefault((classname, name), path)
            if first != path:
                if not classname:  # a collection error or module skip: see the module docstring
                    for counted, count in _testcase_counts(child).items():
                        counts[counted] -= count
                    continue
                raise _overlap(f'<testcase classname="{classname}" name="{name}">', first, path)
            merged.append(child)  # a repeat inside one file is real: a teardown error after a failure
    if properties:
        block = ET.Element("properties")
        block.extend(properties.values())
        merged.insert(0, block)
    merged.extend(trailing)
    merged.set("name", suites[0][1].get("name", "pytest") if suites else "pytest")
    for key in _JUNIT_COUNTS:
        merged.set(key, str(counts[key]))
    merged.set("time", f"{seconds:.3f}")
    timestamp = _earliest([stamp for _, suite in suites if (stamp := suite.get("timestamp"))])
    if timestamp is not None:
        merged.set("timestamp", timestamp)
    hosts = list(dict.fromkeys(host for _, suite in suites if (host := suite.get("hostname"))))
    if hosts:
        merged.set("hostname", ", ".join(hosts))
    root = ET.Element("testsuites", name=root_name)
    root.append(merged)
    data = b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(root, encoding="utf-8")
    summary = ", ".join(f"{counts[key]} {key}" for key in ("tests", "failures", "errors", "skipped"))
    return Merged(data, summary)


def _parse_xml(report: Report) -> ET.Element:
    try:
        return ET.fromstring(report.data)
    except ET.ParseError as exc:
        raise MergeError(f"{report.path} is not well-formed XML: {exc}") from None


def _number(suite: ET.Element, key: str, path: Path) -> float:
    raw = suite.get(key, "")
    try:
        value = float(raw) if key == "time" else int(raw)
    except ValueError:
        value = -1
    if value < 0:
        found = f" (it is {raw!r})" if raw else ""
        raise MergeError(f"{path}: a <testsuite> has no valid {key!r} attribute{found}")
    return value


def _testcase_counts(case: ET.Element) -> dict[str, int]:
    """What one testcase added to the suite's counts, by the writer's rule: one test per failure, error
    or skip inside it, or one for a testcase with none of them (a pass)."""
    counts = dict.fromkeys(_JUNIT_COUNTS, 0)
    for child in case:
        if child.tag in _JUNIT_VERDICTS:
            counts[_JUNIT_VERDICTS[child.tag]] += 1
    counts["tests"] = max(1, counts["errors"] + counts["failures"] + counts["skipped"])
    return counts


def _earliest(stamps: list[str]) -> str | None:
    """The earliest ISO timestamp: when the merged run started. The first one if they do not compare."""
    try:
        return min((datetime.fromisoformat(stamp), stamp) for stamp in stamps)[1]
    except (ValueError, TypeError):  # unparsable, or offset-aware mixed with naive
        return stamps[0] if stamps else None


# -- JSON --------------------------------------------------------------------------------------------------


def merge_json(reports: Sequence[Report]) -> Merged:
    """One document in the layout of ``docs/json-report.md``; ``environment`` is the first input's."""
    documents = [(report.path, _load_json(report)) for report in reports]
    totals: dict[str, int] = {}
    collection_errors: list[dict[str, Any]] = []
    error_ids: set[str] = set()
    tests: list[dict[str, Any]] = []
    owners: dict[str, Path] = {}
    for path, document in documents:
        for outcome, count in document["totals"].items():
            totals[outcome] = totals.get(outcome, 0) + count
        for error in document["collection_errors"]:
            if error["nodeid"] in error_ids:  # every shard collected that file: see the module docstring
                totals["error"] = totals.get("error", 0) - 1
                continue
            error_ids.add(error["nodeid"])
            collection_errors.append(error)
        for test in document["tests"]:
            nodeid = test["nodeid"]
            first = owners.setdefault(nodeid, path)
            if first != path:
                if "::" not in nodeid:  # a module skipped at import, reported by every shard
                    totals[test["outcome"]] = totals.get(test["outcome"], 0) - 1
                    continue
                raise _overlap(nodeid, first, path)
            tests.append(test)
    reasons = [doc["interrupted"] for _, doc in documents if doc["interrupted"] is not None]
    exit_code = combine_exit_codes(doc["exit_code"] for _, doc in documents)
    merged = {
        "schema_version": documents[0][1]["schema_version"],
        "exit_code": exit_code,
        "duration": round(sum(doc["duration"] for _, doc in documents), 6),
        "interrupted": "; ".join(dict.fromkeys(reasons)) if reasons else None,
        "environment": documents[0][1]["environment"],
        "totals": {outcome: count for outcome, count in totals.items() if count > 0},
        "collection_errors": collection_errors,
        "tests": tests,
    }
    counted = ", ".join(f"{count} {outcome}" for outcome, count in merged["totals"].items())
    summary = f"{counted or 'no tests'} (exit code {exit_code})"
    return Merged(json.dumps(merged, indent=2).encode(), summary)


def _load_json(report: Report) -> dict[str, Any]:
    try:
        document = json.loads(report.data)
    except ValueError as exc:  # bad JSON, and bytes that are not UTF-8
        raise MergeError(f"{report.path} is not valid JSON: {exc}") from None
    problems = validate(document, JSON_REPORT_SCHEMA)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise MergeError(f"{report.path} is not an asynctestrun JSON report: {problems[0]}{more}")
    assert isinstance(document, dict)
    return document
