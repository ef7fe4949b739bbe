// A gated script under a real, strict Content-Security-Policy. The policy needs a page
// of its own (an iframe), which sits apart from script-gate.test.ts because the test
// runner's coverage keeps one copy of each module per page.
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type * as ConsentApi from '../../src/consent/api.js';
import { deleteCookie, uniqueCookieName } from '../support/cookies.js';
import { sampleInventory } from '../support/inventories.js';

describe('scripts that wait for consent, under a strict Content-Security-Policy', () => {
  it('keep the nonce that lets their copy run', async () => {
    const frame = document.createElement('iframe');
    frame.src = new URL('./fixtures/csp-page.html', import.meta.url).href;
    document.body.append(frame);
    const name = uniqueCookieName('csp');
    try {
      const frameWindow = frame.contentWindow as Window & {
        consent?: typeof ConsentApi;
        __inlineRuns?: string[];
      };
      await waitUntil(() => frameWindow.consent, 'the page did not load the consent API', {
        timeout: 15000,
      });
      const consent = frameWindow.consent!;
      consent.setInventory(sampleInventory(), name);
      await aTimeout(100);
      expect(frameWindow.__inlineRuns ?? []).to.deep.equal([]);
      consent.acceptAll(name);
      await waitUntil(() => frameWindow.__inlineRuns?.length, 'the script did not run');
      // Time for the copy without a nonce to run, had the policy let it.
      await aTimeout(100);
      expect(frameWindow.__inlineRuns).to.deep.equal(['with nonce']);
    } finally {
      deleteCookie(name);
      frame.remove();
    }
  });
});
