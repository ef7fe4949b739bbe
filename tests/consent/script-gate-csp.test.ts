// A gated script under a real, strict Content-Security-Policy. The policy needs a page
// of its own (an iframe), which sits apart from script-gate.test.ts because the test
// runner's coverage keeps one copy of each module per page.
import { expect, waitUntil } from '@open-wc/testing';
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
      const frameDocument = frame.contentDocument!;
      const refused: string[] = [];
      frameDocument.addEventListener('securitypolicyviolation', (event) =>
        refused.push(event.blockedURI),
      );
      consent.setInventory(sampleInventory(), name);
      // A script of the required category, with the page's nonce, added last: it
      // runs once the gate has looked at the page's scripts with the inventory.
      const pass = frameDocument.createElement('script');
      pass.type = 'text/plain';
      pass.nonce = 'gate-nonce-123';
      pass.dataset.consentCategory = 'necessary';
      pass.text = 'globalThis.__gatePassed = true;';
      frameDocument.body.append(pass);
      await waitUntil(
        () => (frameWindow as { __gatePassed?: boolean }).__gatePassed,
        'the gate made no pass',
      );
      expect(frameWindow.__inlineRuns ?? []).to.deep.equal([]);
      expect(refused).to.deep.equal([]);
      consent.acceptAll(name);
      await waitUntil(() => frameWindow.__inlineRuns?.length, 'the script did not run');
      // The copy without a nonce is refused by the policy, which says so.
      await waitUntil(() => refused.length > 0, 'the copy without a nonce was not refused');
      expect(refused).to.deep.equal(['inline']);
      expect(frameWindow.__inlineRuns).to.deep.equal(['with nonce']);
    } finally {
      deleteCookie(name);
      frame.remove();
    }
  });
});
