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
 * Content-Security-Policy still lets it run.
 */
import { GATED_SCRIPTS } from './gated-scripts.js';
import type { ConsentStore } from './store.js';

/** Set on a gated script once its copy has been started, so that it never runs twice. */
const DONE = 'data-consent-done';
const GATE_ATTRIBUTES = new Set([
  'type',
  'nonce',
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
   */
  constructor(
    private readonly store: ConsentStore,
    private readonly root: ParentNode & Node = document,
    private readonly waitFor: () => Promise<unknown> | undefined = () => undefined,
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
    for (const script of this.root.querySelectorAll<HTMLScriptElement>(GATED_SCRIPTS)) {
      if (script.hasAttribute(DONE)) continue;
      // Categories and vendors share one namespace: the store tells which is which.
      const ids = `${script.dataset.consentCategory ?? ''} ${script.dataset.consentVendor ?? ''}`
        .split(/\s+/)
        .filter(Boolean);
      if (ids.length > 0 && ids.every((id) => this.store.isGranted(id))) runScript(script);
    }
  }
}

function runScript(gated: HTMLScriptElement): void {
  gated.setAttribute(DONE, '');
  const script = document.createElement('script');
  for (const attribute of gated.attributes) {
    if (!GATE_ATTRIBUTES.has(attribute.name)) script.setAttribute(attribute.name, attribute.value);
  }
  // The nonce attribute reads as empty once the page has loaded; the property keeps it.
  if (gated.nonce) script.nonce = gated.nonce;
  if (gated.dataset.type) script.type = gated.dataset.type;
  const src = gated.dataset.src ?? gated.getAttribute('src');
  if (src) {
    script.src = src;
    // A script inserted by script runs as soon as it loads; keep document order instead.
    script.async = gated.hasAttribute('async');
  } else {
    script.text = gated.text;
  }
  gated.after(script);
}
