"""Reading the visitor's decision from the `cookies_preferences` cookie on the
server, with the same rules as the elements: the cookie holds
`encodeURIComponent(JSON.stringify({categories, revision, timestamp, id}))`,
and anything that is not such a record, was taken against another revision of
the inventory, or is older than its lifetime counts as *no decision*.

The cookie comes from the visitor, so nothing here trusts it: every function
returns "no consent" for garbage and none of them raises.
"""
import json
from datetime import timedelta
from urllib.parse import unquote

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from . import inventory

# Browsers drop cookies over 4096 bytes: a longer value cannot be the elements'.
MAX_VALUE_LENGTH = 4096
# A decision dated in the future beyond any plausible clock skew is forged or
# broken; trusting it would let it outlive its lifetime.
MAX_CLOCK_SKEW = timedelta(days=1)
# Where a request keeps its decision once read (it is read once per request).
REQUEST_ATTRIBUTE = '_consent_decision'


def revision_text(revision):
    """Revisions compare as strings, as the elements compare them (`1` == `"1"`).
    Integral floats print like JavaScript numbers (`1.0` -> `"1"`)."""
    if revision is None:
        return ''
    if isinstance(revision, float) and revision.is_integer():
        return str(int(revision))
    return str(revision)


def is_revision(value):
    """A revision is a string or a number; JSON's true/false are not (bool is
    an int in Python, hence the explicit check)."""
    return value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool))


def is_categories(value):
    """Category id -> granted, every value a real boolean."""
    return isinstance(value, dict) and all(isinstance(on, bool) for on in value.values())


def parse_timestamp(value):
    """An aware datetime from an ISO 8601 string, or None."""
    if not isinstance(value, str):
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:  # well-formed but impossible, e.g. month 13
        return None
    if moment is None or timezone.is_naive(moment):
        return None
    return moment


def parse_decision(raw):
    """The record in a raw cookie value, or None for anything else.

    Returns a dict with `categories`, `revision`, `timestamp` (a datetime) and `id`.
    """
    if not isinstance(raw, str) or not raw or len(raw) > MAX_VALUE_LENGTH:
        return None
    try:
        value = json.loads(unquote(raw))
    except (ValueError, RecursionError):  # RecursionError: deeply nested garbage
        return None
    if not isinstance(value, dict):
        return None
    categories, revision = value.get('categories'), value.get('revision')
    timestamp, decision_id = parse_timestamp(value.get('timestamp')), value.get('id')
    if not is_categories(categories) or not is_revision(revision) or timestamp is None:
        return None
    if not isinstance(decision_id, str) or not decision_id:
        return None
    return {'categories': categories, 'revision': revision, 'timestamp': timestamp, 'id': decision_id}


def lifetime():
    return timedelta(days=settings.CONSENT_LIFETIME_DAYS)


def remaining_lifetime(decision, now=None):
    """How long `decision` still stands (a timedelta, negative once expired)."""
    now = now or timezone.now()
    return decision['timestamp'] + lifetime() - now


def is_current(decision, now=None):
    """Whether `decision` still counts for this site's inventory: same revision,
    not expired, not dated in the future."""
    now = now or timezone.now()
    if revision_text(decision['revision']) != revision_text(inventory.REVISION):
        return False
    if decision['timestamp'] > now + MAX_CLOCK_SKEW:
        return False
    return remaining_lifetime(decision, now) > timedelta(0)


def raw_cookie(request):
    return request.COOKIES.get(settings.CONSENT_COOKIE_NAME)


def current_decision(request):
    """The decision in force for this request, or None. Read once per request;
    reading marks the request so the middleware adds `Vary: Cookie` (a page
    that depends on the cookie must not be cached for everyone)."""
    if not hasattr(request, REQUEST_ATTRIBUTE):
        decision = parse_decision(raw_cookie(request))
        setattr(request, REQUEST_ATTRIBUTE, decision if decision and is_current(decision) else None)
    return getattr(request, REQUEST_ATTRIBUTE)


def was_read(request):
    return hasattr(request, REQUEST_ATTRIBUTE)


def is_granted(request, category):
    """Whether the site may use `category` for this request: a required
    category always, another only if the visitor granted it."""
    if category in inventory.required_categories():
        return True
    decision = current_decision(request)
    return decision is not None and decision['categories'].get(category) is True
