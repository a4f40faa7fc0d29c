def check_only_collected_when_named():
    pass
