"""Each test requests one built-in fixture; the scenarios block the pytest plugins some come from
with ``-p no:NAME``, which takes those fixtures out of the run (a missing fixture, an error)."""


def test_cache(cache):
    assert cache is not None


def test_monkeypatch(monkeypatch):
    assert monkeypatch is not None


def test_caplog(caplog):
    assert caplog is not None


def test_capsys(capsys):
    assert capsys is not None


def test_capfd(capfd):
    assert capfd is not None


def test_recwarn(recwarn):
    assert recwarn is not None


def test_doctest_namespace(doctest_namespace):
    assert doctest_namespace is not None


def test_subtests(subtests):
    assert subtests is not None


def test_tmp_path(tmp_path):
    assert tmp_path.is_dir()


def test_tmpdir(tmpdir):
    assert tmpdir is not None


def test_record_property(record_property):
    record_property("key", "value")


def test_pytestconfig(pytestconfig):
    assert pytestconfig is not None


def test_through_getfixturevalue(request):
    request.getfixturevalue("monkeypatch")
