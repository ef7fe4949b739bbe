from django.apps import AppConfig


class CookieConsentConfig(AppConfig):
    name = 'cookie_consent_elements'
    verbose_name = 'Cookie consent'
    default_auto_field = 'django.db.models.BigAutoField'

    def ready(self):
        from . import checks  # noqa: F401  registers the settings' checks
