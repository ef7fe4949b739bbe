/** The decision cookie as a server reads and writes it, without the library's parser. */
import type { DecisionRecord } from '../../src/consent/decision-cookie.js';
import { readCookie, setCookie } from './cookies.js';

/** The decision in cookie `name`, decoded as a server would, or `undefined`. */
export function storedDecision(name: string, doc: Document = document): DecisionRecord | undefined {
  const raw = readCookie(name, doc);
  return raw === undefined ? undefined : JSON.parse(decodeURIComponent(raw));
}

/**
 * Writes a decision into cookie `name` the way a previous visit would have:
 * statistics granted, marketing refused, revision 1, unless `decision` says otherwise.
 */
export function setStoredDecision(name: string, decision: Partial<DecisionRecord> = {}): void {
  const record: DecisionRecord = {
    categories: { necessary: true, statistics: true, marketing: false },
    revision: 1,
    timestamp: new Date().toISOString(),
    id: 'earlier-visit',
    ...decision,
  };
  setCookie(name, encodeURIComponent(JSON.stringify(record)));
}
