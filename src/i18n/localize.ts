/**
 * The UI strings' runtime. Strings are written with `msg()` and extracted to
 * XLIFF by lit-localize, but they are looked up here rather than through
 * `configureLocalization`: @lit/localize allows one configuration per page,
 * and a host app that uses it for itself must keep that one.
 */
import type { msg as litMsg, str as litStr, StrResult } from '@lit/localize';
import { allLocales, sourceLocale } from './generated/locale-codes.js';
import { detailLoaders, localeLoaders } from './generated/loaders.js';
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

/**
 * A language's texts come in two parts: the banner's, which every visitor
 * needs, and the details (dialog, table), wanted once one of those is used.
 */
const wantedParts = [localeLoaders];

let activeLocale: string = sourceLocale;
let activeTemplates: LocaleModule['templates'] = {};
/** How many of the wanted parts `activeTemplates` holds. */
let activeParts = 1;
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

function notify(): void {
  for (const listener of listeners) listener();
}

/**
 * Brings the texts to the language asked for last, with every part wanted,
 * all at once: until then the previous texts stay.
 */
async function settle(): Promise<void> {
  const locale = latestRequest;
  const parts = [...wantedParts];
  let templates: LocaleModule['templates'][];
  try {
    // English is in the source; the browser keeps each module it loaded.
    templates = await Promise.all(
      parts.map(async (loaders) => (await loaders[locale]?.())?.templates ?? {}),
    );
  } catch (error) {
    // A module that fails to load leaves the page in the language it had.
    console.error(`cookie consent: could not load the "${locale}" texts`, error);
    if (latestRequest !== locale) return;
    latestRequest = activeLocale;
    notify();
    return;
  }
  // A later request, or a part wanted meanwhile, settles again.
  if (latestRequest !== locale || wantedParts.length !== parts.length) return;
  activeLocale = locale;
  activeTemplates = Object.assign({}, ...templates) as LocaleModule['templates'];
  activeParts = parts.length;
  notify();
}

/**
 * Asks for the dialog's and the table's texts as well as the banner's, in the
 * language in force and every later one. Called when either is loaded.
 */
export function useDetailTexts(): void {
  if (wantedParts.includes(detailLoaders)) return;
  wantedParts.push(detailLoaders);
  if (latestRequest === sourceLocale && activeLocale === sourceLocale) {
    activeParts = wantedParts.length;
    return;
  }
  void settle();
}

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
  await settle();
}

/** Whether no language is loading: the texts shown are the ones asked for last. */
export function isUiLocaleSettled(): boolean {
  return latestRequest === activeLocale && activeParts === wantedParts.length;
}

/**
 * Calls `render` with the texts of `locale` in force (`templates`: every part
 * of them), then puts back those that were. For a server, which renders one
 * visitor's language after another's, synchronously: nothing is loaded here.
 */
export function withUiTexts<T>(
  locale: string,
  templates: LocaleModule['templates'],
  render: () => T,
): T {
  const saved = [activeLocale, activeTemplates, activeParts, latestRequest] as const;
  activeLocale = latestRequest = locale;
  activeTemplates = templates;
  activeParts = wantedParts.length;
  try {
    return render();
  } finally {
    [activeLocale, activeTemplates, activeParts, latestRequest] = saved;
  }
}

/** Calls `listener` after each change of UI language; returns the unsubscribe. */
export function onUiLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
