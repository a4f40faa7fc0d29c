# pytest reports a failed import as text: the summary line names the file and nothing more.
import no_such_module_for_this_sample  # noqa: F401


def test_never_collected():
    pass
