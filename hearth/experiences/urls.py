from django.urls import path

from hearth.experiences import views, views_lane, views_plans, views_reminders

urlpatterns = [
    path("ideas/", views.library, name="ideas"),
    path("ideas/surprise/", views.surprise, name="ideas_surprise"),
    path("ideas/matches/", views.matches, name="ideas_matches"),
    path("ideas/new/", views.new_idea, name="ideas_new"),
    path("ideas/<int:pk>/", views.idea, name="idea"),
    path("ideas/<int:pk>/wish/", views.wish, name="idea_wish"),
    path("ideas/<int:pk>/plan/", views_plans.plan_idea, name="idea_plan"),
    path("plans/", views_plans.upcoming, name="plans"),
    path("plans/<int:pk>/move/", views_plans.move, name="plan_move"),
    path("plans/<int:pk>/cancel/", views_plans.cancel, name="plan_cancel"),
    path("plans/reminders/off/<str:token>/", views_reminders.plan_reminders_off, name="plan_reminders_off"),
    path("memory-lane/", views_lane.lane_page, name="memory_lane"),
    path("memory-lane/next/", views_lane.next_prompt, name="memory_lane_next"),
    path("memory-lane/<int:pk>/answer/", views_lane.answer, name="memory_lane_answer"),
    path("memory-lane/<int:pk>/again/", views_lane.do_again, name="memory_lane_again"),
]
