/** What the tests of pages served with a real Content-Security-Policy share. */
import { waitUntil } from '@open-wc/testing';
import type * as ConsentApi from '../../src/consent/api.js';

export interface CspPage extends Window {
  console: Console;
  consent?: typeof ConsentApi;
  cspViolations: string[];
  consoleErrors?: string[];
  uncaught?: string[];
  /** The marks of the scripts that ran (/test-endpoints/script.js and inline ones). */
  __ran?: string[];
}

/** A run of its own: the script URLs of the page are counted apart from other runs'. */
export function newRun(): string {
  return Math.random().toString(36).slice(2);
}

/** Loads `page` (relative to this folder) in an iframe and waits for its consent API. */
export async function openPage(page: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '700px';
  frame.src = new URL(page, import.meta.url).href;
  document.body.append(frame);
  await waitUntil(() => (frame.contentWindow as CspPage | null)?.consent, 'the page did not load', {
    timeout: 15000,
  });
  return frame;
}

/** How many times the test server was asked for the script of `key`. */
export async function scriptRequests(key: string): Promise<number> {
  const response = await fetch(`/test-endpoints/script-requests?key=${encodeURIComponent(key)}`);
  return ((await response.json()) as { requests: number }).requests;
}
