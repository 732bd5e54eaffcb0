from django.urls import path

from hearth.calendars.views import calendar, feed

urlpatterns = [
    path("calendar/", calendar.calendar, name="calendar"),
    path("calendar/<slug:token>.ics", feed.feed, name="calendar_feed"),
]
