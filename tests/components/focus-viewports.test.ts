/**
 * WCAG 2.4.11 (focus not obscured) at three viewport sizes: tabbing through a
 * page with the banner showing never leaves the focused element wholly under
 * the banner, nor out of view, on a long page (the end of it included) or a
 * page shorter than the viewport.
 *
 * Each page is fixtures/focus-page.html in an iframe of the viewport's size,
 * which is then the page's own viewport: the same mechanism in the three
 * engines. (`setViewport` from @web/test-runner-commands sizes the runner's
 * page in Chromium and Firefox only; WebKitWebDriver has no such command.)
 * Kept in its own file: the iframes run a second copy of the modules, which
 * would blur the coverage of the other files.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { uniqueCookieName } from '../support/cookies.js';
import { part } from '../support/dom.js';
import { usePageDefaults } from '../support/page.js';

const VIEWPORTS = [
  [1280, 900],
  [640, 450],
  [320, 256],
] as const;

const PAGES = { long: 60, short: 2 } as const;

async function loadFocusPage(
  width: number,
  height: number,
  links: number,
  position: 'bottom' | 'top',
): Promise<{ doc: Document; banner: HTMLElement }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block;`;
  frame.title = 'A page with the banner showing';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const query = new URLSearchParams({
    links: String(links),
    position,
    cookie: uniqueCookieName(),
  });
  frame.src = new URL(`./fixtures/focus-page.html?${query}`, import.meta.url).href;
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const banner = await waitUntil(
    () => doc.querySelector('cookie-banner')?.shadowRoot?.querySelector('[role="region"]'),
    'the banner of the page has rendered',
    // The first load compiles the whole module graph on the dev server.
    { timeout: 8000 },
  ).then(() => doc.querySelector<HTMLElement>('cookie-banner')!);
  // The room kept for the banner is measured by a ResizeObserver, after layout.
  await waitUntil(
    () => doc.documentElement.style.getPropertyValue(`scroll-padding-${position}`) !== '',
    'the page keeps room for the banner',
  );
  return { doc, banner };
}

/** How many CSS pixels of `box`'s height are in the viewport and outside the banner. */
function uncoveredHeight(box: DOMRect, banner: DOMRect, viewportHeight: number): number {
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, viewportHeight);
  if (bottom <= top) return 0;
  // The banner spans the viewport's width: only its rows cover anything.
  const above = Math.max(0, Math.min(bottom, banner.top) - top);
  const below = Math.max(0, bottom - Math.max(top, banner.bottom));
  return above + below;
}

/** The focused element of `doc`, looking through shadow roots. */
function focusedIn(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('focus not obscured by the banner, at three viewport sizes (WCAG 2.4.11)', function () {
  // Each test loads whole pages, module graph included, in iframes.
  this.timeout(60000);
  usePageDefaults();

  const cases: [number, number, keyof typeof PAGES, 'bottom' | 'top'][] = [];
  for (const [width, height] of VIEWPORTS) {
    for (const page of Object.keys(PAGES) as (keyof typeof PAGES)[]) {
      cases.push([width, height, page, 'bottom']);
    }
  }
  // The top banner covers the start of the page instead: its room is kept there.
  cases.push([320, 256, 'long', 'top'], [640, 450, 'short', 'top']);

  for (const [width, height, page, position] of cases) {
    it(`leaves every focused element of a ${page} page in view at ${width} × ${height} (banner at the ${position})`, async () => {
      const { doc, banner } = await loadFocusPage(width, height, PAGES[page], position);
      const pageControls = [...doc.querySelectorAll<HTMLElement>('a, button')];
      doc.defaultView!.focus();
      pageControls[0].focus();
      for (let step = 0; step < pageControls.length; step += 1) {
        if (step > 0) await sendKeys({ press: 'Tab' });
        await nextFrame();
        const focused = focusedIn(doc);
        expect(
          focused === pageControls[step],
          `Tab ${step} focuses the next page control`,
        ).to.equal(true);
        const box = focused!.getBoundingClientRect();
        const bannerBox = part(banner, 'base')!.getBoundingClientRect();
        const uncovered = uncoveredHeight(box, bannerBox, height);
        expect(uncovered, `"${focused!.textContent}" has some of its height in view`).to.be.above(
          0,
        );
      }
      // Then into the banner, which is shown above the page and holds focus in view.
      await sendKeys({ press: 'Tab' });
      await nextFrame();
      const inBanner = focusedIn(doc);
      // Its first button, or in Firefox the banner itself when it scrolls (a scroller takes focus there).
      expect(
        !!inBanner && banner.shadowRoot!.contains(inBanner),
        'then Tab reaches the banner',
      ).to.equal(true);
      const buttonBox = inBanner!.getBoundingClientRect();
      expect(buttonBox.bottom).to.be.above(0);
      expect(buttonBox.top).to.be.below(height);
    });
  }

  it('keeps room for the banner at the end of the page only while it shows', async () => {
    const { doc, banner } = await loadFocusPage(640, 450, PAGES.short, 'bottom');
    const root = doc.documentElement;
    const bannerHeight = part(banner, 'base')!.getBoundingClientRect().height;
    expect(bannerHeight).to.be.above(0);
    expect(bannerHeight, 'the banner leaves half the viewport to the page').to.be.at.most(225);
    expect(parseFloat(root.style.paddingBottom)).to.be.at.least(bannerHeight);
    // The page can scroll its last control above the banner.
    expect(root.scrollHeight).to.be.at.least(doc.body.offsetHeight + bannerHeight);

    part(banner, 'accept-button')!.click();
    await waitUntil(() => !part(banner, 'base'), 'the banner hides');
    expect(root.style.paddingBottom).to.equal('');
    expect(root.style.getPropertyValue('scroll-padding-bottom')).to.equal('');
  });
});
