import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CookieBanner } from '../../src/index.js';

describe('<cookie-banner> skeleton', () => {
  it('renders a named region with three buttons', async () => {
    const banner = await fixture<CookieBanner>(html`<cookie-banner></cookie-banner>`);
    const region = banner.shadowRoot!.querySelector('[role="region"]')!;
    expect(region).to.exist;
    const labelledBy = region.getAttribute('aria-labelledby')!;
    expect(banner.shadowRoot!.getElementById(labelledBy)!.textContent).to.equal(
      'Cookies on this site',
    );
    const buttons = [...banner.shadowRoot!.querySelectorAll('button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(buttons).to.deep.equal(['Accept all', 'Reject all', 'Customise']);
  });

  it('links to the policy only when policy-href is set', async () => {
    const without = await fixture<CookieBanner>(html`<cookie-banner></cookie-banner>`);
    expect(without.shadowRoot!.querySelector('a')).to.equal(null);
    const withLink = await fixture<CookieBanner>(
      html`<cookie-banner policy-href="/cookies"></cookie-banner>`,
    );
    expect(withLink.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('/cookies');
  });

  it('passes axe', async () => {
    const banner = await fixture<CookieBanner>(
      html`<cookie-banner policy-href="/cookies"></cookie-banner>`,
    );
    await expect(banner).to.be.accessible();
  });
});
