"""Content in the reader's language.

Every content entry may carry `translations = { fr = "…", "pt-br" = "…" }`
beside its English text. The active language (Django's, chosen by
LocaleMiddleware among LANGUAGES) picks the translation, falling back from
"pt-br" to "pt" and then to the English original.
"""

import re
from collections.abc import Mapping

from django.utils import translation

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


def pick(text: str, translations: Mapping[str, str] | None) -> str:
    if not translations:
        return text
    language = (translation.get_language() or "").lower()
    for candidate in (language, language.split("-")[0]):
        if candidate and translations.get(candidate):
            return translations[candidate]
    return text


def check_translations(key: str, translations: object) -> dict[str, str]:
    """Validate an entry's translations table as read from a content file."""
    if translations is None:
        return {}
    if not isinstance(translations, dict):
        raise ValueError(f"{key}: translations must be a table of language = text")
    for language, text in translations.items():
        if not LANGUAGE_TAG.match(language) or not isinstance(text, str) or not text.strip():
            raise ValueError(f"{key}: translation {language!r} needs a language tag such as fr and some text")
    return dict(translations)
