"""Memory lane moves to an app of its own (`hearth.lane`), keeping its
tables: only Django's idea of which app holds the models changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("experiences", "0003_plan_changes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name="laneanswer",
                    name="one_lane_answer_each",
                ),
                migrations.RemoveConstraint(
                    model_name="laneround",
                    name="lane_prompt_once",
                ),
                migrations.RemoveField(
                    model_name="laneround",
                    name="couple",
                ),
                migrations.RemoveField(
                    model_name="laneround",
                    name="prompt",
                ),
                migrations.DeleteModel(
                    name="LaneAnswer",
                ),
                migrations.DeleteModel(
                    name="LanePrompt",
                ),
                migrations.DeleteModel(
                    name="LaneRound",
                ),
            ]
        ),
    ]
