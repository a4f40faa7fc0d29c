def test_keyboard_interrupt_stops_the_session():
    raise KeyboardInterrupt


def test_never_reached_after_keyboard_interrupt():
    pass
