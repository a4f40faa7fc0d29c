"""A record logged while importing, then an import error: pytest's report of the collection error has
no "Captured stderr" section (the record went to its run-wide handlers, not to logging's last resort)."""

import logging

logging.getLogger("sample.broken").warning("logged before failing")
raise RuntimeError("cannot import")
