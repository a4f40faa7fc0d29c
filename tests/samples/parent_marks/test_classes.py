class TestWithRequest:
    def test_sees_class_mark(self, request):
        assert request.node.get_closest_marker("req") is not None

    def test_lists_class_mark(self, request):
        assert [mark.name for mark in request.node.iter_markers("req")] == ["req"]


class TestWithoutRequest:
    def test_has_no_mark(self, request):
        assert request.node.get_closest_marker("req") is None
