from django.urls import path

from hearth.questions import views, views_ladder

urlpatterns = [
    path("questions/today/", views.today, name="daily_question"),
    path("questions/settings/", views.settings, name="daily_settings"),
    path("questions/daily/<str:day>/answer/", views.answer, name="daily_answer"),
    path("questions/daily/<str:day>/acknowledge/", views.acknowledge, name="daily_acknowledge"),
    path("questions/history/", views.history, name="daily_history"),
    path("ladder/", views_ladder.ladder_page, name="ladder"),
    path("ladder/choose/", views_ladder.choose, name="ladder_choose"),
    path("ladder/next/", views_ladder.next_prompt, name="ladder_next"),
    path("ladder/<int:pk>/answer/", views_ladder.answer, name="ladder_answer"),
    path("ladder/<int:pk>/acknowledge/", views_ladder.acknowledge, name="ladder_acknowledge"),
]
