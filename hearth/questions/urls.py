from django.urls import path

from hearth.questions.views import daily, ladder

urlpatterns = [
    path("questions/today/", daily.today, name="daily_question"),
    path("questions/settings/", daily.settings, name="daily_settings"),
    path("questions/daily/<str:day>/answer/", daily.answer, name="daily_answer"),
    path("questions/daily/<str:day>/acknowledge/", daily.acknowledge, name="daily_acknowledge"),
    path("questions/history/", daily.history, name="daily_history"),
    path("ladder/", ladder.ladder_page, name="ladder"),
    path("ladder/choose/", ladder.choose, name="ladder_choose"),
    path("ladder/next/", ladder.next_prompt, name="ladder_next"),
    path("ladder/<int:pk>/answer/", ladder.answer, name="ladder_answer"),
    path("ladder/<int:pk>/acknowledge/", ladder.acknowledge, name="ladder_acknowledge"),
]
