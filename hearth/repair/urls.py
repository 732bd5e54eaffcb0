from django.urls import path

from hearth.repair import views

urlpatterns = [
    path("repair/", views.hub, name="repair"),
    path("repair/apology/new/", views.write_apology, name="repair_write_apology"),
    path("repair/apology/<int:pk>/", views.apology, name="repair_apology"),
    path("repair/apology/<int:pk>/respond/", views.respond, name="repair_respond"),
    path("repair/letting-go/new/", views.letting_go, name="repair_new_letting_go"),
    path("repair/letting-go/<int:pk>/", views.letting_go, name="repair_letting_go"),
]
