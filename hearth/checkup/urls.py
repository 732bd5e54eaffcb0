from django.urls import path

from hearth.checkup.views import checkup, reminder, summary

urlpatterns = [
    path("checkup/", checkup.checkup, name="checkup"),
    path("checkup/start/", checkup.start, name="checkup_start"),
    path("checkup/<int:pk>/", checkup.answer, name="checkup_answer"),
    path("checkup/<int:pk>/decide/", checkup.decide, name="checkup_decide"),
    path("checkup/reminder/", reminder.choose, name="checkup_reminder"),
    path("checkup/reminder/off/<str:token>/", reminder.off, name="checkup_reminder_off"),
    path("checkup/summary/", summary.page, name="checkup_summary"),
    path("checkup/summary/choose/", summary.choose, name="checkup_summary_choose"),
    path("checkup/summary.pdf", summary.pdf, name="checkup_summary_pdf"),
    path("checkup/<int:pk>/summary/agree/", summary.agree, name="checkup_summary_agree"),
    path("checkup/<int:pk>/summary/withdraw/", summary.withdraw, name="checkup_summary_withdraw"),
    path("support/counselling/", checkup.find_counsellor, name="find_counsellor"),
]
