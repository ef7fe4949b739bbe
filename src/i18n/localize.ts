/**
 * The UI strings' runtime. Strings are written with `msg()` and extracted to
 * XLIFF by lit-localize, but they are looked up here rather than through
 * `configureLocalization`: @lit/localize allows one configuration per page,
 * and a host app that uses it for itself must keep that one.
 */
import type { msg as litMsg, str as litStr, StrResult } from '@lit/localize';
import { allLocales, sourceLocale } from './generated/locale-codes.js';
import { localeLoaders } from './generated/loaders.js';
import type { LocaleModule } from './locale-module.js';

/**
 * Tags a string with placeholders, as lit-localize's `str` does (its extractor
 * knows it by its type). Defined here so that the runtime of @lit/localize,
 * which this lookup does not use, stays out of the bundle.
 */
export const str = ((strings: TemplateStringsArray, ...values: unknown[]) => ({
  strTag: true,
  strings,
  values,
})) as unknown as typeof litStr;

/** Every language the UI is translated into, the source (English) first. */
export const uiLocales: readonly string[] = allLocales;
export const uiSourceLocale: string = sourceLocale;

let activeLocale: string = sourceLocale;
let activeTemplates: LocaleModule['templates'] = {};
let latestRequest: string = sourceLocale;
const listeners = new Set<() => void>();

function join(strings: readonly string[], values: readonly unknown[], order?: readonly number[]) {
  let text = strings[0];
  for (let i = 1; i < strings.length; i++) {
    text += String(values[order ? order[i - 1] : i - 1]) + strings[i];
  }
  return text;
}

function isStrResult(template: unknown): template is StrResult {
  return typeof template === 'object' && template !== null && 'strTag' in template;
}

/** Looks a string up by its id in the active language; English otherwise. */
export const msg = ((template: string | StrResult, options?: { id?: string }) => {
  const translated = options?.id === undefined ? undefined : activeTemplates[options.id];
  if (typeof translated === 'string') return translated;
  if (isStrResult(template)) {
    return isStrResult(translated)
      ? join(translated.strings, template.values, translated.values as number[])
      : join(template.strings, template.values);
  }
  return template;
}) as typeof litMsg;

export function getUiLocale(): string {
  return activeLocale;
}

/**
 * Switches the UI strings to `locale` (one of `uiLocales`), loading its module
 * on first use. When calls overlap, the last one wins.
 */
export async function setUiLocale(locale: string): Promise<void> {
  if (locale === latestRequest) return;
  latestRequest = locale;
  const loader = localeLoaders[locale];
  let templates: LocaleModule['templates'] = {};
  try {
    if (loader) templates = (await loader()).templates;
  } catch (error) {
    // A chunk that fails to load leaves the page in the language it had.
    console.error(`cookie consent: could not load the "${locale}" texts`, error);
    if (latestRequest !== locale) return;
    latestRequest = activeLocale;
    for (const listener of listeners) listener();
    return;
  }
  if (latestRequest !== locale) return;
  activeLocale = locale;
  activeTemplates = templates;
  for (const listener of listeners) listener();
}

/** Whether no language is loading: the texts shown are the ones asked for last. */
export function isUiLocaleSettled(): boolean {
  return latestRequest === activeLocale;
}

/** Calls `listener` after each change of UI language; returns the unsubscribe. */
export function onUiLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
