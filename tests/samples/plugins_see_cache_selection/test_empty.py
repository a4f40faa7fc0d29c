# A test module whose tests were all removed: plugins still see it collected.
HELPER = 1
