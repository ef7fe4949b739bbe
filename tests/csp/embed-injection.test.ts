import { expect, waitUntil } from '@open-wc/testing';
import { newRun, openPage, scriptRequests, type CspPage } from './support.js';

/**
 * An embed inserts its template's content once its vendor is granted. Its
 * scripts (a social post's widget) are inserted by the library, so a
 * 'strict-dynamic' policy would let them run: an embed put into innerHTML
 * must not be a way to run a script the policy blocks.
 */
describe('<cookie-embed> on a page with a nonce and strict-dynamic', () => {
  it("runs the page's own embed's script, not one of an embed injected later", async () => {
    const run = newRun();
    const frame = await openPage(`./embed-injection.html?run=${run}`);
    const page = frame.contentWindow as CspPage;
    const warnings: string[] = [];
    page.console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    const cookieName = 'cookies_preferences';
    try {
      // Parsed as a script of the page would insert markup (jQuery and others do):
      // unlike innerHTML, createContextualFragment leaves its scripts able to run.
      const comments = frame.contentDocument!.querySelector('#comments')!;
      const range = frame.contentDocument!.createRange();
      range.selectNodeContents(comments);
      const markup = `
        <cookie-embed vendor="widgets" id="injected">
          <template>
            <p>An injected post</p>
            <script src="/test-endpoints/script.js?key=embed-injected-${run}&mark=embed-injected"></script>
            <script nonce="gate-page-nonce"
              src="/test-endpoints/script.js?key=embed-nonce-${run}&mark=embed-nonce"></script>
          </template>
        </cookie-embed>`;
      comments.append(range.createContextualFragment(markup));
      page.consent!.setInventory(
        {
          categories: [{ id: 'social', label: 'Social networks' }],
          vendors: [{ id: 'widgets', category: 'social', label: 'Widgets' }],
        },
        cookieName,
      );
      page.consent!.saveConsent({ widgets: true }, cookieName);
      const doc = frame.contentDocument!;
      await waitUntil(
        () => doc.querySelector('#injected > p') && doc.querySelector('#parsed > p'),
        'both embeds show their content',
        { timeout: 5000 },
      );
      await waitUntil(
        () => page.__ran?.includes('embed-parsed') && page.__ran?.includes('embed-nonce'),
        "the parsed embed's script and the one with the page's nonce run",
        { timeout: 5000 },
      );
      expect(page.__ran).to.not.include('embed-injected');
      expect(await scriptRequests(`embed-injected-${run}`), 'injected script requested').to.equal(
        0,
      );
      expect(doc.querySelectorAll('#injected > script')).to.have.length(1);
      expect(warnings.filter((line) => line.includes("needs the page's nonce"))).to.have.length(1);
    } finally {
      frame.contentDocument!.cookie = `${cookieName}=; Path=/; Max-Age=0`;
      frame.remove();
    }
  });
});
