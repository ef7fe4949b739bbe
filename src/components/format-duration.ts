import type { CookieDuration } from '../consent/inventory.js';
import { resolveText, type ResolvedText } from '../consent/language.js';
import { msg } from '../i18n/localize.js';

const UNITS = [
  ['years', 'year'],
  ['months', 'month'],
  ['days', 'day'],
  ['hours', 'hour'],
] as const;

type Unit = (typeof UNITS)[number][1];

/**
 * Intl formatters are costly to build and a table formats a duration per row:
 * one of each per language and unit, built on first use.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.ListFormat>();

function unitFormat(language: string, unit: Unit): Intl.NumberFormat {
  const key = `${language} ${unit}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' });
    formatters.set(key, format);
  }
  return format;
}

function listFormat(language: string): Intl.ListFormat {
  let format = formatters.get(language) as Intl.ListFormat | undefined;
  if (!format) {
    format = new Intl.ListFormat(language, { style: 'long', type: 'unit' });
    formatters.set(language, format);
  }
  return format;
}

/**
 * A cookie's lifetime in the visitor's language: `"session"` and amounts such
 * as `{ "months": 13 }` are formatted with Intl in `language` (the
 * interface's), texts are resolved like every inventory text, with the
 * language they are in.
 */
export function formatDuration(
  duration: CookieDuration | undefined,
  language: string,
  textPreferences: readonly string[],
): ResolvedText {
  if (duration === undefined) return { text: '' };
  if (typeof duration === 'string' && duration.toLowerCase() === 'session') {
    const text = msg('Session', {
      id: 'duration.session',
      desc: 'Lifetime of a cookie deleted when the browser closes',
    });
    return { text, language };
  }
  const amounts = duration as Partial<Record<(typeof UNITS)[number][0], number>>;
  if (typeof duration === 'object' && UNITS.some(([key]) => typeof amounts[key] === 'number')) {
    const parts = UNITS.filter(([key]) => typeof amounts[key] === 'number').map(([key, unit]) =>
      unitFormat(language, unit).format(amounts[key]!),
    );
    return { text: listFormat(language).format(parts), language };
  }
  return resolveText(
    duration as Exclude<CookieDuration, object> | Record<string, string>,
    textPreferences,
  );
}
