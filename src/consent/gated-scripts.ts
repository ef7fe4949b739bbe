/**
 * The scripts that wait for consent (script-gate.ts), and which of them the
 * gate may release. This lives apart so that the entry can look for them,
 * and record the page's own, without loading the gate itself.
 */
export const GATED_SCRIPTS =
  'script[type="text/plain"][data-consent-category],script[type="text/plain"][data-consent-vendor]';

/** The scripts and embeds of the parsed document: the page's own markup. */
const parsedScripts = new WeakSet<Element>();
/** What is recorded: scripts, and embeds, whose templates may hold scripts. */
const RECORDED = 'script,cookie-embed';
/** The nonces of the parsed document's scripts: the page's own. */
const pageNonces = new Set<string>();
let recording = false;

function record(element: Element): void {
  parsedScripts.add(element);
  if (element instanceof HTMLScriptElement && element.nonce) pageNonces.add(element.nonce);
}

function recordAdded(records: MutationRecord[]): void {
  for (const node of records.flatMap((mutation) => [...mutation.addedNodes])) {
    if (!(node instanceof Element)) continue;
    if (node.matches(RECORDED)) record(node);
    node.querySelectorAll(RECORDED).forEach(record);
  }
}

/**
 * Records the scripts of the parsed document: those there when the library
 * first looks at the page (a module runs once parsing is done) and, if it
 * looks earlier, those the parser adds while `document.readyState` is
 * `loading` (this observer, created before the gate's, records a script
 * before the gate sees it). Called by the entry; later calls do nothing.
 */
export function recordParsedScripts(): void {
  if (recording) return;
  recording = true;
  document.querySelectorAll(RECORDED).forEach(record);
  if (document.readyState !== 'loading') return;
  const observer = new MutationObserver(recordAdded);
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener(
    'readystatechange',
    () => {
      recordAdded(observer.takeRecords());
      observer.disconnect();
    },
    { once: true },
  );
}

/**
 * Whether the library may run `script`: the markup it comes from (`from`: the
 * gated script itself, or the embed whose template holds it) was in the
 * parsed document, or the script carries the nonce of the page's own scripts.
 * Markup added later by the page's scripts, such as HTML put into
 * `innerHTML`, could otherwise name any script, and the copy the library
 * creates would run where the page's Content-Security-Policy blocks an
 * injected `<script>` ('strict-dynamic' trusts what a trusted script
 * creates, whatever its nonce says).
 */
export function mayRun(script: HTMLScriptElement, from: Element = script): boolean {
  const { nonce } = script;
  return parsedScripts.has(from) || (!!nonce && pageNonces.has(nonce));
}
