import { DURATION_UNITS, type CookieDuration, type DurationUnit } from '../consent/inventory.js';
import { resolveText, type ResolvedText } from '../consent/language.js';
import { msg } from '../i18n/localize.js';

/**
 * Intl formatters are costly to build and a table formats a duration per row:
 * one of each per language and unit, built on first use.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.ListFormat>();

function unitFormat(language: string, unit: DurationUnit): Intl.NumberFormat {
  const key = `${language} ${unit}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    // Intl names its units in the singular: `year` for `years`.
    format = new Intl.NumberFormat(language, {
      style: 'unit',
      unit: unit.slice(0, -1),
      unitDisplay: 'long',
    });
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
  const amounts = duration as Partial<Record<DurationUnit, number>>;
  const units = DURATION_UNITS.filter((unit) => typeof amounts[unit] === 'number');
  if (typeof duration === 'object' && units.length > 0) {
    const parts = units.map((unit) => unitFormat(language, unit).format(amounts[unit]!));
    // An engine without unit names in `language` words them in another
    // (Chromium has none in Irish or Maltese: "13 months"): the text says
    // which, so that a screen reader reads it with that language's voice.
    const worded = unitFormat(language, units[0]).resolvedOptions().locale;
    return { text: listFormat(language).format(parts), language: worded };
  }
  return resolveText(
    duration as Exclude<CookieDuration, object> | Record<string, string>,
    textPreferences,
  );
}
