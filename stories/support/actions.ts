/** The Actions panel, fed with what a host's listener gets. */
import type { ConsentDetail } from '../../src/index.js';

/**
 * A `consent-change` listener that hands `event.detail` to the story's
 * `onConsentChange` action (an arg autodocs makes from the `@fires` tag).
 */
export function consentChangeAction(args: Record<string, unknown>) {
  const action = args.onConsentChange;
  if (typeof action !== 'function') return undefined;
  return (event: Event) => action((event as CustomEvent<ConsentDetail>).detail);
}
