# A failing conftest fails its directory, reported where the directory is collected.
raise ValueError("this conftest is broken")
