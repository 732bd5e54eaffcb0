from django.urls import path

from hearth.repair.views import apologies, hub, letting_go

urlpatterns = [
    path("repair/", hub.hub, name="repair"),
    path("repair/apology/new/", apologies.write_apology, name="repair_write_apology"),
    path("repair/apology/<int:pk>/", apologies.apology, name="repair_apology"),
    path("repair/apology/<int:pk>/respond/", apologies.respond, name="repair_respond"),
    path("repair/letting-go/new/", letting_go.letting_go, name="repair_new_letting_go"),
    path("repair/letting-go/<int:pk>/", letting_go.letting_go, name="repair_letting_go"),
]
