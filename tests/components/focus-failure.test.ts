/**
 * When the banner's focus guard (the room kept at the end of the page, fetched
 * once the banner shows) cannot be loaded, nothing throws into the page, the
 * failure is reported once, and the banner still decides. The page loads the
 * library from `/faulty-focus/`, where the test server fails that module only
 * (web-test-runner.config.mjs).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CookieBanner } from '../../src/index.js';
import { captureConsole } from '../support/console.js';
import { readCookie, uniqueCookieName } from '../support/cookies.js';
import { part } from '../support/dom.js';
import { testInventory } from '../support/inventories.js';
import { usePageDefaults } from '../support/page.js';

describe('a focus guard that cannot be loaded', () => {
  usePageDefaults();

  before(async () => {
    const entry = '/faulty-focus/src/cookie-consent.ts';
    await import(entry);
  });

  it('is reported once, throws nothing, and the banner still decides', async () => {
    const rejections: unknown[] = [];
    const listener = (event: PromiseRejectionEvent) => void rejections.push(event.reason);
    window.addEventListener('unhandledrejection', listener);
    const name = uniqueCookieName();
    let banner!: CookieBanner;
    try {
      const { error: errors } = await captureConsole(async ({ error: calls }) => {
        banner = await fixture<CookieBanner>(
          html`<cookie-banner cookie-name=${name} .inventory=${testInventory()}></cookie-banner>`,
        );
        await waitUntil(() => calls.length > 0, 'the failure is reported', { timeout: 5000 });
        // Another render does not fetch it again.
        banner.requestUpdate();
        await banner.updateComplete;
      });
      expect(errors.map((args) => String(args[0]))).to.deep.equal([
        'cookie consent: could not load the focus guard',
      ]);
    } finally {
      window.removeEventListener('unhandledrejection', listener);
    }
    expect(rejections).to.deep.equal([]);
    expect(document.documentElement.style.getPropertyValue('scroll-padding-bottom')).to.equal('');
    part(banner, 'accept-button')!.click();
    expect(readCookie(name), 'the decision is stored').to.be.a('string');
    await banner.updateComplete;
    expect(part(banner, 'accept-button'), 'the banner is gone').to.equal(null);
  });
});
