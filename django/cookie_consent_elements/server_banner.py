"""The banner in the HTML the server sends: the declarative shadow root the
elements' own server render produced at wheel build time, one per language
(`prerendered/<language>.html`, by scripts/prerender-django-banner.mjs), with
what changes per request filled in: the decision view's URL with `next`, the
CSRF token, the policy link and the position. Every value is escaped; the
rest is the element's markup as Lit rendered it, never a copy.
"""
import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.utils.html import escape
from django.utils.safestring import mark_safe

PRERENDERED = Path(__file__).resolve().parent / 'prerendered'
# As in scripts/prerender-django-banner.mjs.
PLACEHOLDERS = {
    'decision_action': '__COOKIE_CONSENT_DECISION_ACTION__',
    'csrf_token': '__COOKIE_CONSENT_CSRF_TOKEN__',
    'policy_href': '__COOKIE_CONSENT_POLICY_HREF__',
    'position': '__COOKIE_CONSENT_POSITION__',
}


@lru_cache(maxsize=None)
def shadow_root(language, gpc=False):
    """The pre-rendered shadow root for one of the elements' languages, or
    None; with `gpc`, the one carrying the note that Global Privacy Control
    is honoured (the plain one from a wheel that has none)."""
    if gpc:
        try:
            return (PRERENDERED / f'{language}.gpc.html').read_text(encoding='utf-8')
        except OSError:
            pass
    try:
        return (PRERENDERED / f'{language}.html').read_text(encoding='utf-8')
    except OSError:
        return None


def banner_language(candidates):
    """The first of `candidates` (the page language's forms, most specific
    first) the wheel has a banner for, else English, as the elements fall back."""
    for candidate in candidates:
        if shadow_root(candidate) is not None:
            return candidate
    return 'en'


@lru_cache(maxsize=None)
def _manage_labels():
    try:
        return json.loads((PRERENDERED / 'labels.json').read_text(encoding='utf-8'))
    except (OSError, ValueError):
        return {}


def manage_label(candidates):
    """The elements' name for the preferences (their floating button's) in
    the first of `candidates` the wheel has, else in English: the label of
    the "manage cookies" link, in every language of the elements."""
    labels = _manage_labels()
    for candidate in candidates:
        if candidate in labels:
            return labels[candidate]
    return labels.get('en', 'Cookie preferences')


def is_safe_href(href):
    """The elements' `isSafeHref`: http(s), or relative to the page."""
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in ('', 'http', 'https') and not any(character in href for character in '\t\n\r')


def decision_action(path, next_path):
    """The decision view's URL, with the page to return to in its query."""
    return f'{path}?next={quote(next_path, safe="/")}'


def render(language, action, csrf_token, policy_href, position, gpc=False):
    """The shadow root for `language` with the request's values, safe to
    write into `<cookie-banner>`; None when the wheel has none, or when the
    policy link is one the element would refuse (its render would differ).
    `gpc`: the request sends Global Privacy Control and the inventory marks
    something for it, so the banner carries its note, as the browser's own
    render will."""
    root = shadow_root(language, gpc)
    if root is None or not is_safe_href(policy_href):
        return None
    values = {
        'decision_action': action,
        'csrf_token': csrf_token,
        'policy_href': policy_href,
        'position': position or 'bottom',
    }
    for name, placeholder in PLACEHOLDERS.items():
        root = root.replace(placeholder, escape(values[name]))
    return mark_safe(root)


def style_source():
    """The Content-Security-Policy source that allows the banner's `<style>`
    (`'sha256-…'`): add it to `style-src` under a policy without
    `'unsafe-inline'`. None when the wheel holds no pre-rendered banner."""
    try:
        return (PRERENDERED / 'style-source.txt').read_text(encoding='ascii').strip()
    except OSError:
        return None
