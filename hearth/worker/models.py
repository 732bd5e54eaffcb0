from django.db import models


class JobSchedule(models.Model):
    """When a periodic job is next due. Workers claim a run by moving
    `next_at` forward with a conditional update, so any number of workers on
    any number of machines run each job once."""

    name = models.CharField(max_length=64, unique=True)
    next_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.name
