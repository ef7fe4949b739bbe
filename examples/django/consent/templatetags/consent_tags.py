"""Template tags that read the visitor's decision, so a template can leave out
what the visitor refused: a tag that is never sent cannot run.

    {% load consent_tags %}
    {% consent_granted 'statistics' as statistics_granted %}
    {% if statistics_granted %}<script src="…"></script>{% endif %}

Needs `django.template.context_processors.request`.
"""
from django import template

from .. import decision

register = template.Library()


@register.simple_tag(takes_context=True)
def consent_granted(context, category):
    """Whether `category` may be used for this request (required categories
    always may). False without a request, and for any cookie that is not a
    current decision of this site."""
    request = context.get('request')
    return request is not None and decision.is_granted(request, category)


@register.simple_tag(takes_context=True)
def consent_decided(context):
    """Whether the visitor has a decision in force (consent or refusal)."""
    request = context.get('request')
    return request is not None and decision.current_decision(request) is not None
