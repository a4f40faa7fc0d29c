"""A module whose import fails: a collection error, or a skip with --doctest-ignore-import-errors.

>>> 1
1
"""

import not_installed_anywhere  # noqa: F401
