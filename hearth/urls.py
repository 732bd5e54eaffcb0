from django.urls import include, path

from hearth.front import views as front

urlpatterns = [
    path("", front.home, name="home"),
    path("healthz", front.healthz, name="healthz"),
    path("", include("hearth.accounts.urls")),
    path("", include("hearth.couples.urls")),
    path("", include("hearth.safety.urls")),
    path("", include("hearth.checkins.urls")),
    path("", include("hearth.checkins.urls_reminders")),
    path("", include("hearth.calendars.urls")),
    path("", include("hearth.appreciation.urls")),
    path("", include("hearth.appreciation.urls_emails")),
    path("", include("hearth.repair.urls")),
    path("", include("hearth.questions.urls")),
    path("", include("hearth.experiences.urls")),
    path("", include("hearth.experiences.urls_memories")),
    path("", include("hearth.checkup.urls")),
    path("", include("hearth.coaching.urls")),
]
