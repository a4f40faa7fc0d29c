"""pytest's record_* fixtures warn where the JUnit file has no room for what they record (the default
family, xunit2) and record_xml_attribute is experimental: under filterwarnings = error, set-up errors."""

import pytest


def test_record_property(record_property):
    record_property("example_key", 1)


@pytest.mark.filterwarnings("ignore:record_property is incompatible")
def test_record_property_with_the_warning_ignored(record_property):
    record_property("example_key", 2)


def test_record_xml_attribute(record_xml_attribute):
    record_xml_attribute("assertions", "REQ-1")


def test_record_testsuite_property(record_testsuite_property):
    record_testsuite_property("ARCH", "PPC")


async def test_async_record_property(record_property):
    record_property("example_key", 3)
