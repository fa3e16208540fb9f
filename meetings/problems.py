"""What is wrong with some data, said so that the user can find it and fix it.

>>> str(Problem("states.csv", 14, "State ABC CCW", "code", "unknown State"))
'states.csv, line 14: State ABC CCW, field code: unknown State'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from meetings.model import Record


@dataclass(frozen=True, order=True)
class Problem:
    """One error: the file (or table), the line, the record, the field and what is wrong."""

    file: str
    line: int | None
    record: str | None
    field: str | None
    message: str

    @classmethod
    def of(cls, record: Record, field: str | None, message: str) -> Problem:
        """A problem with a record already read, at the place it was read from."""
        source = record._source
        return cls(
            file=source.file if source else "(data)",
            line=source.line_of(field) if source else None,
            record=record.identity,
            field=field,
            message=message,
        )

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        what = ", ".join(
            part for part in (self.record, f"field {self.field}" if self.field else None) if part
        )
        return f"{where}: {what + ': ' if what else ''}{self.message}"


class PackageError(Exception):
    """Data that cannot be accepted, with every problem found in it."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=_reading_order)
        count = len(self.problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems[:50])
        more = f"\n  … and {count - 50} more" if count > 50 else ""
        super().__init__(f"{count} problem{'s' if count != 1 else ''} found:\n{lines}{more}")


def _reading_order(problem: Problem):
    return (problem.file, problem.line or 0, problem.record or "", problem.field or "")
