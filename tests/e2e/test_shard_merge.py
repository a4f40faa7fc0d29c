"""CI sharding end to end: the reports of ``--shard I/N`` jobs, merged by ``asynctestrun merge``, say what
one unsharded run says; and the durations file ``--store-durations`` writes balances the shards that
``--durations-path`` points at it.

Every run is the CLI in a subprocess, on a fresh copy of a sample project (or a tiny project written to
tmp_path), with the cache off, so no run sees what another one learned.
"""

import json
import os
import shutil
import subprocess
import sys
from collections import Counter

import pytest
from harness import SAMPLES, parse_junit

TIMEOUT_SECONDS = 120
SHARDS = 3


def _command(*args):
    python = os.environ.get("ASYNCTESTRUN_PYTHON") or sys.executable
    if args[0] == "merge":  # a subcommand is the first argument
        return [python, "-m", "asynctestrun", *args]
    return [python, "-m", "asynctestrun", "-p", "no:cacheprovider", *args]


def _env():
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "ASYNCTESTRUN_REFERENCE"))}


def _run_all(cwd, *arg_lists):
    """Start every command at once (they do not share files), then wait for each one."""
    processes = [
        subprocess.Popen(
            _command(*args),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for args in arg_lists
    ]
    results = []
    for args, process in zip(arg_lists, processes, strict=True):
        out, err = process.communicate(timeout=TIMEOUT_SECONDS)
        results.append(subprocess.CompletedProcess(args, process.returncode, out, err))
    return results


def _describe(result):
    return (
        f"$ asynctestrun {' '.join(result.args)} (exit {result.returncode})\n{result.stdout}\n{result.stderr}"
    )


def _copy_sample(name, tmp_path):
    copy = tmp_path / name
    shutil.copytree(SAMPLES / name, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*_cache"))
    return copy


def _json_outcomes(path):
    report = json.loads(path.read_text())
    nodeids = [test["nodeid"] for test in report["tests"]]
    assert len(nodeids) == len(set(nodeids)), f"{path}: a test is reported twice"
    return report, {test["nodeid"]: test["outcome"] for test in report["tests"]}


@pytest.mark.parametrize(
    ("sample", "args"),
    [
        ("marks", ()),  # modules skipped at import: every shard reports them
        ("collection_errors", ("--continue-on-collection-errors",)),  # so does every collection error
    ],
)
def test_merged_shard_reports_match_one_unsharded_run(tmp_path, sample, args):
    project = _copy_sample(sample, tmp_path)
    reports = tmp_path / "reports"
    runs = _run_all(
        project,
        [*args, f"--junitxml={reports}/full.xml", f"--json-report={reports}/full.json"],
        *(
            [
                *args,
                f"--shard={i}/{SHARDS}",
                f"--junitxml={reports}/junit-{i}.xml",
                f"--json-report={reports}/report-{i}.json",
            ]
            for i in range(1, SHARDS + 1)
        ),
    )
    for run in runs:
        assert run.returncode in (0, 1, 5), _describe(run)
    shards = range(1, SHARDS + 1)
    merges = _run_all(
        tmp_path,
        ["merge", *(f"reports/junit-{i}.xml" for i in shards), "--junitxml", "reports/merged.xml"],
        ["merge", *(f"reports/report-{i}.json" for i in shards), "--json-report", "reports/merged.json"],
    )
    for merge in merges:
        assert merge.returncode == 0, _describe(merge)
        assert merge.stdout.startswith(f"merged {SHARDS} "), _describe(merge)

    # The shards really split the work: no shard ran everything.
    full_report, full = _json_outcomes(reports / "full.json")
    per_shard = [_json_outcomes(reports / f"report-{i}.json")[1] for i in shards]
    assert all(len([n for n in part if "::" in n]) < len(full) for part in per_shard), per_shard

    merged_report, merged = _json_outcomes(reports / "merged.json")
    assert merged == full
    assert merged_report["totals"] == full_report["totals"]
    assert merged_report["exit_code"] == full_report["exit_code"]
    assert [e["nodeid"] for e in merged_report["collection_errors"]] == [
        e["nodeid"] for e in full_report["collection_errors"]
    ]

    junit_full = parse_junit(reports / "full.xml", project)
    junit_merged = parse_junit(reports / "merged.xml", project)
    assert junit_full.problem is None and junit_merged.problem is None
    assert junit_merged.outcomes == junit_full.outcomes
    assert junit_merged.xfailed == junit_full.xfailed
    assert Counter(junit_merged.testcases) == Counter(junit_full.testcases)
    assert junit_merged.layout == junit_full.layout  # properties, captured output, skip types
    assert junit_merged.suite_counts == junit_full.suite_counts
    assert set(junit_full.outcomes) == set(full) | {e["nodeid"] for e in full_report["collection_errors"]}


FAST = "def test_one():\n    pass\n\n\ndef test_two():\n    pass\n"
SLOW = (
    "import time\n\n\n"
    "def test_slow_one():\n    time.sleep(0.3)\n\n\n"
    "def test_slow_two():\n    time.sleep(0.3)\n"
)


def _collected(result):
    return {line for line in result.stdout.splitlines() if "::" in line}


def _files(nodeids):
    return {nodeid.split("::", 1)[0] for nodeid in nodeids}


def test_stored_durations_balance_the_shards(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_slow.py").write_text(SLOW)
    for name in "abcd":
        (tmp_path / f"test_{name}.py").write_text(FAST)
    everything = {f"test_{n}.py::test_{t}" for n in "abcd" for t in ("one", "two")}
    everything |= {"test_slow.py::test_slow_one", "test_slow.py::test_slow_two"}

    (store,) = _run_all(tmp_path, ["-q", "--store-durations"])
    assert store.returncode == 0, _describe(store)
    recorded = json.loads((tmp_path / ".test_durations").read_text())  # the default: in the rootdir
    assert set(recorded) == everything
    assert recorded["test_slow.py::test_slow_one"] >= 0.3 > recorded["test_a.py::test_one"]

    (tmp_path / "ci").mkdir()
    (tmp_path / ".test_durations").rename(tmp_path / "ci" / "durations.json")
    balanced = _run_all(
        tmp_path, *(["--co", "-q", f"--shard={i}/2", "--durations-path=ci/durations.json"] for i in (1, 2))
    )
    hashed = _run_all(tmp_path, *(["--co", "-q", f"--shard={i}/2"] for i in (1, 2)))  # no durations file now
    for run in (*balanced, *hashed):
        assert run.returncode == 0, _describe(run)
    parts = [_collected(run) for run in balanced]
    assert parts[0] | parts[1] == everything and not parts[0] & parts[1]
    # 0.6s of slow tests outweigh the four fast files together: the slow file gets a shard of its own.
    slow_index = 0 if _files(parts[0]) == {"test_slow.py"} else 1
    assert _files(parts[slow_index]) == {"test_slow.py"}, parts
    assert len(_files(parts[1 - slow_index])) == 4
    # Without the file, files are dealt by count: three and two.
    assert sorted(len(_files(_collected(run))) for run in hashed) == [2, 3]

    # With -n the job runs the same tests, and its workers are balanced by the same file.
    fast_shard = 2 - slow_index
    (parallel,) = _run_all(
        tmp_path,
        [
            "-q",
            "-n",
            "2",
            f"--shard={fast_shard}/2",
            "--durations-path=ci/durations.json",
            "--json-report=r.json",
        ],
    )
    assert parallel.returncode == 0, _describe(parallel)
    assert set(_json_outcomes(tmp_path / "r.json")[1]) == parts[1 - slow_index]
