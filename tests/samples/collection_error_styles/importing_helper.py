import no_such_dependency_of_this_sample  # noqa: F401
