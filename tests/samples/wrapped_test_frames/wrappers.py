import functools


def passing_through(test):
    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return test(*args, **kwargs)

    return wrapper


def passing_through_async(test):
    @functools.wraps(test)
    async def wrapper(*args, **kwargs):
        return await test(*args, **kwargs)

    return wrapper


def rewrapping_errors(test):
    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        try:
            return test(*args, **kwargs)
        except KeyError as exc:
            raise RuntimeError("wrapped") from exc

    return wrapper


def without_wraps(test):
    def wrapper(*args, **kwargs):
        return test(*args, **kwargs)

    return wrapper
