import type { CookieDuration } from '../consent/inventory.js';
import { resolveText } from '../consent/language.js';
import { msg } from '../i18n/localize.js';

const UNITS = [
  ['years', 'year'],
  ['months', 'month'],
  ['days', 'day'],
  ['hours', 'hour'],
] as const;

/**
 * A cookie's lifetime in the visitor's language: `"session"` and amounts such
 * as `{ "months": 13 }` are formatted with Intl, texts are resolved like every
 * inventory text.
 */
export function formatDuration(
  duration: CookieDuration | undefined,
  language: string,
  textPreferences: readonly string[],
): string {
  if (duration === undefined) return '';
  if (typeof duration === 'string' && duration.toLowerCase() === 'session') {
    return msg('Session', {
      id: 'duration.session',
      desc: 'Lifetime of a cookie deleted when the browser closes',
    });
  }
  const amounts = duration as Partial<Record<(typeof UNITS)[number][0], number>>;
  if (typeof duration === 'object' && UNITS.some(([key]) => typeof amounts[key] === 'number')) {
    const parts = UNITS.filter(([key]) => typeof amounts[key] === 'number').map(([key, unit]) =>
      new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(
        amounts[key]!,
      ),
    );
    return new Intl.ListFormat(language, { style: 'long', type: 'unit' }).format(parts);
  }
  return resolveText(
    duration as Exclude<CookieDuration, object> | Record<string, string>,
    textPreferences,
  );
}
