"""A helper module that warns when imported."""

import warnings

warnings.warn("this module is deprecated", DeprecationWarning, stacklevel=2)
warnings.warn("legacy helper", UserWarning, stacklevel=2)
