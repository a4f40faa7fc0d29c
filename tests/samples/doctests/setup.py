"""Not collected: a setup.py that names setuptools.

>>> 1
2
"""
from setuptools import setup  # noqa: F401
