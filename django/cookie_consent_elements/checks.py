"""`manage.py check` (and every `runserver`, `migrate`, `test`) loads the
inventory once: a missing or broken COOKIE_CONSENT_INVENTORY is reported at
start, not as an error on the first page."""
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from . import conf
from .inventory import get_inventory


@checks.register()
def check_settings(app_configs=None, **kwargs):
    errors = []
    try:
        get_inventory()
    except ImproperlyConfigured as problem:
        errors.append(checks.Error(str(problem), id='cookie_consent.E001'))
    try:
        conf.gpc_last_update()
    except ImproperlyConfigured as problem:
        errors.append(checks.Error(str(problem), id='cookie_consent.E002'))
    days = conf.retention_days()
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days < 1):
        errors.append(
            checks.Error('COOKIE_CONSENT_RETENTION_DAYS must be a whole number of days', id='cookie_consent.E003')
        )
    return errors
