"""``python -m asynctestrun``."""

from asynctestrun._entry import main

main()
