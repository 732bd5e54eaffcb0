from django.urls import path

from hearth.front.views import exit, health, home

urlpatterns = [
    path("", home.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("exit/", exit.quick_exit, name="quick_exit"),
]
