"""Template tags: `{% load cookie_consent %}`.

    <head>{% cookie_consent_head %}</head>
    <body>
      {% cookie_consent_banner %}
      {% cookie_consent_table category="necessary" show_duration=True %}
      {% cookie_consent_manage_link %}
      {% if request.consent.granted.statistics %}<script src="…"></script>{% endif %}
      {% consent_granted "google-maps" as maps_granted %}

Every tag writes through a template of this app (templates/cookie_consent/),
with Django's autoescaping: each attribute value is escaped, and the
inventory is written as JSON with `<`, `>` and `&` escaped (as `json_script`
does), so that no text of it can close its script.
"""
import json
from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import ImproperlyConfigured
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from .. import conf, server_banner
from ..decision import consent_of
from ..inventory import get_inventory

register = template.Library()

# Where the wheel puts the elements among the static files.
STATIC_PREFIX = 'cookie-consent/'
JSON_SCRIPT_ESCAPES = {ord('<'): '\\u003C', ord('>'): '\\u003E', ord('&'): '\\u0026'}
def inventory_of(context):
    request = context.get('request')
    return consent_of(request).inventory if request is not None else get_inventory()


def inventory_json(inventory):
    """The inventory as the text of a `<script type="application/json">`,
    safe there whatever it holds."""
    text = json.dumps(inventory.data, ensure_ascii=False, separators=(',', ':'))
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))


def common_attributes():
    """What every element must share with the server: the cookies' names."""
    attributes = [('language-cookie', conf.language_cookie_name())]
    if conf.cookie_name() != conf.DEFAULT_COOKIE_NAME:
        attributes.append(('cookie-name', conf.cookie_name()))
    return attributes


def _locale_candidates(language_code):
    """Django's code as the elements name their language files: `pt-br` gives
    `pt-BR` then `pt`, `zh-hans` gives `zh-Hans` then `zh`."""
    parts = language_code.replace('_', '-').split('-')
    normalized = [parts[0].lower()] + [part.title() if len(part) == 4 else part.upper() for part in parts[1:]]
    return ['-'.join(normalized[:length]) for length in range(len(normalized), 0, -1)]


@lru_cache(maxsize=None)
def _static_file_exists(path):
    """Whether the static files hold `path`: the finders know it in
    development, the storage after collectstatic. Cached: the answer changes
    only with a new deployment."""
    if finders.find(path):
        return True
    try:
        return staticfiles_storage.exists(path)
    except ImproperlyConfigured:  # no STATIC_ROOT
        return False


def language_module(language_code=None):
    """The static path of the elements' texts in the active language, or None
    when there is none to load: English is built in, and a language the
    elements lack falls back as the elements do."""
    for candidate in _locale_candidates(language_code or translation.get_language() or 'en'):
        path = f'{STATIC_PREFIX}locales/{candidate}.js'
        if _static_file_exists(path):
            return path
    return None


def renders_banner(request):
    """Whether `{% cookie_consent_banner %}` writes the banner into the page
    for this request: a visitor with no decision in force, and a wheel with
    the pre-rendered banner."""
    return (
        request is not None
        and server_banner.shadow_root('en') is not None
        and not consent_of(request).decided
    )


@register.inclusion_tag('cookie_consent/head.html', takes_context=True)
def cookie_consent_head(context, nonce=None):
    """For `<head>`: the elements' module, and a `modulepreload` of the texts
    of the page's language, fetched beside the module rather than after it.
    On a page whose banner the server renders, Lit's hydration
    (`hydrate.js`) before them, so that the element adopts that banner.
    `nonce`: for a Content-Security-Policy with nonces."""
    module = language_module()
    return {
        'hydrate': static(f'{STATIC_PREFIX}hydrate.js') if renders_banner(context.get('request')) else None,
        'script': static(f'{STATIC_PREFIX}cookie-consent.js'),
        'language_module': static(module) if module else None,
        'nonce': nonce,
    }


def attribute_list(pairs):
    """(name, value) pairs without the unset ones; True is a boolean attribute."""
    return [(name, None if value is True else value) for name, value in pairs if value not in (None, False, '')]


@register.inclusion_tag('cookie_consent/banner.html', takes_context=True)
def cookie_consent_banner(context, position=None, reopen_button=False, reload_on_withdraw=False):
    """`<cookie-banner>` with the inventory and the server's settings: the
    policy page, the proof-of-consent endpoint, the CSRF and language cookies,
    the decision's lifetime and domain. It makes Django set the CSRF cookie,
    which the elements send the proof with.

    For a visitor with no decision in force (`request.consent.decided` is
    false), the banner itself is in the HTML, as declarative shadow DOM
    pre-rendered from the element: painted before any script runs, and its
    "Accept all" and "Reject all" post a form to the app's decision view until
    the script takes over (`decision-action`, `csrf-token`)."""
    request = context.get('request')
    shadow_root = None
    form = []
    if renders_banner(request):
        token = get_token(request)
        action = server_banner.decision_action(reverse('cookie_consent:decision'), request.get_full_path())
        language = server_banner.banner_language(_locale_candidates(translation.get_language() or 'en'))
        consent = consent_of(request)
        # Read only where the inventory marks something for it (then `Vary: Sec-GPC`).
        gpc = consent.inventory.uses_gpc() and consent.gpc
        shadow_root = server_banner.render(language, action, token, conf.policy_url(), position, gpc)
        if shadow_root is not None:
            form = [('decision-action', action), ('csrf-token', token)]
    attributes = attribute_list(
        [
            ('policy-href', conf.policy_url()),
            ('consent-endpoint', reverse('cookie_consent:records')),
            ('csrf-cookie', conf.csrf_cookie_name()),
            ('cookie-days', conf.lifetime_days()),
            ('cookie-domain', conf.cookie_domain()),
            *common_attributes(),
            ('position', position),
            ('reopen-button', reopen_button is True),
            ('reload-on-withdraw', reload_on_withdraw is True),
            *form,
        ]
    )
    if request is not None:
        # The elements send the proof with the token of the CSRF cookie, which
        # Django sets only for a page that asked for the token.
        get_token(request)
    return {
        'attributes': attributes,
        'inventory_json': inventory_json(inventory_of(context)),
        'shadow_root': shadow_root,
        'request': request,
    }


@register.inclusion_tag('cookie_consent/table.html')
def cookie_consent_table(
    category=None, vendor=None, caption=None, show_duration=False, show_party=False, show_storage=False
):
    """`<cookie-table>`: the cookies of one category (or one vendor), from the
    inventory the banner carries."""
    attributes = attribute_list(
        [
            ('category', category),
            ('vendor', vendor),
            ('caption', caption),
            ('show-duration', show_duration is True),
            ('show-party', show_party is True),
            ('show-storage', show_storage is True),
            *common_attributes(),
        ]
    )
    return {'attributes': attributes}


@register.inclusion_tag('cookie_consent/manage_link.html')
def cookie_consent_manage_link(label=None):
    """The "Manage cookies" link: it opens the preferences, or, without
    JavaScript (or if the dialog cannot load), goes to the cookie policy.
    `label` defaults to the elements' own name for the preferences in the
    page's language, in each of theirs ("Gérer mes cookies" in French,
    "Cookies verwalten" in German, "Cookie preferences" in English); give
    your own (`{% trans "…" as label %}`) to say something else."""
    if label is None:
        label = server_banner.manage_label(_locale_candidates(translation.get_language() or 'en'))
    return {'href': conf.policy_url(), 'label': label}


@register.simple_tag(takes_context=True)
def consent_granted(context, item_id):
    """Whether a category or a vendor may be used for this request (with
    Global Privacy Control applied): `{% consent_granted "youtube" as ok %}`.
    False without a request in the context."""
    request = context.get('request')
    return request is not None and consent_of(request).is_granted(item_id)
