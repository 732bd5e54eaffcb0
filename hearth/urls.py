from django.urls import include, path

urlpatterns = [
    path("", include("hearth.front.urls")),
    path("", include("hearth.accounts.urls")),
    path("", include("hearth.couples.urls")),
    path("", include("hearth.safety.urls")),
    path("", include("hearth.checkins.urls")),
    path("", include("hearth.calendars.urls")),
    path("", include("hearth.appreciation.urls")),
    path("", include("hearth.repair.urls")),
    path("", include("hearth.questions.urls")),
    path("", include("hearth.experiences.urls")),
    path("", include("hearth.lane.urls")),
    path("", include("hearth.checkup.urls")),
    path("", include("hearth.coaching.urls")),
]
