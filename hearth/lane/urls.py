from django.urls import path

from hearth.lane.views import pages

urlpatterns = [
    path("memory-lane/", pages.lane_page, name="memory_lane"),
    path("memory-lane/next/", pages.next_prompt, name="memory_lane_next"),
    path("memory-lane/<int:pk>/answer/", pages.answer, name="memory_lane_answer"),
    path("memory-lane/<int:pk>/again/", pages.do_again, name="memory_lane_again"),
]
