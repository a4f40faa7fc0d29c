"""``required_plugins``: requirements are met as pytest meets them (it uses ``packaging``, which
asynctestrun does not depend on; the test compares with it where it is installed)."""

import itertools

import pytest

from asynctestrun._collect.required_plugins import missing, parse_requirement, parse_version

VERSIONS = [
    "1.0",
    "1",
    "1.0.0",
    "1.0a1",
    "1.0b2",
    "1.0rc1",
    "1.0.dev1",
    "1.0a1.dev2",
    "1.0.post1",
    "1.0.post1.dev3",
    "1.0+local.7",
    "1.1",
    "1.4.2",
    "1.5.0",
    "1.5.0rc1",
    "2.0",
    "0.9",
    "1!0.5",
    "1.5",
    "1.5.1",
    "2.0.0b1",
    "10.0",
    "1.0-1",
    "1.0c1",
    "1.0_post2",
]
SPECIFIERS = [
    "",
    ">=1.0",
    ">1.0",
    "<1.0",
    "<=1.0",
    "==1.0",
    "!=1.0",
    "==1.*",
    "!=1.5.*",
    "~=1.4",
    "~=1.4.2",
    ">1.0.post1",
    "<2.0",
    "<2.0.0b1",
    ">=1.0,<2",
    "===1.0",
    "==1.0+local.7",
    ">=1.5.0rc1",
    "<1.0rc1",
    ">=0.9,!=1.0.*",
    "==2.0.0b1",
    "~=1.0.post1",
]
BAD = ["!!bad", "~=1.4", "pkg~=1", "pkg>=", "pkg>=1.0;", "pkg==1.*.2", "pkg>=1.*", "pkg[extra", "pkg>=x.y"]


@pytest.mark.parametrize("specifier", SPECIFIERS)
def test_specifiers_allow_what_packaging_allows(specifier):
    packaging = pytest.importorskip("packaging.requirements")
    from packaging.version import Version

    requirement = packaging.Requirement(f"pkg{specifier}")
    for version in VERSIONS:
        expected = requirement.specifier.contains(Version(version), prereleases=True)
        got = not missing([f"pkg{specifier}"], {"pkg": version})
        assert got == expected, (specifier, version)


@pytest.mark.parametrize("text", BAD)
def test_a_requirement_that_is_not_one_is_missing(text):
    packaging = pytest.importorskip("packaging.requirements")
    with pytest.raises(packaging.InvalidRequirement):
        packaging.Requirement(text)
    assert parse_requirement(text) is None
    assert missing([text], {"pkg": "1.0"}) == [text]


@pytest.mark.parametrize(
    "text", ["pkg [a, b] >=1.0", "pkg (>=1.0, <2)", "pkg; python_version > '3'", "pkg @ https://x/y"]
)
def test_extras_markers_parentheses_and_urls_are_read(text):
    requirement = parse_requirement(text)
    assert requirement is not None and requirement.name == "pkg"
    assert not missing([text], {"pkg": "1.5"})


def test_names_are_compared_as_written_and_reported_sorted():
    loaded = {"pytest-asyncio": "1.5.0"}
    assert missing(["zzz", "pytest_asyncio", "pytest-asyncio", "Pytest-Asyncio"], loaded) == [
        "Pytest-Asyncio",
        "pytest_asyncio",
        "zzz",
    ]


def test_versions_order_as_pep_440_orders_them():
    ordered = [
        "1.0.dev1",
        "1.0a1.dev2",
        "1.0a1",
        "1.0b2",
        "1.0rc1",
        "1.0",
        "1.0.post1.dev3",
        "1.0.post1",
        "1.1",
    ]
    keys = [parse_version(text).key for text in ordered]
    assert all(first < second for first, second in itertools.pairwise(keys))
