# Present but unusable: it fails to import with an ImportError that is not a ModuleNotFoundError.
raise ImportError("broken_dep needs a library that is not installed")
