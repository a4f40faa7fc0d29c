def check_in_directory_excluded_by_path_pattern():
    raise AssertionError("norecursedirs = checks/ignored_by_path excludes this directory")
