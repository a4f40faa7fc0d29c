def check_in_directory_excluded_by_basename():
    raise AssertionError("norecursedirs names this directory")
