from django.urls import path

from hearth.experiences.views import ideas, memories, plans, reminders

urlpatterns = [
    path("ideas/", ideas.library, name="ideas"),
    path("ideas/surprise/", ideas.surprise, name="ideas_surprise"),
    path("ideas/matches/", ideas.matches, name="ideas_matches"),
    path("ideas/new/", ideas.new_idea, name="ideas_new"),
    path("ideas/<int:pk>/", ideas.idea, name="idea"),
    path("ideas/<int:pk>/wish/", ideas.wish, name="idea_wish"),
    path("ideas/<int:pk>/plan/", plans.plan_idea, name="idea_plan"),
    path("plans/", plans.upcoming, name="plans"),
    path("plans/<int:pk>/move/", plans.move, name="plan_move"),
    path("plans/<int:pk>/cancel/", plans.cancel, name="plan_cancel"),
    path("plans/reminders/off/<str:token>/", reminders.plan_reminders_off, name="plan_reminders_off"),
    path("memories/", memories.memories, name="memories"),
    path("memories/mine/", memories.mine, name="memories_mine"),
    path("memories/<int:pk>/photo/", memories.photo, name="memory_photo"),
    path("memories/<int:pk>/delete/", memories.delete, name="memory_delete"),
]
