/**
 * Language codes as Django writes them, matched against the languages we
 * have, the way Django's `get_supported_language_variant` does.
 */
import type { LocalizedText } from './inventory.js';

/**
 * A BCP 47 code from a Django one: `pt-br` → `pt-BR`, `zh-hans` → `zh-Hans`,
 * `de_AT` → `de-AT`. `undefined` for what is not a language code.
 */
export function normalizeLanguageCode(code: string | null | undefined): string | undefined {
  const trimmed = code?.trim().replace(/_/g, '-');
  if (!trimmed) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}

/** Django's LANG_INFO fallbacks for the Chinese regional codes. */
const FALLBACKS: Readonly<Record<string, string>> = {
  'zh-cn': 'zh-hans',
  'zh-sg': 'zh-hans',
  'zh-my': 'zh-hans',
  'zh-tw': 'zh-hant',
  'zh-hk': 'zh-hant',
  'zh-mo': 'zh-hant',
};

/**
 * The language of `supported` to use for `code`: the exact code, then the code
 * with its last subtags dropped one by one (`zh-hant-tw` → `zh-hant` → `zh`),
 * then any variant of the same language (`es-419` for `es-MX` when only it
 * exists). `undefined` when none fits.
 */
export function supportedLanguageVariant(
  code: string | null | undefined,
  supported: readonly string[],
): string | undefined {
  const normalized = normalizeLanguageCode(code)?.toLowerCase();
  if (!normalized) return undefined;
  const byLowerCase = new Map(supported.map((language) => [language.toLowerCase(), language]));
  const candidates = [normalized];
  if (FALLBACKS[normalized]) candidates.push(FALLBACKS[normalized]);
  for (let end = normalized.lastIndexOf('-'); end > 0; end = normalized.lastIndexOf('-', end - 1)) {
    candidates.push(normalized.slice(0, end));
  }
  for (const candidate of candidates) {
    const match = byLowerCase.get(candidate);
    if (match) return match;
  }
  const generic = candidates[candidates.length - 1];
  return supported.find((language) => language.toLowerCase().startsWith(`${generic}-`));
}

/** The first of `preferences` that `supported` has a variant of, else `fallback`. */
export function resolveLanguage(
  preferences: readonly (string | null | undefined)[],
  supported: readonly string[],
  fallback = 'en',
): string {
  for (const preference of preferences) {
    const match = supportedLanguageVariant(preference, supported);
    if (match) return match;
  }
  return fallback;
}

/**
 * An inventory text as resolved for a visitor: the string, and the language
 * the inventory gave it in (`undefined` for a plain string, whose language
 * the inventory does not say).
 */
export interface ResolvedText {
  readonly text: string;
  readonly language?: string;
}

/**
 * The string of `text` for a visitor who prefers `preferences` (most wanted
 * first), and which language it is; the first text the inventory has when
 * none of them fits.
 */
export function resolveText(
  text: LocalizedText | undefined,
  preferences: readonly (string | null | undefined)[],
): ResolvedText {
  if (typeof text !== 'object') return { text: text ?? '' };
  const languages = Object.keys(text);
  let language = languages[0];
  for (const preference of preferences) {
    const match = supportedLanguageVariant(preference, languages);
    if (match) {
      language = match;
      break;
    }
  }
  return language === undefined ? { text: '' } : { text: text[language], language };
}

/** Right-to-left scripts among the languages we may show. */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'dv',
  'fa',
  'ha',
  'he',
  'iw',
  'khw',
  'ks',
  'ku',
  'ps',
  'sd',
  'ur',
  'yi',
]);

export function languageDirection(code: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(code.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}
