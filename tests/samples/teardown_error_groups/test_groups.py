import pytest


@pytest.fixture
def first():
    yield
    raise ValueError("first teardown")


@pytest.fixture
def second(first):
    yield
    raise KeyError("second teardown")


@pytest.fixture
def third():
    yield
    raise IndexError("third teardown")


@pytest.fixture(scope="module")
def module_a():
    yield
    raise TypeError("module a")


@pytest.fixture(scope="module")
def module_b():
    yield
    raise AttributeError("module b")


def test_two_fixtures(second):
    pass


def test_one_fixture(first):
    pass


@pytest.mark.parametrize("n", [1])
def test_parametrized(request, n):
    request.addfinalizer(lambda: 1 / 0)
    request.addfinalizer(lambda: [][1])


def test_starts_the_session(session_a, session_b):
    pass


class TestClassScope:
    @pytest.fixture(scope="class")
    def class_a(self):
        yield
        raise OSError("class a")

    @pytest.fixture(scope="class")
    def class_b(self):
        yield
        raise EOFError("class b")

    def test_first(self, class_a, class_b):
        pass

    def test_last(self, class_a):
        pass


def test_fails_in_its_call():
    assert False


def test_module_and_function(module_a, module_b, third):
    pass
