from django import template
from django.utils.safestring import SafeString

from hearth.coaching.widgets import coach_attrs_html

register = template.Library()


@register.simple_tag
def coach_attrs() -> SafeString:
    """The attributes that put the coach on a hand-written <textarea>."""
    return coach_attrs_html()
