"""`Problem`: why something cannot be done, in words meant for the person.

Each feature raises its own subclass (`PlanProblem`, `InviteProblem`, …) so
a view catches only what it expects; the view shows `.message` as it is,
and answers with `.status` where the HTTP status matters.
"""


class Problem(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
