import sys

sys.exit(3)  # the run's exit status, as Python's
