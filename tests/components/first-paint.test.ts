/**
 * The host page paints its own content before the banner: a page whose first
 * frame waits for a stylesheet while the library's module runs
 * (web-test-runner.config.mjs: firstPaintPage), in a frame of this page. Kept
 * in its own file: the frame runs a second copy of the modules.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// The elements of this page, for the banner added to it after its first paint.
import '../../src/index.js';
import type { CookieBanner } from '../../src/index.js';
import { testInventory } from '../support/inventories.js';
import { usePageDefaults } from '../support/page.js';

interface PaintedFrame {
  banner: boolean;
  defined: boolean;
}

type FramePage = Window & { paintedFrames: PaintedFrame[]; cookieConsent?: object };

describe('the banner and the host page’s first paint', function () {
  // The frame loads the library's whole module graph.
  this.timeout(30000);
  usePageDefaults();

  it('leaves the page’s first frame to its own content, and the banner’s work after it, when the script runs before it', async () => {
    const key = `first-paint-${Math.random().toString(36).slice(2)}`;
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 600px; border: 0';
    frame.title = 'A page that paints after its script ran';
    frame.src = `/test-endpoints/first-paint.html?key=${key}`;
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.append(frame);
    const page = () => frame.contentWindow as FramePage | null;
    const banner = () => frame.contentDocument?.querySelector<CookieBanner>('cookie-banner');
    // The library runs while the stylesheet holds the page's first frame: its
    // API is there, its banner waits for the frame.
    await waitUntil(() => page()?.cookieConsent && banner(), 'the library ran', {
      timeout: 20000,
    });
    expect(page()!.paintedFrames, 'no frame before the stylesheet').to.deep.equal([]);
    expect(banner()!.matches(':defined'), 'the banner is not upgraded before the frame').to.equal(
      false,
    );

    await fetch(`/test-endpoints/release-style?key=${key}`);
    await waitUntil(() => page()!.paintedFrames.at(-1)?.banner, 'the banner shows in a frame', {
      timeout: 10000,
    });
    const frames = page()!.paintedFrames;
    // The library was there before the first frame; the banner, its reading
    // of the inventory, the language and the decision, came after it.
    expect(frames[0]).to.deep.equal({ banner: false, defined: false });
    expect(frames.length).to.be.greaterThan(1);
    const paints = frame.contentWindow!.performance.getEntriesByType('paint');
    // Engines with paint timing say the page's content was painted.
    if (paints.length) {
      expect(paints.map((paint) => paint.name)).to.include('first-contentful-paint');
    }
    const region = banner()!.shadowRoot!.querySelector('[role="region"]')!;
    expect(region.querySelector('[part~="accept-button"]')).to.exist;
  });

  it('renders at once, before the next frame, on a page that has painted', async () => {
    const container = await fixture<HTMLDivElement>(html`<div><p>The page’s own text.</p></div>`);
    await waitUntil(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
      'the page has painted its text',
    );
    const banner = document.createElement('cookie-banner');
    banner.inventory = testInventory();
    let framed = false;
    requestAnimationFrame(() => (framed = true));
    container.append(banner);
    await banner.updateComplete;
    expect(banner.shadowRoot!.querySelector('[role="region"]')).to.exist;
    expect(framed, 'no frame was needed').to.equal(false);
  });
});
