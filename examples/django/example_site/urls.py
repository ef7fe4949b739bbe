from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path('', views.home, name='home'),
    # The same page as the cookie policy (COOKIE_CONSENT_POLICY_URL names it).
    path('policy/', views.home, name='policy'),
    path('', include('cookie_consent_elements.urls')),
    path('i18n/', include('django.conf.urls.i18n')),
    path('admin/', admin.site.urls),
    path('debug/records/', views.debug_records),
]
