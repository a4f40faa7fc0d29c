"""The data model every stage shares: frozen dataclasses and enums that import nothing above them."""
