"""JSON_REPORT_SCHEMA and validate (asynctestrun._report.json_schema), against the real JsonReporter."""

import copy
import json
import re
from pathlib import Path

import pytest

# Modules, not names: a TestResult or TestFinished imported here would look like a test class to pytest.
from asynctestrun._model import events, outcomes
from asynctestrun._report.json_report import SCHEMA_VERSION, JsonReporter
from asynctestrun._report.json_schema import JSON_REPORT_SCHEMA, OUTCOMES, validate


def _phase(phase, outcome, duration=0.001, **kwargs):
    return outcomes.PhaseResult(outcomes.Phase(phase), outcomes.PhaseOutcome(outcome), duration, **kwargs)


def _result(nodeid, *phases, **kwargs):
    return outcomes.TestResult(nodeid=nodeid, path="tests/test_a.py", lineno=1, phases=phases, **kwargs)


def _document(interrupted=None):
    """What JsonReporter writes for a run with every outcome, a collection error and captured output."""
    reporter = JsonReporter(Path("unused.json"))
    reporter.handle(
        events.CollectionFinished(
            nodeids=(),
            errors=(outcomes.CollectError("tests/test_broken.py", "ImportError: nope"),),
            deselected=0,
        )
    )
    results = [
        _result(
            "tests/test_a.py::test_ok",
            _phase("setup", "passed"),
            _phase("call", "passed", 0.25),
            _phase("teardown", "passed"),
            loop_scope="function",
            markers=("asyncio",),
        ),
        _result(
            "tests/test_a.py::test_bad[1-2]",
            _phase("setup", "passed"),
            _phase("call", "failed", longrepr="assert 1 == 2", message="AssertionError"),
            _phase("teardown", "passed"),
            sections=(("Captured stdout call", "hello\n"),),
            warnings=("DeprecationWarning: old",),
            loop_scope="module",
        ),
        _result(
            "tests/test_a.py::test_skip",
            _phase("setup", "skipped", reason="not today"),
            _phase("teardown", "passed"),
        ),
        _result(
            "tests/test_a.py::test_xfail",
            _phase("setup", "passed"),
            _phase("call", "skipped", reason="known", xfail=True),
            _phase("teardown", "passed"),
        ),
        _result(
            "tests/test_a.py::test_xpass",
            _phase("setup", "passed"),
            _phase("call", "passed", xfail=True),
            _phase("teardown", "passed"),
        ),
        _result(
            "tests/test_a.py::test_teardown",
            _phase("setup", "passed"),
            _phase("call", "passed"),
            _phase("teardown", "failed", longrepr="RuntimeError: boom"),
        ),
    ]
    for result in results:
        reporter.handle(events.TestFinished(result))
    return json.loads(json.dumps(reporter.document(events.SessionFinished(1, 0.5, interrupted))))


def test_real_report_validates():
    document = _document()
    assert set(document["totals"]) == set(OUTCOMES)  # the sample covers every outcome
    assert validate(document, JSON_REPORT_SCHEMA) == []


def test_interrupted_reason_and_empty_run_validate():
    assert validate(_document(interrupted="stopping after 1 failure"), JSON_REPORT_SCHEMA) == []
    empty = JsonReporter(Path("unused.json")).document(events.SessionFinished(5, 0.0))
    assert validate(empty, JSON_REPORT_SCHEMA) == []


def test_schema_version_matches_the_writer():
    # Bumping SCHEMA_VERSION in json_report.py must come with a look at this schema and the docs.
    assert JSON_REPORT_SCHEMA["properties"]["schema_version"]["enum"] == [SCHEMA_VERSION]


def test_schema_is_draft_2020_12_and_plain_json():
    assert JSON_REPORT_SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert json.loads(json.dumps(JSON_REPORT_SCHEMA)) == JSON_REPORT_SCHEMA


def _keywords(schema):
    yield from schema
    for sub in schema.get("properties", {}).values():
        yield from _keywords(sub)
    if "items" in schema:
        yield from _keywords(schema["items"])


def test_schema_uses_only_what_validate_checks():
    allowed = {
        "$schema",
        "title",
        "description",
        "type",
        "required",
        "properties",
        "items",
        "enum",
        "additionalProperties",
    }
    assert set(_keywords(JSON_REPORT_SCHEMA)) <= allowed


def test_missing_required_property():
    document = _document()
    del document["tests"][1]["outcome"]
    del document["environment"]
    assert validate(document, JSON_REPORT_SCHEMA) == [
        '$: missing required property "environment"',
        '$.tests[1]: missing required property "outcome"',
    ]


def test_wrong_type_is_reported_once_with_the_json_type_names():
    document = _document()
    document["duration"] = "0.5"
    document["tests"] = {"not": "a list"}
    document["tests_extra"] = 1
    assert validate(document, JSON_REPORT_SCHEMA) == [
        "$.duration: expected number, got string",
        "$.tests: expected array, got object",
        '$: unexpected property "tests_extra"',
    ]


def test_booleans_are_not_numbers_and_integral_floats_are_integers():
    document = _document()
    document["exit_code"] = True
    document["tests"][0]["duration"] = False
    assert validate(document, JSON_REPORT_SCHEMA) == [
        "$.exit_code: expected integer, got boolean",
        "$.tests[0].duration: expected number, got boolean",
    ]
    document = _document()
    document["exit_code"] = 1.0
    document["totals"]["passed"] = 1.5
    assert validate(document, JSON_REPORT_SCHEMA) == ["$.totals.passed: expected integer, got number"]


def test_enum_violations_in_nested_arrays():
    document = _document()
    document["tests"][1]["phases"][1]["phase"] = "cleanup"
    document["tests"][2]["outcome"] = "PASSED"
    document["tests"][0]["loop_scope"] = "loop"
    document["schema_version"] = 2
    assert validate(document, JSON_REPORT_SCHEMA) == [
        "$.schema_version: 2 is not one of 1",
        '$.tests[0].loop_scope: "loop" is not one of '
        '"function", "class", "module", "package", "session", null',
        '$.tests[1].phases[1].phase: "cleanup" is not one of "setup", "call", "teardown"',
        '$.tests[2].outcome: "PASSED" is not one of '
        '"passed", "failed", "error", "skipped", "xfailed", "xpassed"',
    ]


def test_nullable_fields():
    document = _document()
    document["tests"][0]["loop_scope"] = None
    document["tests"][1]["phases"][1]["longrepr"] = None
    assert validate(document, JSON_REPORT_SCHEMA) == []
    document["interrupted"] = False
    document["collection_errors"][0]["longrepr"] = None
    assert validate(document, JSON_REPORT_SCHEMA) == [
        "$.interrupted: expected string or null, got boolean",
        "$.collection_errors[0].longrepr: expected string, got null",
    ]


def test_unknown_totals_key_and_odd_property_names_are_quoted():
    document = _document()
    document["totals"]["flaky"] = 1
    document["environment"]["python version"] = "3"
    assert validate(document, JSON_REPORT_SCHEMA) == [
        '$.environment: unexpected property "python version"',
        '$.totals: unexpected property "flaky"',
    ]


def test_not_an_object_at_all():
    assert validate([], JSON_REPORT_SCHEMA) == ["$: expected object, got array"]
    assert validate(None, JSON_REPORT_SCHEMA) == ["$: expected object, got null"]


def test_additional_properties_schema_and_open_objects():
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string"}},
        "additionalProperties": {"type": "integer"},
    }
    assert validate({"a": "x", "b": 1}, schema) == []
    assert validate({"a": "x", "b": "y"}, schema) == ["$.b: expected integer, got string"]
    assert validate({"anything": [1, {"x": None}]}, {"type": "object"}) == []


def test_unsupported_keyword_is_refused_not_ignored():
    with pytest.raises(ValueError, match=r"unsupported keyword.*minimum"):
        validate(3, {"type": "integer", "minimum": 5})


def test_validate_does_not_modify_the_document():
    document = _document()
    before = copy.deepcopy(document)
    validate(document, JSON_REPORT_SCHEMA)
    assert document == before


DOCS = Path(__file__).resolve().parents[2] / "docs" / "json-report.md"


def test_docs_example_validates():
    (example,) = re.findall(r"```json\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert validate(json.loads(example), JSON_REPORT_SCHEMA) == []


def _property_names(schema):
    for name, sub in schema.get("properties", {}).items():
        yield name
        yield from _property_names(sub.get("items", sub))


def test_docs_describe_every_field():
    documented = set(re.findall(r"^\| `(\w+)` \|", DOCS.read_text(encoding="utf-8"), re.MULTILINE))
    fields = set(_property_names(JSON_REPORT_SCHEMA)) - set(OUTCOMES)  # totals' keys are listed in prose
    assert fields <= documented, sorted(fields - documented)
