"""A generate_tests hook reading ``metafunc.definition``'s function attributes, as pytest-golden's does
(it compares its data files' names with ``originalname``): ``originalname``, ``function`` / ``obj``
and ``path``, made into the parameter and its id."""


def pytest_generate_tests(metafunc):
    if "described" not in metafunc.fixturenames:
        return
    definition = metafunc.definition
    described = (
        definition.originalname,
        definition.function.__name__,
        definition.obj is definition.function,
        definition.path.name,
    )
    metafunc.parametrize("described", [described], ids=[f"{definition.originalname}-{definition.path.name}"])
