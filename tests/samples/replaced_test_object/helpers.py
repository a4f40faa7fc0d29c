def call(callback):
    callback()


def gather(*callbacks):
    errors = []
    for callback in callbacks:
        try:
            call(callback)
        except Exception as exc:
            errors.append(exc)
    raise ExceptionGroup("gathered", errors)
