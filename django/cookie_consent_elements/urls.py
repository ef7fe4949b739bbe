from django.urls import path

from . import views

app_name = 'cookie_consent'
urlpatterns = [
    # Where the elements POST each decision's proof (`consent-endpoint`).
    path('cookie-consent/records/', views.records, name='records'),
    # Where the server-rendered banner's form posts before its script runs (`decision-action`).
    path('cookie-consent/decision/', views.decision_form, name='decision'),
    # Global Privacy Control's support resource: the site honours Sec-GPC.
    path('.well-known/gpc.json', views.gpc_support, name='gpc'),
]
