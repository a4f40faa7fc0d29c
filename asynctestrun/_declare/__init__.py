"""What test code writes: fixture(), mark, param(), skip()/fail()/xfail(). Declarations only.

Everything here attaches data to user functions (attributes, exceptions); nothing registers into a
global table, so a long-lived watch process can import a fresh copy of a test module safely.
"""
