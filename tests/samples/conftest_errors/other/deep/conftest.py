# Fails during collection: the directory "other/deep" is the collection error, nothing below it runs.
import module_that_does_not_exist  # noqa: F401
