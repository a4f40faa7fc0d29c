"""A plugin that is found but raises while it imports: a defect of the plugin, pytest's internal error."""

raise RuntimeError("the plugin is broken")
