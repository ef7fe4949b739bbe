/**
 * Scripts that wait for consent:
 *
 *   <script type="text/plain" data-consent-category="statistics" src="/stats.js"></script>
 *
 * The browser neither fetches nor runs a `text/plain` script. When every
 * category it names (space-separated) is granted, and every vendor it names
 * in `data-consent-vendor` (`youtube`), a real copy takes its place
 * and runs, once. `data-type="module"` makes the copy a module, `data-src`
 * may stand for `src`, and an inline script keeps its nonce so that a strict
 * Content-Security-Policy still lets it run. Only the page's own scripts are
 * released: those of its HTML, or carrying its nonce (gated-scripts.ts).
 */
import {
  createTrustedTypesPolicy,
  same,
  SCRIPTS_POLICY,
  trustedTypesForbidden,
  type TrustedTypesPolicy,
} from '../trusted-types.js';
import { GATED_SCRIPTS, mayRun } from './gated-scripts.js';
import type { ConsentStore } from './store.js';

/** Set on a gated script once its copy has been started, so that it never runs twice. */
const DONE = 'data-consent-done';
/** Attributes the copy does not take as they are: the gate's own, and those set as properties. */
const GATE_ATTRIBUTES = new Set([
  'type',
  'nonce',
  'src',
  'data-type',
  'data-src',
  'data-consent-category',
  'data-consent-vendor',
  DONE,
]);

export class ScriptGate {
  private observer?: MutationObserver;
  private unsubscribe?: () => void;

  /**
   * @param waitFor what must come first, if anything: Google Consent Mode on
   *   its way, so that Google hears of a decision before the tags it releases.
   * @param ran called once scripts have run: a tag they added (Clarity's or
   *   UET's snippet) hears then of the decision in force.
   */
  constructor(
    private readonly store: ConsentStore,
    private readonly root: ParentNode & Node = document,
    private readonly waitFor: () => Promise<unknown> | undefined = () => undefined,
    private readonly ran: () => void = () => {},
  ) {}

  /** Runs what is granted now, then watches decisions and scripts added later. */
  start(): void {
    if (this.observer) return;
    this.unsubscribe = this.store.subscribe(() => this.release());
    this.observer = new MutationObserver((records) => {
      if (records.some((record) => record.addedNodes.length > 0)) this.release();
    });
    this.observer.observe(this.root, { childList: true, subtree: true });
    this.release();
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.unsubscribe?.();
  }

  /** Starts every waiting script whose categories are all granted. */
  release(): void {
    // Gating waits for an inventory: its revision decides whether a stored decision counts.
    if (!this.store.inventory) return;
    const pending = this.waitFor();
    if (pending) {
      void pending.then(() => this.release());
      return;
    }
    let started = false;
    for (const script of this.root.querySelectorAll<HTMLScriptElement>(GATED_SCRIPTS)) {
      if (script.hasAttribute(DONE)) continue;
      if (!mayRun(script)) {
        warnNotReleased(script);
        continue;
      }
      // Categories and vendors share one namespace: the store tells which is which.
      const ids = `${script.dataset.consentCategory ?? ''} ${script.dataset.consentVendor ?? ''}`
        .split(/\s+/)
        .filter(Boolean);
      if (ids.length === 0 || !ids.every((id) => this.store.isGranted(id))) continue;
      // One script that cannot start (a page's Trusted Types policy) never holds back the others.
      try {
        const run = runScript(script);
        // A file runs once it has loaded: the tags it adds hear of the decision then.
        if (run.src) run.addEventListener('load', () => this.ran());
        started = true;
      } catch (error) {
        reportFailure(script, error);
      }
    }
    if (started) this.ran();
  }
}

let warned = false;

function warnNotReleased(script: HTMLScriptElement): void {
  if (warned) return;
  warned = true;
  console.warn(
    "cookie consent: a script waiting for consent was added after the page was parsed without the page's nonce: it is never run. Only scripts of the page's HTML, or carrying its nonce, are released.",
    script,
  );
}

const reported = new WeakSet<HTMLScriptElement>();

function reportFailure(script: HTMLScriptElement, error: unknown): void {
  if (reported.has(script)) return;
  reported.add(script);
  // A refused Trusted Types policy has been reported already, with what to change.
  if (!trustedTypesForbidden())
    console.error('cookie consent: could not start a script waiting for consent', script, error);
}

let policy: TrustedTypesPolicy | null | undefined;

/**
 * `value` as script text (`'createScript'`) or a script URL, for a script the
 * gate releases: the `cookie-consent` policy vouches for nothing else. It is
 * a TrustedScript or TrustedScriptURL, which the DOM takes where a string
 * goes; without a policy, the string (which a default policy may still take).
 */
function trusted(value: string, kind: 'createScript' | 'createScriptURL'): string {
  if (policy === undefined) {
    const rules = { createScript: same, createScriptURL: same };
    policy = createTrustedTypesPolicy(SCRIPTS_POLICY, rules) ?? null;
  }
  return (policy?.[kind](value) ?? value) as string;
}

function runScript(gated: HTMLScriptElement): HTMLScriptElement {
  const script = document.createElement('script');
  for (const { name, value } of gated.attributes) {
    if (GATE_ATTRIBUTES.has(name)) continue;
    // Under Trusted Types, an event handler attribute (`onload`) is script text.
    script.setAttribute(name, name.startsWith('on') ? trusted(value, 'createScript') : value);
  }
  // The nonce attribute reads as empty once the page has loaded; the property keeps it.
  if (gated.nonce) script.nonce = gated.nonce;
  if (gated.dataset.type) script.type = gated.dataset.type;
  const src = gated.dataset.src ?? gated.getAttribute('src');
  if (src) {
    script.src = trusted(src, 'createScriptURL');
    // A script inserted by script runs as soon as it loads; keep document order instead.
    script.async = gated.hasAttribute('async');
  } else {
    script.text = trusted(gated.text, 'createScript');
  }
  gated.after(script);
  gated.setAttribute(DONE, '');
  return script;
}
