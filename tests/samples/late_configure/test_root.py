def test_root_conftest_and_late_plugin_configured(calls):
    assert calls[:2] == ["root conftest", "late plugin"]
