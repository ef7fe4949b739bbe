"""Template tags that read the visitor's decision, so a template can leave out
what the visitor refused: a tag that is never sent cannot run.

    {% load consent_tags %}
    {% consent_granted 'statistics' as statistics_granted %}
    {% if statistics_granted %}<script src="…"></script>{% endif %}

A vendor's id works the same way: `{% consent_granted 'youtube' as youtube_granted %}`.

Needs `django.template.context_processors.request`.

    {% consent_language_module as module %}
    {% if module %}<link rel="modulepreload" href="{{ module }}">{% endif %}

fetches the texts of the page's language together with the elements, instead
of after them, so the banner shows sooner.
"""
from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import ImproperlyConfigured
from django.templatetags.static import static
from django.utils import translation

from .. import decision

register = template.Library()


@register.simple_tag(takes_context=True)
def consent_granted(context, item_id):
    """Whether a category or a vendor (`item_id`) may be used for this request
    (required categories and their vendors always may; Global Privacy Control
    applies, see decision.is_granted). False without a request, and for any
    cookie that is not a current decision of this site."""
    request = context.get('request')
    return request is not None and decision.is_granted(request, item_id)


@register.simple_tag(takes_context=True)
def consent_decided(context):
    """Whether the visitor has a decision in force (consent or refusal)."""
    request = context.get('request')
    return request is not None and decision.current_decision(request) is not None


def _locale_candidates(language_code):
    """Django's code as the elements name their language files: `pt-br` gives
    `pt-BR` then `pt`, `zh-hans` gives `zh-Hans` then `zh`."""
    parts = language_code.replace('_', '-').split('-')
    normalized = [parts[0].lower()] + [
        part.title() if len(part) == 4 else part.upper() for part in parts[1:]
    ]
    return ['-'.join(normalized[:length]) for length in range(len(normalized), 0, -1)]


@lru_cache(maxsize=None)
def _static_file_exists(path):
    """Whether the static files hold `path`: the finders know it in
    development, the storage after collectstatic (without STATIC_ROOT, asking
    it raises). Cached: the answer changes only with a new deployment."""
    if finders.find(path):
        return True
    try:
        return staticfiles_storage.exists(path)
    except ImproperlyConfigured:
        return False


@register.simple_tag
def consent_language_module(language_code=None):
    """The static URL of the elements' texts in the active language (or
    `language_code`), or '' when there is none to load: English is built in,
    and a language the elements lack falls back like the elements do."""
    for candidate in _locale_candidates(language_code or translation.get_language() or 'en'):
        path = f'locales/{candidate}.js'
        if _static_file_exists(path):
            return static(path)
    return ''
