"""Reading the visitor's decision from the `cookies_preferences` cookie on the
server, with the same rules as the elements: the cookie holds
`encodeURIComponent(JSON.stringify(record))`, the record being
`{categories, vendors, revision, timestamp, id, gpc}` (`vendors` and `gpc`
only when there is something to say), and anything that is not such a record,
was taken against another revision of the inventory, or is older than its
lifetime counts as *no decision*.

What a decision grants is the elements' rule too: a vendor only if the record
grants it by name (one added to the inventory since is refused), a category
with vendors only if every one of them is granted, required categories and
their vendors always. Global Privacy Control (`Sec-GPC: 1`) refuses what the
inventory marks `gpc`, unless the decision was taken while the browser already
sent it (`"gpc": true`): the visitor then switched those on knowingly.

The cookie and the header come from the visitor, so nothing here trusts them:
every function returns "no consent" for garbage and none of them raises.
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
# Where a request keeps what its decision grants, Global Privacy Control applied.
CHOICES_ATTRIBUTE = '_consent_choices'
# Where a request keeps whether it sent Global Privacy Control, once the answer
# depended on it; the middleware then adds `Vary: Sec-GPC`.
GPC_ATTRIBUTE = '_consent_gpc'


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


def parse_vendors(value):
    """Vendor id -> granted from the cookie's `{"granted": "a b", "refused":
    "c"}`, or None when malformed (which makes the whole cookie no decision,
    as for the elements). A missing or null list is an empty one; ids are
    separated by single spaces, as the elements join them. A vendor in both
    lists is refused: a refusal must stick."""
    if not isinstance(value, dict):
        return None
    lists = ['' if value.get(key) is None else value.get(key) for key in ('granted', 'refused')]
    if not all(isinstance(ids, str) for ids in lists):
        return None
    granted, refused = ([vendor for vendor in ids.split(' ') if vendor] for ids in lists)
    choices = {vendor: False for vendor in refused}
    choices.update({vendor: True for vendor in granted if vendor not in choices})
    return choices


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

    Returns a dict with `categories`, `vendors` (vendor id -> granted, `{}`
    without any), `revision`, `timestamp` (a datetime), `id` and `gpc` (whether
    the browser sent Global Privacy Control when the visitor decided).
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
    # Absent: a site without vendors. Present, it must be well formed; null is not.
    vendors = parse_vendors(value['vendors']) if 'vendors' in value else {}
    if vendors is None:
        return None
    return {
        'categories': categories,
        'vendors': vendors,
        'revision': revision,
        'timestamp': timestamp,
        'id': decision_id,
        # Only a real true counts, as for the elements; anything else is "not sent".
        'gpc': value.get('gpc') is True,
    }


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


def sends_gpc(request):
    """Whether the request carries Global Privacy Control. Only `Sec-GPC: 1`
    counts: the header's one defined value is "1", and anything else
    (`0`, `true`, ` 1`, several values joined) is no signal. Reading this
    marks nothing: see `global_privacy_control`."""
    return request.META.get('HTTP_SEC_GPC') == '1'


def global_privacy_control(request):
    """`sends_gpc`, for an answer that depends on it: the request is marked so
    that the middleware adds `Vary: Sec-GPC` (a cache must not serve a page
    built without the signal to a browser that sends it, or the reverse)."""
    if not hasattr(request, GPC_ATTRIBUTE):
        setattr(request, GPC_ATTRIBUTE, sends_gpc(request))
    return getattr(request, GPC_ATTRIBUTE)


def gpc_was_read(request):
    return hasattr(request, GPC_ATTRIBUTE)


def decide_choices(decision, gpc_overrides):
    """Every category and vendor of the inventory, granted or not, under
    `decision`: the elements' `decision` (choices.ts, `decideChoices`).
    `gpc_overrides`: the browser sends Global Privacy Control now and did not
    when the visitor decided, so what it covers is refused."""

    def recorded(item_id, choices):
        granted = choices.get(item_id) is True
        return granted and not (gpc_overrides and inventory.covered_by_gpc(item_id))

    categories, vendors = {}, {}
    for category in inventory.CATEGORIES:
        required = category.get('required') is True
        own = inventory.vendors_of(category['id'])
        for vendor in own:
            vendors[vendor['id']] = required or recorded(vendor['id'], decision['vendors'])
        if required:
            categories[category['id']] = True
        elif own:
            categories[category['id']] = all(vendors[vendor['id']] for vendor in own)
        else:
            categories[category['id']] = recorded(category['id'], decision['categories'])
    return {'categories': categories, 'vendors': vendors}


def consent_choices(request):
    """What the decision in force grants, or None without one:
    `{'categories': {id: bool}, 'vendors': {id: bool}}`, every item of the
    inventory listed. The `Sec-GPC` header is read only when it can change
    the answer: the inventory marks something `gpc`, and the decision was
    taken without the signal."""
    if not hasattr(request, CHOICES_ATTRIBUTE):
        decision = current_decision(request)
        choices = None
        if decision is not None:
            overrides = inventory.uses_gpc() and not decision['gpc'] and global_privacy_control(request)
            choices = decide_choices(decision, overrides)
        setattr(request, CHOICES_ATTRIBUTE, choices)
    return getattr(request, CHOICES_ATTRIBUTE)


def is_granted(request, item_id):
    """Whether the site may use a category or a vendor (`item_id`) for this
    request: a required category and its vendors always; a vendor the visitor
    granted; a category whose vendors are all granted, or, without vendors,
    that the visitor granted. Global Privacy Control refuses what it covers,
    unless granted while the browser sent it. An id the inventory does not
    know is refused."""
    required = inventory.required_categories()
    vendor = inventory.find_vendor(item_id)
    if item_id in required or (vendor is not None and vendor['category'] in required):
        return True
    choices = consent_choices(request)
    if choices is None:
        return False
    return choices['vendors' if vendor is not None else 'categories'].get(item_id) is True
