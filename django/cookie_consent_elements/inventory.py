"""The site's inventory, from the COOKIE_CONSENT_INVENTORY setting:

- a dict (the elements' JSON inventory, as Python);
- the path of a JSON file (a `str` ending in `.json`, or a `pathlib.Path`);
- the dotted path of a callable returning such a dict (or the callable), so
  that cookie names and lifetimes can come from Django's own settings.

Without a `revision`, the inventory gets one derived from its purposes and
vendors (the categories and vendors, every field): any change of them is a new
revision, and every visitor is asked again (CNIL). A change of the cookies'
list alone asks nobody again.

Also the questions the server asks of it, with the elements' rules (their
src/consent/vendors.ts and choices.ts): required categories, vendors and their
categories, what Global Privacy Control covers.
"""
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.module_loading import import_string

# Bounds on the ids, shared with the proof-of-consent view: far above any real
# inventory (each vendor costs the decision cookie, 4096 bytes at most, its
# id plus 3 bytes), and what keeps a forged proof from storing a huge row.
MAX_ITEMS = 500
MAX_ID_LENGTH = 128
MAX_REVISION_LENGTH = 64


def _to_json(value):
    """Lazy translations resolve in no language at all (their source text), so
    the revision is the same whatever language the request is in."""
    with translation.override(None):
        return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


@lru_cache(maxsize=8)
def _read_file(path, modified):
    with open(path, encoding='utf-8') as file:
        return json.load(file)


def _source():
    try:
        source = settings.COOKIE_CONSENT_INVENTORY
    except AttributeError:
        raise ImproperlyConfigured('COOKIE_CONSENT_INVENTORY is not set') from None
    if isinstance(source, (str, Path)) and (isinstance(source, Path) or source.endswith('.json')):
        path = os.fspath(source)
        try:
            return _read_file(path, os.stat(path).st_mtime_ns)
        except (OSError, ValueError) as error:
            raise ImproperlyConfigured(f'COOKIE_CONSENT_INVENTORY: cannot read {path}: {error}') from None
    if isinstance(source, str):
        try:
            source = import_string(source)
        except ImportError as error:
            raise ImproperlyConfigured(f'COOKIE_CONSENT_INVENTORY: {error}') from None
    if callable(source):
        source = source()
    return source


def derived_revision(inventory):
    """A revision from the purposes and vendors: the first 16 hex digits of
    the SHA-256 of their canonical JSON."""
    purposes = {'categories': inventory.get('categories'), 'vendors': inventory.get('vendors', [])}
    text = json.dumps(purposes, sort_keys=True, separators=(',', ':'), ensure_ascii=False)
    return hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]


def _check(inventory):
    """The fields the server reads, checked as the elements check them: a
    broken inventory is a configuration error, never a wrong answer."""
    if not isinstance(inventory, dict):
        raise ImproperlyConfigured('COOKIE_CONSENT_INVENTORY must give a dict (a JSON object)')
    categories, vendors = inventory.get('categories'), inventory.get('vendors', [])
    if not isinstance(categories, list) or not categories:
        raise ImproperlyConfigured('COOKIE_CONSENT_INVENTORY: "categories" must be a non-empty list')
    if not isinstance(vendors, list):
        raise ImproperlyConfigured('COOKIE_CONSENT_INVENTORY: "vendors" must be a list')
    if len(categories) > MAX_ITEMS or len(vendors) > MAX_ITEMS:
        raise ImproperlyConfigured(f'COOKIE_CONSENT_INVENTORY: at most {MAX_ITEMS} categories and vendors')
    seen = set()
    for kind, items in (('categories', categories), ('vendors', vendors)):
        for index, item in enumerate(items):
            item_id = item.get('id') if isinstance(item, dict) else None
            where = f'COOKIE_CONSENT_INVENTORY: {kind}[{index}]'
            if not isinstance(item_id, str) or not 0 < len(item_id) <= MAX_ID_LENGTH:
                raise ImproperlyConfigured(f'{where} needs an "id" of 1 to {MAX_ID_LENGTH} characters')
            if any(character.isspace() for character in item_id) or item_id == '__proto__':
                raise ImproperlyConfigured(f'{where}: the id {item_id!r} must not contain spaces')
            if item_id in seen:
                raise ImproperlyConfigured(f'{where}: the id {item_id!r} is already used')
            seen.add(item_id)
            if kind == 'vendors' and item.get('category') not in {c['id'] for c in categories}:
                raise ImproperlyConfigured(f'{where}: "category" must be the id of a category')
    revision = inventory.get('revision')
    if revision is not None and (
        isinstance(revision, bool)
        or not isinstance(revision, (str, int))
        or len(str(revision)) > MAX_REVISION_LENGTH
    ):
        raise ImproperlyConfigured(
            f'COOKIE_CONSENT_INVENTORY: "revision" must be a string or an integer of at most '
            f'{MAX_REVISION_LENGTH} characters'
        )


class Inventory:
    """The inventory of one request (a callable is called once per request)."""

    def __init__(self, data):
        self.data = data
        self.categories = data['categories']
        self.vendors = data.get('vendors', [])
        self.revision = data['revision']
        self.category_ids = [category['id'] for category in self.categories]
        self.vendor_ids = [vendor['id'] for vendor in self.vendors]
        self._vendors = {vendor['id']: vendor for vendor in self.vendors}
        self.required = {category['id'] for category in self.categories if category.get('required') is True}

    def find_vendor(self, vendor_id):
        return self._vendors.get(vendor_id)

    def vendors_of(self, category_id):
        return [vendor for vendor in self.vendors if vendor.get('category') == category_id]

    def covered_by_gpc(self, item_id):
        """Global Privacy Control covers a category marked `gpc`, and a vendor
        marked itself or through its category."""
        vendor = self.find_vendor(item_id)
        if vendor is not None and vendor.get('gpc') is True:
            return True
        category_id = vendor['category'] if vendor is not None else item_id
        return any(category['id'] == category_id and category.get('gpc') is True for category in self.categories)

    def uses_gpc(self):
        """Whether anything is marked for Global Privacy Control: without, the
        signal changes nothing and the server need not read it."""
        return any(item.get('gpc') is True for item in [*self.categories, *self.vendors])

    def needs_vendor_rules(self):
        """The elements' `needsVendorRules`: vendors, a category's `gpc`
        flag, or an item naming a vendor or a storage. With these rules a
        decision whose vendor lists are malformed is no decision."""
        cookies = self.data.get('cookies') or []
        return (
            'vendors' in self.data
            or any('gpc' in category for category in self.categories)
            or any(isinstance(item, dict) and ('vendor' in item or 'storage' in item) for item in cookies)
        )


def get_inventory():
    """The inventory, checked, with its revision (derived when it has none)."""
    data = _to_json(_source())
    _check(data)
    if data.get('revision') is None:
        data['revision'] = derived_revision(data)
    return Inventory(data)
