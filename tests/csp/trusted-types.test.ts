import { expect, waitUntil } from '@open-wc/testing';
import { newRun, openPage, scriptRequests, type CspPage } from './support.js';

/**
 * Pages that require Trusted Types (trusted-types.html, its policy picked by
 * `?policy=`). Engines without Trusted Types ignore the directives: there the
 * same pages must simply work.
 */
describe('under Trusted Types', () => {
  let frame: HTMLIFrameElement;
  let page: CspPage;
  let run: string;
  const supported = 'trustedTypes' in window;

  async function open(query: string): Promise<void> {
    run = newRun();
    frame = await openPage(`./trusted-types.html?run=${run}&${query}`);
    page = frame.contentWindow as CspPage;
  }

  function banner(): HTMLElement & { updateComplete: Promise<boolean> } {
    return frame.contentDocument!.querySelector('cookie-banner')!;
  }

  async function acceptButton(): Promise<HTMLButtonElement> {
    await waitUntil(
      () => banner().shadowRoot?.querySelector('[part~="accept-button"]'),
      'the banner did not render',
      { timeout: 5000 },
    );
    return banner().shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept-button"]')!;
  }

  /** Accepts from the banner, and waits for both gated scripts of the page. */
  async function acceptAndRunScripts(): Promise<void> {
    (await acceptButton()).click();
    await waitUntil(() => page.__ran?.length === 2, 'the gated scripts did not run', {
      timeout: 5000,
    });
    expect(page.__ran).to.have.members(['src', 'inline']);
    expect(await scriptRequests(`tt-src-${run}`)).to.equal(1);
  }

  afterEach(() => {
    frame.contentDocument!.cookie = `tt_consent_${run}=; Path=/; Max-Age=0`;
    frame.remove();
  });

  it('is served with the policy', async () => {
    await open('policy=named');
    const response = await fetch(frame.src);
    expect(response.headers.get('content-security-policy')).to.equal(
      "require-trusted-types-for 'script'; trusted-types cookie-consent cookie-consent-lit",
    );
    // Where the engine has Trusted Types, the page really takes no string as HTML.
    const assignString = () => {
      frame.contentDocument!.createElement('div').innerHTML = '<b>text</b>';
    };
    if (supported) expect(assignString).to.throw();
    else expect(assignString).to.not.throw();
  });

  it('with our policies allowed: the banner works and gated scripts run, src and inline', async () => {
    await open('policy=named');
    await acceptAndRunScripts();
    expect(page.cspViolations).to.deep.equal([]);
    expect(page.consoleErrors).to.deep.equal([]);
    expect(page.uncaught).to.deep.equal([]);
  });

  it("beside the host page's own Lit, which created the lit-html policy first", async () => {
    await open('policy=host-lit&host-lit');
    await waitUntil(
      () => frame.contentWindow!.customElements.get('cookie-banner'),
      'the elements were not defined',
    );
    await acceptAndRunScripts();
    expect(page.cspViolations).to.deep.equal([]);
    expect(page.consoleErrors).to.deep.equal([]);
    expect(page.uncaught).to.deep.equal([]);
  });

  it('with our policies forbidden: one clear error, nothing uncaught', async () => {
    await open('policy=forbidden');
    // Rendered once (with nothing to show where Trusted Types are enforced).
    await waitUntil(() => frame.contentWindow!.customElements.get('cookie-banner'), 'not defined');
    await banner().updateComplete;
    page.consent!.acceptAll(`tt_consent_${run}`);
    // The gate has had its pass once it is loaded; then one more task, so that a
    // rejection left unhandled would have been reported.
    await waitUntil(
      () =>
        page.performance
          .getEntriesByType('resource')
          .some((entry) => entry.name.includes('script-gate')),
      'the gate did not load',
      { timeout: 5000 },
    );
    await new Promise((resolve) => {
      page.addEventListener('message', resolve, { once: true });
      page.postMessage('after', '*');
    });
    expect(page.uncaught).to.deep.equal([]);
    if (supported) {
      expect(page.consoleErrors).to.have.length(1);
      expect(page.consoleErrors![0]).to.include(
        'add "cookie-consent cookie-consent-lit" to its trusted-types directive',
      );
      expect(page.__ran ?? []).to.deep.equal([]);
    } else {
      // Without Trusted Types the directives are ignored: the page works.
      expect(page.consoleErrors).to.deep.equal([]);
      await waitUntil(() => page.__ran?.length === 2, 'the gated scripts did not run', {
        timeout: 5000,
      });
    }
  });
});
