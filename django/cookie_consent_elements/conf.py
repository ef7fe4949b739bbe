"""The app's settings, each with its default. Read at use, not at import, so
that `override_settings` and settings changed by tests apply.

| setting                          | default                 | what                                                    |
| -------------------------------- | ----------------------- | ------------------------------------------------------- |
| `COOKIE_CONSENT_INVENTORY`       | (required)              | a dict, a JSON file's path, or a callable's dotted path |
| `COOKIE_CONSENT_POLICY_URL`      | `'/'`                   | the cookie policy: a path, a URL or a URL's name        |
| `COOKIE_CONSENT_COOKIE_NAME`     | `'cookies_preferences'` | the decision cookie                                     |
| `COOKIE_CONSENT_LIFETIME_DAYS`   | `182`                   | how long a decision stands (1 to 395 days)              |
| `COOKIE_CONSENT_COOKIE_DOMAIN`   | `None`                  | `Domain` of the decision cookie                         |
| `COOKIE_CONSENT_GPC_LAST_UPDATE` | `'2026-12-01'`          | `lastUpdate` of `/.well-known/gpc.json`                 |
| `COOKIE_CONSENT_RETENTION_DAYS`  | `None`                  | how long proofs are kept (`purge_consent_records`)      |
"""
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import resolve_url

# The elements' defaults (src/consent/decision-cookie.ts).
DEFAULT_COOKIE_NAME = 'cookies_preferences'
DEFAULT_LIFETIME_DAYS = 182
MAX_LIFETIME_DAYS = 395
# The day this app began to honour Global Privacy Control by default.
GPC_SUPPORT_SINCE = '2026-12-01'


def cookie_name():
    return getattr(settings, 'COOKIE_CONSENT_COOKIE_NAME', DEFAULT_COOKIE_NAME)


def lifetime_days():
    """The lifetime as the elements clamp it: the default for anything that is
    not a positive number, 395 days (13 months, the CNIL's cap) at most."""
    days = getattr(settings, 'COOKIE_CONSENT_LIFETIME_DAYS', DEFAULT_LIFETIME_DAYS)
    if isinstance(days, bool) or not isinstance(days, (int, float)) or not 0 < days < float('inf'):
        return DEFAULT_LIFETIME_DAYS
    return min(days, MAX_LIFETIME_DAYS)


def cookie_domain():
    return getattr(settings, 'COOKIE_CONSENT_COOKIE_DOMAIN', None) or None


def policy_url():
    """COOKIE_CONSENT_POLICY_URL through `resolve_url`: a URL name works too."""
    return resolve_url(getattr(settings, 'COOKIE_CONSENT_POLICY_URL', '/'))


def language_cookie_name():
    return settings.LANGUAGE_COOKIE_NAME


def csrf_cookie_name():
    return settings.CSRF_COOKIE_NAME


def retention_days():
    return getattr(settings, 'COOKIE_CONSENT_RETENTION_DAYS', None)


def gpc_last_update():
    """COOKIE_CONSENT_GPC_LAST_UPDATE as the GPC specification writes dates
    (`YYYY-MM-DD`): a `date`, or a string Python reads as an ISO date."""
    value = getattr(settings, 'COOKIE_CONSENT_GPC_LAST_UPDATE', GPC_SUPPORT_SINCE)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise ImproperlyConfigured(
            f'COOKIE_CONSENT_GPC_LAST_UPDATE must be a date or "YYYY-MM-DD", not {value!r}'
        ) from None
