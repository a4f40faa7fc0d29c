"""pytest-cov's ``--cov*`` options as asynctestrun reads them (``_execute/measure_coverage.py``)."""

from __future__ import annotations

import pytest

from asynctestrun._execute.measure_coverage import CoverageUsageError, settings_from


def test_without_cov_or_with_no_cov_nothing_is_measured() -> None:
    assert settings_from(["--cov-report=xml", "-q"]) is None
    assert settings_from(["--cov=pkg", "--no-cov"]) is None


def test_sources_from_every_cov_split_at_commas() -> None:
    settings = settings_from(["--cov=a,b", "--cov", "c", "--cov"])
    assert settings is not None
    assert settings.sources == ("a", "b", "c")


def test_the_terminal_report_is_the_default_and_the_last_term_kind_wins() -> None:
    default = settings_from(["--cov"])
    assert default is not None and default.reports == (("term", "term:"),)
    settings = settings_from(
        ["--cov", "--cov-report=term", "--cov-report=xml:out.xml", "--cov-report=term-missing"]
    )
    assert settings is not None
    assert dict(settings.reports) == {"xml": "out.xml", "term": "term-missing:"}


def test_an_empty_report_asks_for_none() -> None:
    settings = settings_from(["--cov", "--cov-report="])
    assert settings is not None and settings.reports == ()


@pytest.mark.parametrize(
    "args",
    [
        ["--cov", "--cov-report=pdf"],
        ["--cov", "--cov-report=term:everything"],
        ["--cov", "--cov-fail-under=lots"],
        ["--cov", "--cov-fail-under=101"],
    ],
)
def test_values_pytest_cov_rejects_are_usage_errors(args: list[str]) -> None:
    with pytest.raises(CoverageUsageError):
        settings_from(args)


def test_fail_under_keeps_the_form_it_was_given_in() -> None:
    whole = settings_from(["--cov", "--cov-fail-under=90"])
    decimal = settings_from(["--cov", "--cov-fail-under=90.5"])
    assert whole is not None and f"{whole.fail_under}" == "90"
    assert decimal is not None and f"{decimal.fail_under}" == "90.5"
