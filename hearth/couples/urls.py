from django.urls import path

from hearth.couples import views

urlpatterns = [
    path("couple/invite/", views.invite, name="invite"),
    path("couple/invites/<int:pk>/revoke/", views.revoke, name="revoke_invite"),
    path("couple/leave/", views.leave, name="leave_couple"),
    path("join/", views.join_with_code, name="join_with_code"),
    path("join/<str:token>/", views.join, name="join"),
]
