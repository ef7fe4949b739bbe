from django.urls import path

from . import views

app_name = 'cookie_consent'
urlpatterns = [
    # Where the elements POST each decision's proof (`consent-endpoint`).
    path('cookie-consent/records/', views.records, name='records'),
    # Global Privacy Control's support resource: the site honours Sec-GPC.
    path('.well-known/gpc.json', views.gpc_support, name='gpc'),
]
