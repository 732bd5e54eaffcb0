from django.contrib.auth import views as auth_views
from django.urls import path

from hearth.accounts.forms import NewPasswordForm
from hearth.accounts.views import account, login, password, signup

urlpatterns = [
    path("signup/", signup.signup, name="signup"),
    path("signup/confirm/<str:key>/", signup.signup_confirm, name="signup_confirm"),
    path("login/", login.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("welcome/privacy/", signup.privacy, name="privacy"),
    path("settings/", account.settings_page, name="settings"),
    path(
        "password/reset/",
        password.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            form_class=NewPasswordForm,
            post_reset_login=False,
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_complete",
    ),
]
