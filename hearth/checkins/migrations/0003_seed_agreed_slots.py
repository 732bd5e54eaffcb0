"""Start each couple's slot history with the slot they have agreed now, from
the moment they agreed it, so the calendar feed shows it as it did before."""

from typing import Any

from django.db import migrations


def seed_agreed_slots(apps: Any, schema_editor: Any) -> None:
    Schedule = apps.get_model("checkins", "Schedule")
    AgreedSlot = apps.get_model("checkins", "AgreedSlot")
    agreed = (
        Schedule.objects.filter(weekday__isnull=False, local_time__isnull=False, agreed_slots__isnull=True)
        .select_related("couple")
        .order_by("pk")
    )
    AgreedSlot.objects.bulk_create(
        AgreedSlot(
            schedule=schedule,
            weekday=schedule.weekday,
            local_time=schedule.local_time,
            timezone=schedule.timezone,
            label=schedule.label,
            # What the feed used when agreed_at was empty.
            agreed_at=schedule.agreed_at or schedule.couple.created_at,
        )
        for schedule in agreed.iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("checkins", "0002_agreed_slots"),
    ]

    operations = [
        migrations.RunPython(seed_agreed_slots, migrations.RunPython.noop),
    ]
