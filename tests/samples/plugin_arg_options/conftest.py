def pytest_configure(config):
    # A conftest's recipe: drop plugins it does not want from the -p list (config.option.plugins).
    config.option.plugins = [p for p in config.option.plugins if p != "no:unwanted"]
    with open("events.log", "a") as log:
        log.write(f"plugins {config.getoption('plugins')!r}\n")
        log.write(f"-p {config.getoption('-p')!r}\n")
        log.write(f"pythonwarnings {config.option.pythonwarnings!r}\n")
        log.write(f"-W {config.getoption('-W')!r}\n")
