"""The root conftest puts this directory on sys.path (prepend import mode), for eventlog."""
