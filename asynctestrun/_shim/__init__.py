"""The pytest / pytest_asyncio look-alikes: thin name mappings onto asynctestrun's own API."""
