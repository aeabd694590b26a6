"""Path converters of the platform."""


class IdConverter:
    """A database id in a path: 1 to 18 digits, so it always fits a 64-bit integer column.

    Django's ``int`` converter takes any length, and an id above 2**63 then fails in the
    database (an OverflowError on SQLite, a DataError on PostgreSQL) instead of a 404.
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))
