"""The visitor's decision, read on the server with the elements' rules.

The elements write the decision cookie as
`encodeURIComponent(JSON.stringify({categories, vendors, revision, timestamp, id, gpc}))`
(src/consent/decision-cookie.ts). This module reads it the same way:

- when several cookies share the name (one set for a longer `Path`, one for a
  parent domain), the newest well-formed record is taken, a record dated more
  than a day ahead being none (`newestDecision`). The raw `Cookie` header is
  read for that, since `request.COOKIES` keeps one value per name;
- that record is in force if it was taken against the inventory's revision,
  no more than its lifetime ago and no more than a day ahead
  (`isDecisionCurrent`);
- what it grants follows the elements' rules (`decideChoices`): required
  categories and their vendors always; a vendor only if granted by name; a
  category with vendors only when all of them are; Global Privacy Control
  (`Sec-GPC: 1`, exactly) refuses what the inventory marks `gpc`, unless the
  decision was taken while the browser sent it.

The cookie and the header come from the visitor: nothing here trusts them,
and nothing raises on garbage (it is *no decision*).
"""
import json
import re
import uuid
from datetime import datetime, timedelta, timezone
from urllib.parse import quote, unquote

from . import conf
from .inventory import get_inventory

# Browsers drop cookies over 4096 bytes: a longer value cannot be the elements'.
MAX_VALUE_LENGTH = 4096
# The clock skew the elements tolerate: a decision dated later is no decision.
MAX_CLOCK_SKEW = timedelta(days=1)
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
# ISO 8601 date and time with a time zone, as `toISOString()` writes it
# (`2025-06-01T10:00:00.000Z`), or with an offset, or without seconds.
ISO_TIMESTAMP = re.compile(
    r'(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))'
)


def parse_timestamp(value):
    """An ISO 8601 timestamp as a `timedelta` since the Unix epoch, or None.

    Not a datetime: `9999-12-31T23:59:59-14:00` is a valid string whose UTC
    time lies beyond what `datetime` holds, and turning it into one would
    raise. Arithmetic on timedeltas cannot overflow for any such string."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    match = ISO_TIMESTAMP.fullmatch(value)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, utc, sign, off_hours, off_minutes = match.groups()
    try:
        local = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:  # month 13, February 30, hour 24...
        return None
    if not utc and (int(off_hours) > 23 or int(off_minutes) > 59):
        return None
    offset = timedelta(0) if utc else timedelta(hours=int(off_hours), minutes=int(off_minutes))
    if sign == '-':
        offset = -offset
    micro = timedelta(microseconds=int((fraction or '0').ljust(6, '0')[:6]))
    return local.replace(tzinfo=None) - EPOCH.replace(tzinfo=None) - offset + micro


def now_since_epoch():
    return datetime.now(timezone.utc) - EPOCH


def as_datetime(since_epoch):
    """A UTC datetime from `parse_timestamp`'s answer (only for one known to
    be near now)."""
    return EPOCH + since_epoch


def revision_text(revision):
    """Revisions compare as strings, as the elements compare them (`1` == `"1"`).
    Floats print like JavaScript numbers (`1.0` -> `"1"`, `1e999` -> `"Infinity"`)."""
    if revision is None:
        return ''
    if isinstance(revision, float):
        if revision in (float('inf'), float('-inf')):
            return 'Infinity' if revision > 0 else '-Infinity'
        if revision.is_integer():
            return str(int(revision))
    return str(revision)


def is_revision(value, finite=False):
    """A string or a number, as the elements read one: JSON's true and false
    are not (bool is an int in Python). `1e999` reads as an infinity in both
    languages; `finite` refuses it."""
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return value == value and not (finite and abs(value) == float('inf'))
    return isinstance(value, (str, int))


def refuse_constant(name):
    """For `json.loads`: JavaScript's JSON.parse refuses NaN and Infinity."""
    raise ValueError(f'{name} is not JSON')


def parse_record(raw):
    """The elements' `parseDecision`: the record in one raw cookie value, or
    None. Its vendor lists are read later, by `vendor_choices`.

    Returns a dict with `categories`, `vendors` (the cookie's object, or
    None), `revision`, `timestamp` (a timedelta since the epoch), `id` and
    `gpc`."""
    if not isinstance(raw, str) or not raw or len(raw) > MAX_VALUE_LENGTH:
        return None
    try:
        value = json.loads(unquote(raw, errors='strict'), parse_constant=refuse_constant)
    except (ValueError, RecursionError):  # RecursionError: deeply nested garbage
        return None
    if not isinstance(value, dict):
        return None
    categories, revision = value.get('categories'), value.get('revision')
    timestamp, decision_id = parse_timestamp(value.get('timestamp')), value.get('id')
    if not isinstance(categories, dict) or not all(isinstance(on, bool) for on in categories.values()):
        return None
    # Absent is no revision; JSON's null is not one (the elements refuse it).
    if ('revision' in value and not is_revision(revision)) or timestamp is None:
        return None
    if not isinstance(decision_id, str) or not decision_id:
        return None
    vendors = value.get('vendors')
    if vendors is not None and not isinstance(vendors, dict):
        return None
    if 'vendors' in value and vendors is None:  # JSON null is not an object
        return None
    return {
        'categories': categories,
        'vendors': vendors,
        'revision': revision,
        'timestamp': timestamp,
        'id': decision_id,
        # Only a real true counts, as for the elements.
        'gpc': value.get('gpc') is True,
    }


def cookie_values(header, name):
    """Every value of cookie `name` in a `Cookie` header, in order (the
    elements' `readCookies`)."""
    values = []
    for pair in (header or '').split(';'):
        key, equals, value = pair.partition('=')
        if equals and key.strip() == name:
            values.append(value.strip())
    return values


def newest_record(values, now=None):
    """The elements' `newestDecision`: the newest well-formed record among
    the copies, ignoring one dated more than a day ahead; the first of equals."""
    now = now_since_epoch() if now is None else now
    newest = None
    for value in values:
        record = parse_record(value)
        if record is None or record['timestamp'] > now + MAX_CLOCK_SKEW:
            continue
        if newest is None or record['timestamp'] > newest['timestamp']:
            newest = record
    return newest


def lifetime():
    return timedelta(days=conf.lifetime_days())


def is_current(record, inventory, now=None):
    """The elements' `isDecisionCurrent`: same revision, taken at most its
    lifetime ago and at most a day ahead."""
    now = now_since_epoch() if now is None else now
    if revision_text(record['revision']) != revision_text(inventory.revision):
        return False
    age = now - record['timestamp']
    return -MAX_CLOCK_SKEW <= age <= lifetime()


def vendor_choices(vendors):
    """Vendor id -> granted from the cookie's `{"granted": "a b", "refused":
    "c"}`, or None when malformed. A missing or null list is an empty one; a
    vendor in both lists is refused (a refusal must stick)."""
    vendors = vendors or {}
    lists = ['' if vendors.get(key) is None else vendors.get(key) for key in ('granted', 'refused')]
    if not all(isinstance(ids, str) for ids in lists):
        return None
    granted, refused = ([vendor for vendor in ids.split(' ') if vendor] for ids in lists)
    choices = {vendor: False for vendor in refused}
    choices.update({vendor: True for vendor in granted if vendor not in choices})
    return choices


def decide_choices(inventory, record, gpc_overrides):
    """Every category and vendor of the inventory, granted or not, under
    `record` (the elements' `inForce`), or None when its vendor lists are
    malformed and the inventory needs them."""
    vendors_recorded = vendor_choices(record['vendors'])
    if vendors_recorded is None:
        if inventory.needs_vendor_rules():
            return None
        vendors_recorded = {}

    def granted(item_id, choices):
        return choices.get(item_id) is True and not (gpc_overrides and inventory.covered_by_gpc(item_id))

    categories, vendors = {}, {}
    for category in inventory.categories:
        required = category.get('required') is True
        own = inventory.vendors_of(category['id'])
        for vendor in own:
            vendors[vendor['id']] = required or granted(vendor['id'], vendors_recorded)
        if required:
            categories[category['id']] = True
        elif own:
            categories[category['id']] = all(vendors[vendor['id']] for vendor in own)
        else:
            categories[category['id']] = granted(category['id'], record['categories'])
    return {'categories': categories, 'vendors': vendors}


def sends_gpc(request):
    """Whether the request carries Global Privacy Control: only `Sec-GPC: 1`
    counts, the header's one defined value (`0`, `true`, ` 1` are no signal)."""
    return request.META.get('HTTP_SEC_GPC') == '1'


class Granted:
    """`consent.granted['statistics']`, or in a template
    `{{ request.consent.granted.statistics }}`: whether an id may be used."""

    def __init__(self, consent):
        self._consent = consent

    def __getitem__(self, item_id):
        return self._consent.is_granted(item_id)

    def __contains__(self, item_id):
        return self._consent.is_granted(item_id)


class Consent:
    """The visitor's decision for one request: `request.consent`, set by
    ConsentMiddleware. Read at first use, once; reading it marks the response
    `Vary: Cookie`, and reading the `Sec-GPC` header (only when it can change
    an answer) `Vary: Sec-GPC`.

    - `consent.is_granted('statistics')`, `consent.granted['youtube']`;
    - `consent.decided`: whether a decision (consent or refusal) is in force;
    - `consent.choices`: `{'categories': {...}, 'vendors': {...}}` or None;
    - `consent.record`: the decision cookie's record in force, or None.
    """

    def __init__(self, request):
        self._request = request
        self.cookie_read = False
        self.gpc_read = False
        self.granted = Granted(self)

    @property
    def inventory(self):
        if not hasattr(self, '_inventory'):
            self._inventory = get_inventory()
        return self._inventory

    @property
    def raw_value(self):
        """The raw cookie value of the record in force (or of the newest copy)."""
        self.record  # noqa: B018  reads the cookie
        return self._raw

    @property
    def record(self):
        if not hasattr(self, '_record'):
            self.cookie_read = True
            values = cookie_values(self._request.META.get('HTTP_COOKIE'), conf.cookie_name())
            newest = newest_record(values)
            self._raw = None
            if newest is not None:
                self._raw = next(value for value in values if parse_record(value) == newest)
            current = newest is not None and is_current(newest, self.inventory)
            self._record = newest if current else None
        return self._record

    @property
    def choices(self):
        if not hasattr(self, '_choices'):
            record, choices = self.record, None
            if record is not None:
                overrides = self.inventory.uses_gpc() and not record['gpc'] and self.gpc
                choices = decide_choices(self.inventory, record, overrides)
            self._choices = choices
        return self._choices

    @property
    def decided(self):
        return self.choices is not None

    @property
    def gpc(self):
        """Whether the request sends Global Privacy Control (marks `Vary: Sec-GPC`)."""
        self.gpc_read = True
        return sends_gpc(self._request)

    def is_granted(self, item_id):
        """Whether the site may use a category or a vendor for this request.
        An id the inventory does not know is refused."""
        inventory = self.inventory
        vendor = inventory.find_vendor(item_id)
        if item_id in inventory.required or (vendor is not None and vendor.get('category') in inventory.required):
            return True
        choices = self.choices
        if choices is None:
            return False
        return choices['vendors' if vendor is not None else 'categories'].get(item_id) is True

    def remaining_lifetime(self):
        """How long the decision in force still stands, or None without one
        (GPC plays no part: it changes what a decision grants, not whether
        there is one)."""
        record = self.record
        if record is None or decide_choices(self.inventory, record, False) is None:
            return None
        return self.record['timestamp'] + lifetime() - now_since_epoch()


def consent_of(request):
    """`request.consent`, or a Consent for a request the middleware did not see."""
    consent = getattr(request, 'consent', None)
    if not isinstance(consent, Consent):
        consent = Consent(request)
        request.consent = consent
    return consent


def choose_all(inventory, action, gpc):
    """What "accept all" or "reject all" grants, as the elements decide it:
    every item, except what Global Privacy Control covers while the browser
    sends it, or nothing (required categories and their vendors always)."""
    if action == 'accept-all':
        return lambda item_id: not (gpc and inventory.covered_by_gpc(item_id))
    return lambda item_id: False


def new_record(inventory, action, gpc, now=None):
    """The record the elements write for "accept all" or "reject all" (their
    store's `decide`): every category, the vendors as two space-separated
    lists (only when the inventory has vendors), the inventory's revision, a
    timestamp as `toISOString()` writes it, a fresh id, and `gpc` only when
    the browser sent it. Keys in the elements' order."""
    choose = choose_all(inventory, action, gpc)
    categories, vendors = {}, {}
    for category in inventory.categories:
        required = category.get('required') is True
        own = inventory.vendors_of(category['id'])
        for vendor in own:
            vendors[vendor['id']] = required or choose(vendor['id'])
        if required:
            categories[category['id']] = True
        elif own:
            categories[category['id']] = all(vendors[vendor['id']] for vendor in own)
        else:
            categories[category['id']] = choose(category['id'])
    record = {'categories': categories}
    if vendors:
        # In the inventory's order of categories, then of their vendors, as the elements list them.
        record['vendors'] = {
            'granted': ' '.join(vendor for vendor, on in vendors.items() if on),
            'refused': ' '.join(vendor for vendor, on in vendors.items() if not on),
        }
    moment = datetime.now(timezone.utc) if now is None else now
    record['revision'] = inventory.revision
    record['timestamp'] = moment.astimezone(timezone.utc).isoformat(timespec='milliseconds').replace('+00:00', 'Z')
    record['id'] = str(uuid.uuid4())
    if gpc:
        record['gpc'] = True
    return record


def serialize_record(record):
    """The cookie value of `record`: `encodeURIComponent(JSON.stringify(record))`
    as the elements write it, except that `(` and `)` are escaped too, so that
    Django sends the value unquoted (both decode to the same record)."""
    text = json.dumps(record, separators=(',', ':'), ensure_ascii=False)
    return quote(text, safe="!'*~")
