"""pyfakefs's fs fixture swaps the os module for its fake everywhere but in the modules it skips
(pytest's capture among them): capture still reads its real file after each phase."""

import os


def test_fake_file_with_output(fs):
    fs.create_file("/data/greeting.txt", contents="hello")
    print("read it")
    with open("/data/greeting.txt") as file:
        assert file.read() == "hello"


def test_fake_file_missing(fs):
    fs.create_file("/data/greeting.txt", contents="hello")
    assert os.path.exists("/data/other.txt")


def test_after_them():
    print("plain")
