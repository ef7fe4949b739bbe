import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { languageDirection, type ResolvedText } from '../consent/language.js';
import { getUiLocale } from '../i18n/localize.js';

/** Stands for the inventory text in a translated sentence; a private-use character no translation holds. */
const MARK = '\uE000';

/**
 * An inventory text as an element shows it, with the `lang` and `dir` to mark
 * it with when it is not in the interface's language (WCAG 3.1.2): a screen
 * reader then reads a French label in an Arabic interface with a French voice.
 */
export interface ShownText {
  readonly text: string;
  readonly lang?: string;
  readonly dir?: 'ltr' | 'rtl';
}

/** `fr`, `fr-CA` and `fr_ca` are one language to a reader; `zh-Hans` and `zh-Hant` are not. */
function sameLanguage(a: string, b: string): boolean {
  const [first, second] = [a, b].map((code) => code.toLowerCase().replace(/_/g, '-'));
  return first === second || first.startsWith(`${second}-`) || second.startsWith(`${first}-`);
}

/**
 * `resolved` as shown in the interface's language: marked with the language
 * the inventory gave it in when that is another, and with its direction when
 * that differs too. `fallback` (an id) stands in for an empty text, unmarked.
 */
export function shownText(resolved: ResolvedText, fallback = ''): ShownText {
  const { text, language } = resolved;
  if (!text) return { text: fallback };
  const interfaceLanguage = getUiLocale();
  if (!language || sameLanguage(language, interfaceLanguage)) return { text };
  const lang = language.replace(/_/g, '-');
  const dir = languageDirection(lang);
  return dir === languageDirection(interfaceLanguage) ? { text, lang } : { text, lang, dir };
}

/**
 * An inventory text in a `<bdi>`, with its language: a French name in an
 * Arabic sentence keeps its own direction and voice, and the sentence its own.
 */
export function isolated(text: ShownText): TemplateResult {
  return html`<bdi lang=${ifDefined(text.lang)} dir=${ifDefined(text.dir)}>${text.text}</bdi>`;
}

/**
 * A translated sentence with an inventory text in it, that text isolated.
 * `sentence` is the `msg()` call, given the text's place.
 */
export function withIsolatedText(
  sentence: (text: string) => string,
  text: ShownText,
): TemplateResult {
  const [first, ...rest] = sentence(MARK).split(MARK);
  return html`${first}${rest.map((part) => html`${isolated(text)}${part}`)}`;
}
