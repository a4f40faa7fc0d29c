import pytest


@pytest.mark.parametrize(
    "s",
    [
        "y" * 100,  # kept: exactly 100 characters
        "w" * 101,  # too long: named s1
        "é" * 101,  # length counted before escaping: s2
        b"q" * 101,  # bytes too: s3
    ],
)
def test_s(s):
    pass


# explicit ids are never shortened
@pytest.mark.parametrize("a", ["x" * 120], ids=["i" * 120])
def test_idlist(a):
    pass
