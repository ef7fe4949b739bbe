from django.urls import include, path

from consent import views

urlpatterns = [
    path('', views.home, name='home'),
    # Django's own set_language view: the elements never write the language
    # cookie, Django does when the visitor posts this form.
    path('i18n/', include('django.conf.urls.i18n')),
    path('consent/records/', views.records, name='consent-records'),
    # Global Privacy Control's support resource: this site honours Sec-GPC.
    path('.well-known/gpc.json', views.gpc_support, name='gpc-support'),
]
