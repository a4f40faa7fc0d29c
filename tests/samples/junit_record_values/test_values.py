"""What the record_* fixtures write into the JUnit file: properties of a testcase, attributes of it
(xunit1 only), properties of the testsuite."""

import pytest


def test_record_property(record_property):
    record_property("example_key", 1)


def test_record_xml_attribute(record_xml_attribute):
    record_xml_attribute("assertions", "REQ-1")
    record_xml_attribute("file", "written/over.py")


@pytest.mark.parametrize("arch", ["PPC", "ARM"])
def test_record_testsuite_property(record_testsuite_property, arch):
    record_testsuite_property("ARCH", arch)
    record_testsuite_property("STORAGE", 3)


def test_record_testsuite_property_needs_a_string_name(record_testsuite_property):
    record_testsuite_property(1, "value")


async def test_async_record_xml_attribute(record_xml_attribute):
    record_xml_attribute("async", True)
