"""Not collected: __main__.py.

>>> 1
2
"""
