"""A plugin whose import changes the warning filters, as a library it imports may (pytest-aiohttp
imports aiohttp.web, which appends an "ignore" filter for its NotAppKeyWarning)."""

import warnings


class IgnoredWarning(UserWarning):
    pass


class StrictWarning(UserWarning):
    pass


warnings.filterwarnings("ignore", category=IgnoredWarning, append=True)
warnings.filterwarnings("error", category=StrictWarning)
# Shown in the warnings summary, not on stderr.
warnings.warn("libplugin imported", UserWarning)
