import json
from datetime import datetime, timezone
from urllib.parse import quote

from django.test import RequestFactory

from cookie_consent_elements.decision import Consent
from cookie_consent_elements.inventory import get_inventory

COOKIE = 'cookies_preferences'


def encode_uri_component(text):
    """JavaScript's encodeURIComponent, which the elements use for the cookie."""
    return quote(text, safe="-_.!~*'()")


def iso(moment):
    """As `Date.prototype.toISOString` writes it."""
    return moment.astimezone(timezone.utc).isoformat(timespec='milliseconds').replace('+00:00', 'Z')


def cookie_value(categories=None, revision=None, timestamp=None, decision_id='d-1', **more):
    """A decision cookie as the elements write it, for the current inventory's
    revision unless told; `more` adds e.g. `vendors={'granted': 'a b'}` or `gpc=True`."""
    record = {
        'categories': categories if categories is not None else {'necessary': True, 'statistics': True},
        'revision': get_inventory().revision if revision is None else revision,
        'timestamp': timestamp or iso(datetime.now(timezone.utc)),
        'id': decision_id,
        **more,
    }
    return encode_uri_component(json.dumps(record, separators=(',', ':')))


def request_with(*values, name=COOKIE, **headers):
    """A GET request whose Cookie header holds `values` for the decision cookie, in order."""
    header = '; '.join(f'{name}={value}' for value in values)
    if header:
        headers['HTTP_COOKIE'] = header
    return RequestFactory().get('/', **headers)


def consent(*values, **headers):
    return Consent(request_with(*values, **headers))
