/** The `consent-change` events a host hears. */
import type { ConsentChangeEvent } from '../../src/events/consent-change.js';

/** Records every `consent-change` that reaches `target` until `stop()`. */
export function recordConsentChanges(target: EventTarget = document): {
  events: ConsentChangeEvent[];
  stop: () => void;
} {
  const events: ConsentChangeEvent[] = [];
  const listener = (event: Event) => events.push(event as ConsentChangeEvent);
  target.addEventListener('consent-change', listener);
  return { events, stop: () => target.removeEventListener('consent-change', listener) };
}
