"""Collected through python_files / python_classes / python_functions from pytest.ini."""

import asyncio
import warnings

import pytest


def check_function_with_custom_prefix():
    pass


async def check_async_function_in_auto_mode():
    await asyncio.sleep(0)


def test_default_prefix_is_not_collected():
    raise AssertionError("python_functions = check_ replaces the default")


class CheckGroup:
    def check_method_in_custom_class(self):
        pass


class TestDefaultClassName:
    def check_not_collected(self):
        raise AssertionError("python_classes = Check replaces the default")


@pytest.mark.xfail(reason="xfail_strict = true in the ini")
def check_xpass_fails_under_xfail_strict():
    pass


@pytest.mark.xfail(reason="an explicit strict=False wins over the ini", strict=False)
def check_explicit_non_strict_xpass_passes():
    pass


def check_warning_is_an_error_under_filterwarnings():
    warnings.warn("not tolerated", UserWarning, stacklevel=1)


def check_ignored_warning_stays_harmless():
    warnings.warn("tolerated", UserWarning, stacklevel=1)


@pytest.mark.filterwarnings("ignore::UserWarning")
def check_filterwarnings_mark_overrides_the_ini():
    warnings.warn("not tolerated", UserWarning, stacklevel=1)


@pytest.mark.slow
def check_deselected_by_addopts():
    raise AssertionError("addopts deselects slow checks")
