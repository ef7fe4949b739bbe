import { expect, waitUntil } from '@open-wc/testing';
import { newRun, openPage, scriptRequests, type CspPage } from './support.js';

/**
 * The script gate must not be a way around the page's policy. The page
 * (gate-injection.html) allows only scripts with its nonce, and those they
 * create ('strict-dynamic'): a `<script>` put into `innerHTML` is blocked, and
 * so must be a gated one, which the gate's copy would otherwise smuggle in.
 */
describe('the script gate on a page with a nonce and strict-dynamic', () => {
  let frame: HTMLIFrameElement;
  let run: string;
  let page: CspPage;
  let warnings: string[];
  // The test server's own script (its web socket) is blocked like any other: not ours.
  const violations = () =>
    page.cspViolations.filter((violation) => !violation.includes('__web-dev-server'));
  const cookieName = () => `gate_injection_${run}`;

  beforeEach(async () => {
    run = newRun();
    frame = await openPage(`./gate-injection.html?run=${run}`);
    page = frame.contentWindow as CspPage;
    warnings = [];
    page.console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });

  afterEach(() => {
    frame.contentDocument!.cookie = `${cookieName()}=; Path=/; Max-Age=0`;
    frame.remove();
  });

  it('is really served with the policy', async () => {
    const response = await fetch(frame.src);
    expect(response.headers.get('content-security-policy')).to.equal(
      "script-src 'nonce-gate-page-nonce' 'strict-dynamic'; object-src 'none'; base-uri 'none'",
    );
  });

  it("releases the page's own script, not one injected later without the page's nonce", async () => {
    page.consent!.setInventory(
      { categories: [{ id: 'necessary', required: true, label: 'Necessary' }] },
      cookieName(),
    );
    await waitUntil(() => page.__ran?.includes('parsed'), 'the parsed script did not run', {
      timeout: 5000,
    });
    expect(await scriptRequests(`parsed-${run}`)).to.equal(1);

    // Markup an attacker controls: gated scripts without a nonce, or with a guessed
    // one, then, last in document order, one with the page's nonce.
    frame.contentDocument!.querySelector('#comments')!.innerHTML = `
      <script type="text/plain" data-consent-category="necessary"
        data-src="/test-endpoints/script.js?key=injected-${run}&mark=injected"></script>
      <script type="text/plain" data-consent-category="necessary" nonce="guessed"
        data-src="/test-endpoints/script.js?key=guessed-${run}&mark=guessed"></script>
      <script type="text/plain" data-consent-category="necessary" nonce="gate-page-nonce"
        data-src="/test-endpoints/script.js?key=nonce-${run}&mark=nonce"></script>`;
    // The gate's pass goes in document order: once the last one has run, it has
    // passed the others over.
    await waitUntil(() => page.__ran?.includes('nonce'), 'the script with the nonce did not run', {
      timeout: 5000,
    });
    expect(page.__ran).to.deep.equal(['parsed', 'nonce']);
    expect(await scriptRequests(`injected-${run}`), 'injected script requested').to.equal(0);
    expect(
      await scriptRequests(`guessed-${run}`),
      'script with a guessed nonce requested',
    ).to.equal(0);
    const [injected, guessed, withNonce] =
      frame.contentDocument!.querySelectorAll<HTMLScriptElement>(
        '#comments script[type="text/plain"]',
      );
    expect(injected.hasAttribute('data-consent-done')).to.equal(false);
    expect(guessed.hasAttribute('data-consent-done')).to.equal(false);
    // The copy keeps the nonce: the page's policy judges it as it would the original.
    const copy = withNonce.nextElementSibling as HTMLScriptElement;
    expect(copy.nonce).to.equal('gate-page-nonce');
    // One warning for both, which names the rule.
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include("the page's nonce");
    expect(violations()).to.deep.equal([]);
  });

  it('does not release an injected script once consent is given either', async () => {
    frame.contentDocument!.querySelector('#comments')!.innerHTML = `
      <script type="text/plain" data-consent-category="statistics"
        data-src="/test-endpoints/script.js?key=late-${run}&mark=late"></script>
      <script type="text/plain" data-consent-category="statistics" nonce="gate-page-nonce">
        (window.__ran = window.__ran || []).push('inline with nonce');
      </script>`;
    page.consent!.setInventory(
      {
        categories: [
          { id: 'necessary', required: true, label: 'Necessary' },
          { id: 'statistics', label: 'Statistics' },
        ],
      },
      cookieName(),
    );
    page.consent!.acceptAll(cookieName());
    await waitUntil(() => page.__ran?.length === 2, 'the scripts did not run', {
      timeout: 5000,
    });
    expect(await scriptRequests(`late-${run}`)).to.equal(0);
    expect(page.__ran).to.have.members(['parsed', 'inline with nonce']);
    expect(warnings).to.have.length(1);
    expect(violations()).to.deep.equal([]);
  });
});
