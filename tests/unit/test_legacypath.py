"""LocalPath and TempdirFactory (asynctestrun._builtins.legacypath), on real files under tmp_path.

Where pytest's vendored ``py.path.local`` is importable, the pure path arithmetic is also compared with it.
"""

import os
import sys

import pytest

from asynctestrun._builtins.legacypath import LocalPath, TempdirFactory
from asynctestrun._builtins.tmpdir import TempPathFactory

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX path spelling")


# -- construction and identity -------------------------------------------------------------------
def test_construction_is_absolute_and_normalised(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert LocalPath().strpath == str(tmp_path)
    assert LocalPath("sub/../x").strpath == str(tmp_path / "x")
    assert LocalPath(tmp_path).strpath == str(tmp_path)
    assert LocalPath(LocalPath(tmp_path)).strpath == str(tmp_path)


def test_construction_rejects_non_paths():
    with pytest.raises(ValueError, match="can only pass None"):
        LocalPath(3)


def test_expanduser(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert LocalPath("~/x", expanduser=True) == tmp_path / "x"


@posix_only
def test_str_repr_fspath():
    path = LocalPath("/a/b")
    assert str(path) == "/a/b"
    assert repr(path) == "local('/a/b')"
    assert os.fspath(path) == "/a/b"


def test_equality_and_hash_match_plain_strings(tmp_path):
    path = LocalPath(tmp_path)
    assert path == str(tmp_path)
    assert path == tmp_path
    assert tmp_path == path  # pathlib defers to us
    assert path != str(tmp_path / "other")
    assert path != 1
    assert {str(tmp_path): "found"}[path] == "found"
    assert len({path, LocalPath(str(tmp_path))}) == 1


def test_ordering(tmp_path):
    a, b = LocalPath(tmp_path / "a"), LocalPath(tmp_path / "b")
    assert a < b
    assert a <= b
    assert b > a
    assert a < str(tmp_path / "b")
    assert sorted([b, a]) == [a, b]


# -- path arithmetic -----------------------------------------------------------------------------
@posix_only
def test_join_treats_every_part_as_relative():
    root = LocalPath("/a")
    assert root.join("b", "c") == "/a/b/c"
    assert root.join("/b") == "/a/b"
    assert root.join("b/../c") == "/a/c"
    assert root / "b" == "/a/b"
    assert root.join() == root
    assert LocalPath("/").join("x") == "/x"
    assert root.join("b", "/c", "d", abs=True) == "/c/d"


@posix_only
def test_name_parts():
    path = LocalPath("/a/b/file.tar.gz")
    assert path.basename == "file.tar.gz"
    assert path.dirname == "/a/b"
    assert path.purebasename == "file.tar"
    assert path.ext == ".gz"
    dotfile = LocalPath("/a/.bashrc")
    assert (dotfile.purebasename, dotfile.ext) == ("", ".bashrc")
    plain = LocalPath("/a/README")
    assert (plain.purebasename, plain.ext) == ("README", "")
    assert LocalPath("/x").dirname == ""  # a string split, as py.path does


@posix_only
def test_dirpath_and_parts():
    path = LocalPath("/a/b/c")
    assert path.dirpath() == "/a/b"
    assert path.dirpath("x", "y") == "/a/b/x/y"
    assert LocalPath("/").dirpath() == "/"
    assert path.parts() == ["/", "/a", "/a/b", "/a/b/c"]
    assert path.parts(reverse=True) == ["/a/b/c", "/a/b", "/a", "/"]


@posix_only
def test_new():
    path = LocalPath("/a/b.txt")
    assert path.new() == path
    assert path.new() is not path
    assert path.new(ext="py") == "/a/b.py"
    assert path.new(ext=".py") == "/a/b.py"
    assert path.new(ext="") == "/a/b"
    assert path.new(purebasename="z") == "/a/z.txt"
    assert path.new(basename="c.cfg") == "/a/c.cfg"
    assert path.new(dirname="/q") == "/q/b.txt"
    with pytest.raises(ValueError):
        path.new(basename="x", ext="py")


@posix_only
def test_relto_common_bestrelpath():
    path = LocalPath("/a/b/c")
    assert path.relto("/a") == "b/c"
    assert path.relto(LocalPath("/a/")) == "b/c"
    assert path.relto("/x") == ""
    assert path.relto("/a/b/c") == ""
    assert LocalPath("/ab").relto("/a") == ""  # a prefix string is not a parent
    assert path.common("/a/x") == "/a"
    assert path.common(LocalPath("/a/b/c/d")) == "/a/b/c"
    assert LocalPath("/a/b").bestrelpath(LocalPath("/a/c/d")) == "../c/d"
    assert LocalPath("/a/b").bestrelpath("/a/b/e") == "e"
    assert LocalPath("/a/b").bestrelpath("/a/b") == "."


def test_subclass_survives_derivation(tmp_path):
    class Mine(LocalPath):
        pass

    mine = Mine(tmp_path)
    assert type(mine.join("x")) is Mine
    assert type(mine.dirpath()) is Mine
    assert type(mine.new(ext="py")) is Mine


# -- querying ------------------------------------------------------------------------------------
def test_exists_and_kinds(tmp_path):
    (tmp_path / "file").write_text("x")
    (tmp_path / "dir").mkdir()
    root = LocalPath(tmp_path)
    assert root.join("file").isfile()
    assert not root.join("file").isdir()
    assert root.join("dir").isdir()
    assert not root.join("missing").exists()
    assert root.join("dir").exists()


def test_check(tmp_path):
    (tmp_path / "mod.py").write_text("x")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "mod.py")
    root = LocalPath(tmp_path)
    module, package, link, missing = (root.join(name) for name in ("mod.py", "pkg", "link", "nope"))
    assert module.check()
    assert not missing.check()
    assert module.check(file=1)
    assert module.check(file=1, dir=0)
    assert not module.check(dir=1)
    assert package.check(dir=1, file=0)
    assert link.check(link=1, file=1)
    assert not module.check(link=1)
    assert missing.check(file=0, dir=0, exists=0)
    assert module.check(notdir=1)
    assert not module.check(notfile=1)
    assert module.check(ext="py", basename="mod.py", basestarts="mo", endswith=".py")
    assert module.check(ext=".py")
    assert not module.check(ext="txt")
    assert module.check(notext="txt")
    assert module.check(fnmatch="*.py")
    assert module.check(relto=str(tmp_path))
    assert root.join(".hidden").check(dotfile=1)
    with pytest.raises(TypeError, match="no 'colour' checker"):
        module.check(colour=1)


def test_stat_size_mtime(tmp_path):
    (tmp_path / "f").write_bytes(b"12345")
    path = LocalPath(tmp_path / "f")
    assert path.size() == 5
    assert path.stat().size == 5
    assert path.stat().isfile()
    assert path.stat().ino == os.stat(tmp_path / "f").st_ino  # other st_ fields by short name
    assert path.mtime() == os.stat(tmp_path / "f").st_mtime
    path.setmtime(1_000_000)
    assert path.mtime() == 1_000_000
    path.setmtime()
    assert path.mtime() > 1_000_000


def test_samefile_and_realpath(tmp_path):
    (tmp_path / "target").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "target")
    link = LocalPath(tmp_path / "link")
    assert link.samefile(tmp_path / "target")
    assert link.samefile(str(tmp_path / "link"))
    assert link.realpath() == (tmp_path / "target").resolve()
    assert link.readlink() == str(tmp_path / "target")


def test_listdir(tmp_path):
    for name in ("b.py", "a.py", "c.txt"):
        (tmp_path / name).write_text("")
    (tmp_path / "sub").mkdir()
    root = LocalPath(tmp_path)
    assert sorted(root.listdir()) == [root / "a.py", root / "b.py", root / "c.txt", root / "sub"]
    assert all(type(child) is LocalPath for child in root.listdir())
    assert root.listdir("*.py", sort=True) == [root / "a.py", root / "b.py"]
    assert root.listdir(lambda path: path.check(dir=1)) == [root / "sub"]
    assert root.listdir("c.txt") == [root / "c.txt"]
    assert root.listdir("nope.txt") == []


def test_visit_order_and_filters(tmp_path):
    root = LocalPath(tmp_path)
    root.ensure("a/x.py")
    root.ensure("a/deep/y.py")
    root.ensure("b/z.txt")
    root.ensure("top.py")
    relative = [path.relto(root) for path in root.visit(sort=True)]
    # depth first: the subtrees of all subdirectories come before the directory's own entries
    assert relative == ["a/deep/y.py", "a/deep", "a/x.py", "b/z.txt", "a", "b", "top.py"]
    breadth = [path.relto(root) for path in root.visit(sort=True, bf=True)]
    assert breadth == ["a", "b", "top.py", "a/deep", "a/x.py", "a/deep/y.py", "b/z.txt"]
    assert sorted(p.relto(root) for p in root.visit("*.py")) == ["a/deep/y.py", "a/x.py", "top.py"]
    assert sorted(p.relto(root) for p in root.visit("*.py", rec=lambda d: d.basename != "deep")) == [
        "a/x.py",
        "top.py",
    ]
    assert [p.relto(root) for p in root.visit("deep/*.py")] == ["a/deep/y.py"]  # separator: whole path
    assert sorted(p.relto(root) for p in root.visit(rec="a")) == ["a", "a/deep", "a/x.py", "b", "top.py"]


def test_visit_ignore(tmp_path):
    root = LocalPath(tmp_path)
    root.ensure("file")
    root.ensure_dir("dir")
    with pytest.raises(NotADirectoryError):
        list(root.join("file").visit())
    assert list(root.join("file").visit(ignore=OSError)) == []


# -- creating and removing -----------------------------------------------------------------------
def test_mkdir(tmp_path):
    root = LocalPath(tmp_path)
    made = root.mkdir("sub")
    assert made == tmp_path / "sub"
    assert made.isdir()
    assert root.mkdir("sub", "inner").isdir()
    with pytest.raises(FileExistsError):
        root.mkdir("sub")
    with pytest.raises(FileNotFoundError):
        root.mkdir("no/parent")


def test_ensure(tmp_path):
    root = LocalPath(tmp_path)
    created = root.ensure("a", "b", "c.py")
    assert created == tmp_path / "a/b/c.py"
    assert created.isfile()
    created.write("keep")
    assert root.ensure("a/b/c.py").read() == "keep"  # an existing file is not truncated
    assert root.ensure("d/e", dir=True).isdir()
    assert root.ensure_dir("d", "f").isdir()
    assert root.ensure_dir("d/e").isdir()  # already there: fine
    with pytest.raises(FileExistsError):
        root.ensure_dir("a/b/c.py")


def test_remove(tmp_path):
    root = LocalPath(tmp_path)
    tree = root.ensure("tree/sub/file").dirpath().dirpath()
    tree.remove()
    assert not tree.exists()
    empty = root.ensure_dir("empty")
    empty.remove(rec=0)
    assert not empty.exists()
    full = root.ensure("full/x").dirpath()
    with pytest.raises(OSError):
        full.remove(rec=0)
    single = root.ensure("single")
    single.remove()
    assert not single.exists()
    with pytest.raises(FileNotFoundError):
        single.remove()


def test_remove_link_to_dir_keeps_target(tmp_path):
    root = LocalPath(tmp_path)
    target = root.ensure("target/inside")
    link = root.join("link")
    link.mksymlinkto(target.dirpath())
    link.remove()
    assert not link.islink()
    assert target.exists()


def test_copy_file(tmp_path):
    root = LocalPath(tmp_path)
    source = root.join("src.txt")
    source.write("data")
    source.copy(root.join("dst.txt"))
    assert root.join("dst.txt").read() == "data"
    folder = root.ensure_dir("folder")
    source.copy(folder)
    assert folder.join("src.txt").read() == "data"


def test_copy_tree(tmp_path):
    root = LocalPath(tmp_path)
    root.ensure("src/a/one.txt").write("1")
    root.ensure("src/two.txt").write("2")
    root.join("src/link").mksymlinkto("two.txt")
    root.join("src").copy(root.join("dst"))
    assert root.join("dst/a/one.txt").read() == "1"
    assert root.join("dst/two.txt").read() == "2"
    assert root.join("dst/link").islink()
    assert root.join("dst/link").readlink() == "two.txt"


def test_copy_mode(tmp_path):
    root = LocalPath(tmp_path)
    source = root.ensure("script")
    source.chmod(0o750)
    source.copy(root.join("plain"))
    source.copy(root.join("with_mode"), mode=True)
    assert root.join("with_mode").stat().mode & 0o777 == 0o750


def test_rename_and_move(tmp_path):
    root = LocalPath(tmp_path)
    first = root.ensure("first")
    first.rename(root.join("second"))
    assert not first.exists()
    assert root.join("second").isfile()
    root.join("second").move(str(tmp_path / "third"))
    assert root.join("third").isfile()
    folder = root.ensure_dir("folder")
    with pytest.raises(OSError, match="subdirectory of itself"):
        folder.move(folder.join("inside"))


def test_symlinks(tmp_path):
    root = LocalPath(tmp_path)
    target = root.ensure("d/target")
    absolute = root.join("e/abs")
    root.ensure_dir("e")
    absolute.mksymlinkto(target)
    assert absolute.readlink() == str(target)
    relative = root.join("e/rel")
    relative.mksymlinkto(target, absolute=0)
    assert relative.readlink() == os.path.join("..", "d", "target")
    assert relative.realpath() == target.realpath()
    hard = root.join("hard")
    hard.mklinkto(target)
    assert hard.stat().ino == target.stat().ino


def test_chmod(tmp_path):
    root = LocalPath(tmp_path)
    tree = root.ensure("tree/file").dirpath()
    tree.chmod(0o700, rec=1)
    assert tree.join("file").stat().mode & 0o777 == 0o700
    assert tree.stat().mode & 0o777 == 0o700
    with pytest.raises(TypeError):
        tree.chmod("0700")


# -- reading and writing -------------------------------------------------------------------------
def test_write_and_read(tmp_path):
    path = LocalPath(tmp_path / "f")
    path.write("text")
    assert path.read() == "text"
    path.write(b"bytes", "wb")
    assert path.read("rb") == b"bytes"
    assert path.read_binary() == b"bytes"
    path.write(b"decoded")
    assert path.read() == "decoded"
    path.write(42)
    assert path.read() == "42"
    with pytest.raises(ValueError, match="can only process bytes"):
        path.write("text", "wb")
    path.write("more", mode="a")
    assert path.read() == "42more"


def test_write_ensure_creates_parents(tmp_path):
    root = LocalPath(tmp_path)
    root.join("a/b/c.txt").write("x", ensure=True)
    assert (tmp_path / "a/b/c.txt").read_text() == "x"
    root.join("d/e.txt").write_text("é", encoding="utf-8", ensure=True)
    assert root.join("d/e.txt").read_text(encoding="utf-8") == "é"
    assert root.join("d/e.txt").read_binary() == "é".encode()
    root.join("f/g.bin").write_binary(b"\x00\x01", ensure=True)
    assert root.join("f/g.bin").read_binary() == b"\x00\x01"
    with pytest.raises(FileNotFoundError):
        root.join("missing/h.txt").write("x")


def test_readlines(tmp_path):
    path = LocalPath(tmp_path / "f")
    path.write("one\ntwo\n")
    assert path.readlines() == ["one\n", "two\n"]
    assert path.readlines(cr=0) == ["one", "two", ""]


def test_open(tmp_path):
    path = LocalPath(tmp_path / "sub" / "f")
    with path.open("w", ensure=True, encoding="utf-8") as stream:
        stream.write("hi")
    with path.open() as stream:
        assert stream.read() == "hi"


# -- working directory and temporary directories -------------------------------------------------
def test_chdir_and_as_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sub = LocalPath(tmp_path).ensure_dir("sub")
    previous = sub.chdir()
    assert previous == tmp_path
    assert os.getcwd() == str(sub)
    previous.chdir()
    with sub.as_cwd() as old:
        assert old == tmp_path
        assert os.getcwd() == str(sub)
    assert os.getcwd() == str(tmp_path)


def test_mkdtemp(tmp_path):
    made = LocalPath.mkdtemp(tmp_path)
    assert made.isdir()
    assert made.dirpath() == tmp_path


def test_make_numbered_dir(tmp_path):
    made = [LocalPath.make_numbered_dir(prefix="run-", rootdir=tmp_path, keep=2) for _ in range(4)]
    assert [path.basename for path in made] == ["run-0", "run-1", "run-2", "run-3"]
    assert sorted(path.basename for path in LocalPath(tmp_path).listdir()) == ["run-2", "run-3"]
    LocalPath.make_numbered_dir(prefix="run-", rootdir=tmp_path, keep=0)
    assert len(LocalPath(tmp_path).listdir()) == 3


def test_tempdir_factory(tmp_path):
    factory = TempdirFactory(TempPathFactory(tmp_path / "base"))
    assert factory.getbasetemp() == tmp_path / "base"
    assert type(factory.getbasetemp()) is LocalPath
    numbered = factory.mktemp("data")
    assert numbered == tmp_path / "base" / "data0"
    assert factory.mktemp("data") == tmp_path / "base" / "data1"
    plain = factory.mktemp("exact", numbered=False)
    assert plain == tmp_path / "base" / "exact"
    assert plain.isdir()


# -- differential: the same answers as pytest's vendored py.path ---------------------------------
@posix_only
@pytest.mark.parametrize(
    "text",
    ["/", "/a", "/a/b.txt", "/a/.rc", "/a/b.tar.gz", "/a/b/", "/a//b/./c/.."],
)
def test_matches_pytest_py_path(text):
    reference = getattr(pytest.importorskip("_pytest._py.path"), "LocalPath", None)
    if reference is None or reference is LocalPath:
        # Under asynctestrun, _pytest is its shim: there is no independent py.path to compare with.
        pytest.skip("pytest's own py.path is not importable here")
    ours, theirs = LocalPath(text), reference(text)
    assert (ours.strpath, repr(ours)) == (theirs.strpath, repr(theirs))
    assert (ours.basename, ours.dirname, ours.purebasename, ours.ext) == (
        theirs.basename,
        theirs.dirname,
        theirs.purebasename,
        theirs.ext,
    )
    assert [str(p) for p in ours.parts()] == [str(p) for p in theirs.parts()]
    assert str(ours.dirpath("x")) == str(theirs.dirpath("x"))
    for parts in (("x",), ("/x", "y/"), ("..", "z"), ("x/../../y",)):
        assert str(ours.join(*parts)) == str(theirs.join(*parts))
    for other in ("/", "/a", "/a/c/d"):
        assert ours.relto(other) == theirs.relto(other)
        assert ours.bestrelpath(LocalPath(other)) == theirs.bestrelpath(reference(other))
    for change in ({"ext": "py"}, {"purebasename": "q"}, {"basename": "n"}, {"dirname": "/z"}):
        assert str(ours.new(**change)) == str(theirs.new(**change))
