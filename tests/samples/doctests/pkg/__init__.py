"""The package's own docstring, collected first in its directory.

>>> 1 + 1
2
"""
