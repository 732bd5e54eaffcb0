from django.urls import path

from hearth.experiences import views_memories as views

urlpatterns = [
    path("memories/", views.memories, name="memories"),
    path("memories/mine/", views.mine, name="memories_mine"),
    path("memories/<int:pk>/photo/", views.photo, name="memory_photo"),
    path("memories/<int:pk>/delete/", views.delete, name="memory_delete"),
]
