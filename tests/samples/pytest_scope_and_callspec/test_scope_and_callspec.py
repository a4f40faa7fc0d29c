import pytest
from _pytest.python import CallSpec
from _pytest.scope import HIGH_SCOPES, Scope


def test_scope_members_run_from_narrowest_to_widest():
    assert [scope.value for scope in Scope] == ["function", "class", "module", "package", "session"]
    assert Scope("module") is Scope.Module
    assert HIGH_SCOPES == [Scope.Class, Scope.Module, Scope.Package, Scope.Session]


def test_scopes_compare_by_width():
    assert Scope.Function < Scope.Session
    assert Scope.Session > Scope.Class
    assert max(Scope.Module, Scope.Package, Scope.Class) is Scope.Package


def test_next_lower_and_higher():
    assert Scope.Class.next_higher() is Scope.Module
    assert Scope.Class.next_lower() is Scope.Function
    with pytest.raises(ValueError, match="lower-most"):
        Scope.Function.next_lower()
    with pytest.raises(ValueError, match="upper-most"):
        Scope.Session.next_higher()


def test_from_user_fails_on_an_unknown_scope():
    assert Scope.from_user("session", "Fixture 'x'") is Scope.Session
    with pytest.raises(pytest.fail.Exception, match="Fixture 'x' from here got an unexpected scope value 'wide'"):
        Scope.from_user("wide", "Fixture 'x'", where="here")


@pytest.mark.parametrize("number", [1, 2])
def test_a_parametrized_tests_callspec_is_a_callspec(request, number):
    assert isinstance(request.node.callspec, CallSpec)
    assert request.node.callspec.params == {"number": number}
