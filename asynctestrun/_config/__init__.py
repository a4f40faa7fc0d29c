"""Configuration: the Config dataclass (every setting), and loading it from ini files and the CLI."""
