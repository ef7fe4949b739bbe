/** Dates as the decision cookie holds them. */
import { DAY_MS } from '../../src/consent/decision-cookie.js';

export { DAY_MS };

/** An ISO timestamp `days` days before now. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString();
}
