from django.urls import path

from hearth.couples.views import invites, leave

urlpatterns = [
    path("couple/invite/", invites.invite, name="invite"),
    path("couple/invites/<int:pk>/revoke/", invites.revoke, name="revoke_invite"),
    path("couple/leave/", leave.leave, name="leave_couple"),
    path("join/", invites.join_with_code, name="join_with_code"),
    path("join/<str:token>/", invites.join, name="join"),
]
