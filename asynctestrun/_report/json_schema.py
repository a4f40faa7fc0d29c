"""The JSON report's schema (``JSON_REPORT_SCHEMA``) and a small validator for it, with no dependencies.

The schema mirrors what ``json_report.JsonReporter.document`` writes, field for field; the prose version
is ``docs/json-report.md``. It is closed (``additionalProperties: false`` everywhere), so a field added
to the writer must be added here too: the unit tests validate the real reporter's output against it.

``validate`` understands only the keywords this schema uses: ``type`` (a name or a list of names),
``required``, ``properties``, ``items``, ``enum`` and ``additionalProperties`` (a boolean or a schema).
Annotation keywords (``$schema``, ``$id``, ``title``, ``description``) are ignored; any other keyword
raises ``ValueError`` instead of being silently skipped, so nobody adds ``minimum`` and believes it
is checked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

OUTCOMES = ("passed", "failed", "error", "skipped", "xfailed", "xpassed")
PHASES = ("setup", "call", "teardown")
PHASE_OUTCOMES = ("passed", "failed", "skipped")
LOOP_SCOPES = ("function", "class", "module", "package", "session")

_STRING: dict[str, Any] = {"type": "string"}
_NUMBER: dict[str, Any] = {"type": "number"}
_OPTIONAL_STRING: dict[str, Any] = {"type": ["string", "null"]}


def _object(properties: dict[str, Any], *, description: str) -> dict[str, Any]:
    """A closed object whose every property is required: how the reporter writes all of its objects."""
    return {
        "type": "object",
        "description": description,
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
    }


_PHASE = _object(
    {
        "phase": {"enum": list(PHASES)},
        "outcome": {"enum": list(PHASE_OUTCOMES)},
        "duration": _NUMBER,
        "longrepr": _OPTIONAL_STRING,
        "reason": _OPTIONAL_STRING,
    },
    description="One phase of one test, in the order the phases ran.",
)

_TEST = _object(
    {
        "nodeid": _STRING,
        "outcome": {"enum": list(OUTCOMES)},
        "duration": _NUMBER,
        "loop_scope": {"enum": [*LOOP_SCOPES, None]},
        "markers": {"type": "array", "items": _STRING},
        "phases": {"type": "array", "items": _PHASE},
        "sections": {
            "type": "array",
            "items": _object(
                {"title": _STRING, "content": _STRING},
                description="Captured output or log of one phase, e.g. 'Captured stdout call'.",
            ),
        },
        "warnings": {"type": "array", "items": _STRING},
        "reruns": {"type": "array", "items": _PHASE},
    },
    description="One test that ran (or was skipped), in the order results arrived.",
)

JSON_REPORT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "asynctestrun JSON report (--json-report), schema_version 1",
    **_object(
        {
            "schema_version": {"type": "integer", "enum": [1]},
            "exit_code": {"type": "integer"},
            "duration": _NUMBER,
            "interrupted": _OPTIONAL_STRING,
            "environment": _object(
                {"python": _STRING, "platform": _STRING},
                description="The interpreter that ran the tests: version and sys.platform.",
            ),
            "totals": {
                "type": "object",
                "description": "Counted outcomes, pytest style; outcomes that did not occur are absent.",
                "properties": {outcome: {"type": "integer"} for outcome in OUTCOMES},
                "additionalProperties": False,
            },
            "collection_errors": {
                "type": "array",
                "items": _object(
                    {"nodeid": _STRING, "longrepr": _STRING},
                    description="A file or directory that could not be collected.",
                ),
            },
            "tests": {"type": "array", "items": _TEST},
        },
        description="One asynctestrun session.",
    ),
}


def _is_integer(value: object) -> bool:
    # JSON has one number type: 1.0 is an integer to JSON Schema. bool is an int subclass in Python.
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


_TYPE_CHECKS: dict[str, Callable[[object], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": _is_integer,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}

_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description"})
_SUPPORTED = frozenset({"type", "required", "properties", "items", "enum", "additionalProperties"})
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def validate(document: object, schema: dict[str, Any]) -> list[str]:
    """Every way ``document`` breaks ``schema``, as ``"<path>: <problem>"`` lines; empty when it is valid.

    Paths are JSONPath-like: ``$`` is the document, ``$.tests[2].phases[0].outcome`` a nested value.
    A value of the wrong type gets one error and its contents are not inspected further.
    """
    errors: list[str] = []
    _validate(document, schema, "$", errors)
    return errors


def _validate(value: object, schema: dict[str, Any], path: str, errors: list[str]) -> None:
    unsupported = set(schema) - _SUPPORTED - _ANNOTATIONS
    if unsupported:
        raise ValueError(f"schema at {path} uses unsupported keyword(s): {', '.join(sorted(unsupported))}")
    if "type" in schema:
        names = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
        if not any(_TYPE_CHECKS[name](value) for name in names):
            errors.append(f"{path}: expected {' or '.join(names)}, got {_json_type(value)}")
            return
    if "enum" in schema and not any(_json_equal(value, option) for option in schema["enum"]):
        choices = ", ".join(json.dumps(option) for option in schema["enum"])
        errors.append(f"{path}: {_show(value)} is not one of {choices}")
        return
    if isinstance(value, dict):
        _validate_object(value, schema, path, errors)
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            _validate(item, schema["items"], f"{path}[{index}]", errors)


def _validate_object(value: dict[Any, Any], schema: dict[str, Any], path: str, errors: list[str]) -> None:
    for name in schema.get("required", ()):
        if name not in value:
            errors.append(f"{path}: missing required property {json.dumps(name)}")
    properties: dict[str, Any] = schema.get("properties", {})
    additional: bool | dict[str, Any] = schema.get("additionalProperties", True)
    for name, item in value.items():
        child = _child_path(path, name)
        if name in properties:
            _validate(item, properties[name], child, errors)
        elif additional is False:
            errors.append(f"{path}: unexpected property {json.dumps(name)}")
        elif isinstance(additional, dict):
            _validate(item, additional, child, errors)


def _child_path(path: str, name: object) -> str:
    if isinstance(name, str) and _IDENTIFIER.match(name):
        return f"{path}.{name}"
    return f"{path}[{json.dumps(name)}]"


def _json_type(value: object) -> str:
    for name in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if _TYPE_CHECKS[name](value):
            return name
    return f"non-JSON value of type {type(value).__name__}"


def _json_equal(value: object, option: object) -> bool:
    # Python's 1 == True and 1 == 1.0 must not make a boolean match a number (or the reverse).
    return isinstance(value, bool) is isinstance(option, bool) and value == option


def _show(value: object) -> str:
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
