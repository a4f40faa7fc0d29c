# A start-up conftest (its directory named on the command line): the process exits with it. Found
# while collecting (a parent directory named): the run's internal error.
import sys

sys.exit("conftest leaving")
