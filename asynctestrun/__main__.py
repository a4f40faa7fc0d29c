"""``python -m asynctestrun``."""

from asynctestrun.cli import main

main()
