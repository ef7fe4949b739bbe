import { expect, waitUntil } from '@open-wc/testing';

/**
 * The elements must show and work on a page whose policy allows no inline
 * script or style and no eval. The test runner's own page cannot run under
 * such a policy, so the page under test is an iframe served with it (see
 * the middleware in web-test-runner.config.mjs).
 */
describe('under a strict Content-Security-Policy', () => {
  let frame: HTMLIFrameElement;

  beforeEach(async () => {
    frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '700px';
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    frame.src = new URL('./strict-csp.html', import.meta.url).href;
    document.body.append(frame);
    await loaded;
  });

  afterEach(() => {
    frame.contentDocument!.cookie = 'csp_consent=; Path=/; Max-Age=0';
    frame.contentDocument!.cookie = 'csp_embed=; Path=/; Max-Age=0';
    frame.remove();
  });

  function shadow(selector: string) {
    return frame.contentDocument!.querySelector(selector)!.shadowRoot!;
  }

  it('is really served with the policy', async () => {
    const response = await fetch(frame.src);
    expect(response.headers.get('content-security-policy')).to.equal(
      "default-src 'self'; script-src 'self'; style-src 'self'",
    );
  });

  it('renders styled elements, takes a decision and reports no violation', async () => {
    const win = frame.contentWindow as Window & { cspViolations: string[] };
    await waitUntil(
      () => shadow('cookie-banner')?.querySelector('[part~="accept-button"]'),
      'banner rendered',
      {
        timeout: 5000,
      },
    );
    const accept =
      shadow('cookie-banner').querySelector<HTMLButtonElement>('[part~="accept-button"]')!;
    // The styles apply: the banner is fixed, which only its stylesheet says.
    const region = shadow('cookie-banner').querySelector('[role="region"]')!;
    expect(win.getComputedStyle(region).position).to.equal('fixed');

    const table = shadow('cookie-table').querySelector('table')!;
    expect(table.querySelectorAll('tbody tr')).to.have.length(2);
    expect(win.getComputedStyle(table).borderCollapse).to.equal('collapse');

    shadow('cookie-banner').querySelector<HTMLButtonElement>('[part~="customise-button"]')!.click();
    const dialog = () => shadow('cookie-preferences').querySelector('dialog')!;
    await waitUntil(() => dialog().open, 'dialog opened');
    dialog().querySelector<HTMLButtonElement>('[part~="reject-button"]')!.click();
    await waitUntil(() => !dialog().open, 'dialog closed');
    expect(frame.contentDocument!.cookie).to.include('csp_consent=');
    expect(accept.isConnected).to.equal(false);
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('sizes an embed through the CSSOM and loads its content once allowed, with no violation', async () => {
    const win = frame.contentWindow as Window & { cspViolations: string[] };
    const embed = frame.contentDocument!.querySelector('cookie-embed')!;
    await waitUntil(() => embed.shadowRoot?.querySelector('[part~="load-button"]'), 'placeholder', {
      timeout: 5000,
    });
    const box = embed.shadowRoot!.querySelector<HTMLElement>('[part~="frame"]')!;
    expect(win.getComputedStyle(box).maxWidth).to.equal('400px');
    const { width, height } = box.getBoundingClientRect();
    expect(width / height).to.be.closeTo(400 / 300, 0.01);
    embed.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-button"]')!.click();
    await waitUntil(() => embed.querySelector(':scope > iframe'), 'content loaded', {
      timeout: 2000,
    });
    expect(win.cspViolations).to.deep.equal([]);
  });
});
