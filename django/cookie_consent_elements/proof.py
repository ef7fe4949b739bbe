"""The checks of a POSTed proof of consent, as the elements send it
(src/consent/proof-of-consent.ts, `ConsentProof`):

    {"id", "timestamp", "revision", "categories", "vendors", "gpc",
     "action", "inventoryHash", "url"}

Every field is checked for its type, its size and its meaning before
anything is stored: ids of the site's inventory only, a timestamp within a
day of the server's clock, an http(s) URL. `clean_proof` raises BadProof,
with a message naming the field, for anything else; it never raises another
exception for any body.
"""
import hashlib
import json
import re
from urllib.parse import urlsplit

from . import decision
from .inventory import MAX_ID_LENGTH, MAX_REVISION_LENGTH
from .models import ConsentRecord

# A proof of the largest inventory (500 ids of 128 characters in each map)
# stays far below; a larger body is refused before it is read.
MAX_BODY_BYTES = 256 * 1024
ACTIONS = {action for action, _ in ConsentRecord.ACTIONS}
# The elements' ids: a UUID, or 32 hex digits where randomUUID is missing.
DECISION_ID = re.compile(r'[A-Za-z0-9_-]{1,64}')
# SHA-256, or FNV-1a outside secure contexts.
INVENTORY_HASH = re.compile(r'sha256:[0-9a-f]{64}|fnv1a:[0-9a-f]{8}')
MAX_URL_LENGTH = ConsentRecord._meta.get_field('url').max_length
MAX_USER_AGENT_LENGTH = ConsentRecord._meta.get_field('user_agent').max_length
SPACE_OR_CONTROL = re.compile(r'[\s\x00-\x1f\x7f]')


class BadProof(ValueError):
    """The body is not a proof of consent; the message says which field."""


def _refuse_constant(name):
    raise BadProof(f'{name} is not JSON')


def parse_body(body):
    if len(body) > MAX_BODY_BYTES:
        raise BadProof(f'the body is larger than {MAX_BODY_BYTES} bytes')
    try:
        value = json.loads(body, parse_constant=_refuse_constant)
    except BadProof:
        raise
    except (ValueError, RecursionError):  # ValueError covers bad UTF-8 and huge integers
        raise BadProof('the body is not JSON') from None
    if not isinstance(value, dict):
        raise BadProof('the body must be a JSON object')
    return value


def clean_choices(value, field, known, required):
    """Id -> true or false, every id one of `known` (the inventory's)."""
    if not isinstance(value, dict) or (required and not value):
        raise BadProof(f'{field} must be an object mapping ids to true or false')
    unknown = [item_id for item_id in value if item_id not in known]
    if unknown:
        raise BadProof(f'{field}: {unknown[0][:MAX_ID_LENGTH]!r} is not in the inventory')
    if not all(isinstance(on, bool) for on in value.values()):
        raise BadProof(f'{field} must map each id to true or false')
    return value


def clean_timestamp(value):
    since_epoch = decision.parse_timestamp(value)
    if since_epoch is None:
        raise BadProof('timestamp must be an ISO 8601 date and time with a time zone')
    if abs(since_epoch - decision.now_since_epoch()) > decision.MAX_CLOCK_SKEW:
        raise BadProof('timestamp must be within a day of now')
    return decision.as_datetime(since_epoch)


def clean_revision(value):
    if value is None:
        return ''
    if not decision.is_revision(value, finite=True):
        raise BadProof('revision must be a string, a finite number or null')
    text = decision.revision_text(value)
    if len(text) > MAX_REVISION_LENGTH:
        raise BadProof(f'revision must be at most {MAX_REVISION_LENGTH} characters')
    return text


def clean_url(value):
    if not isinstance(value, str) or not value or len(value) > MAX_URL_LENGTH:
        raise BadProof(f'url must be a string of 1 to {MAX_URL_LENGTH} characters')
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ('http', 'https') or not parts.netloc or SPACE_OR_CONTROL.search(value):
        raise BadProof('url must be an http or https URL')
    return value


def clean_proof(body, inventory):
    """The fields of a ConsentRecord from a POSTed body, or BadProof."""
    proof = parse_body(body)
    decision_id = proof.get('id')
    if not isinstance(decision_id, str) or not DECISION_ID.fullmatch(decision_id):
        raise BadProof('id must be 1 to 64 letters, digits, "-" or "_"')
    gpc = proof.get('gpc', False)
    if not isinstance(gpc, bool):
        raise BadProof('gpc must be true or false')
    action = proof.get('action')
    if not isinstance(action, str) or action not in ACTIONS:
        raise BadProof(f'action must be one of {", ".join(sorted(ACTIONS))}')
    inventory_hash = proof.get('inventoryHash')
    if not isinstance(inventory_hash, str) or not INVENTORY_HASH.fullmatch(inventory_hash):
        raise BadProof('inventoryHash must be "sha256:" and 64 hex digits, or "fnv1a:" and 8')
    return {
        'decision_id': decision_id,
        'timestamp': clean_timestamp(proof.get('timestamp')),
        'revision': clean_revision(proof.get('revision')),
        'categories': clean_choices(proof.get('categories'), 'categories', set(inventory.category_ids), True),
        # Optional: a page running elements of before vendors sends none.
        'vendors': clean_choices(proof.get('vendors', {}), 'vendors', set(inventory.vendor_ids), False),
        'gpc': gpc,
        'action': action,
        'inventory_hash': inventory_hash,
        'url': clean_url(proof.get('url')),
    }


def canonical_json(value):
    """The elements' `canonicalJson`: object keys sorted, no spaces."""
    return json.dumps(value, sort_keys=True, separators=(',', ':'), ensure_ascii=False)


def inventory_hash(inventory):
    """The elements' `inventoryHash` of the inventory they are given (the
    data the tags write, derived revision included): `sha256:<hex>`."""
    return 'sha256:' + hashlib.sha256(canonical_json(inventory.data).encode('utf-8')).hexdigest()
