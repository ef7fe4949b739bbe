import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CookieBanner } from '../../src/index.js';
import { uniqueCookieName } from '../support/cookies.js';
import { expectSame, part } from '../support/dom.js';
import { testInventory } from '../support/inventories.js';
import { openedPageDialog, usePageDefaults } from '../support/page.js';

/** A page taller than the viewport, full of links, with a banner asking. */
async function tallPageWithBanner(position: 'bottom' | 'top' = 'bottom') {
  const links = Array.from({ length: 80 }, (_, index) => index);
  const container = await fixture<HTMLDivElement>(html`
    <div>
      ${links.map((index) => html`<p style="margin: 0; padding: 8px 0"><a href="#l${index}">Link ${index}</a></p>`)}
      <cookie-banner
        cookie-name=${uniqueCookieName()}
        position=${position}
        .inventory=${testInventory()}
      ></cookie-banner>
    </div>
  `);
  const banner = container.querySelector('cookie-banner')!;
  // The banner is measured after layout, then the page keeps room for it.
  const roomBefore = document.documentElement.style.getPropertyValue(`scroll-padding-${position}`);
  await waitUntil(
    () =>
      document.documentElement.style.getPropertyValue(`scroll-padding-${position}`) !== roomBefore,
    'the page keeps room for the banner',
  );
  return { banner, links: [...container.querySelectorAll('a')] };
}

function bannerBox(banner: CookieBanner): DOMRect {
  return part(banner, 'base')!.getBoundingClientRect();
}

describe('focus and the banner', () => {
  usePageDefaults();

  describe('focus not obscured (WCAG 2.4.11)', () => {
    it('scrolls a focused link out from under the bottom banner', async () => {
      const { banner, links } = await tallPageWithBanner('bottom');
      const top = bannerBox(banner).top;
      expect(top).to.be.greaterThan(0);
      // A link the banner hides entirely, while it is inside the viewport.
      const hidden = links.find((link) => {
        const box = link.getBoundingClientRect();
        return box.top >= top && box.bottom <= window.innerHeight;
      })!;
      expect(hidden, 'a link sits under the banner').to.exist;
      hidden.focus();
      await nextFrame();
      expectSame(document.activeElement, hidden, 'focus');
      expect(hidden.getBoundingClientRect().bottom).to.be.at.most(bannerBox(banner).top);
      expect(window.scrollY).to.be.greaterThan(0);
    });

    it('keeps a link focused below the fold clear of the banner', async () => {
      const { banner, links } = await tallPageWithBanner('bottom');
      const below = links.find(
        (link) => link.getBoundingClientRect().top > window.innerHeight + 200,
      )!;
      expect(below, 'a link below the fold').to.exist;
      below.focus();
      await nextFrame();
      const box = below.getBoundingClientRect();
      expect(box.top).to.be.at.least(0);
      expect(box.bottom).to.be.at.most(bannerBox(banner).top);
    });

    it('keeps tabbing through the page clear of the banner', async () => {
      const { banner, links } = await tallPageWithBanner('bottom');
      links[0].focus();
      for (let step = 1; step <= 30; step += 1) {
        await sendKeys({ press: 'Tab' });
        await nextFrame();
        expectSame(document.activeElement, links[step], 'focus');
        expect(links[step].getBoundingClientRect().bottom, `link ${step}`).to.be.at.most(
          bannerBox(banner).top,
        );
      }
    });

    it('scrolls a focused link out from under a banner at the top', async () => {
      const { banner, links } = await tallPageWithBanner('top');
      window.scrollTo(0, 1000);
      await nextFrame();
      const bottom = bannerBox(banner).bottom;
      const hidden = links.find((link) => {
        const box = link.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= bottom;
      })!;
      expect(hidden, 'a link sits under the banner').to.exist;
      hidden.focus();
      await nextFrame();
      expect(hidden.getBoundingClientRect().top).to.be.at.least(bannerBox(banner).bottom);
    });

    it('gives the page scroll padding and padding the size of the banner, and takes them back', async () => {
      const { banner } = await tallPageWithBanner('bottom');
      const style = document.documentElement.style;
      const padding = parseFloat(style.getPropertyValue('scroll-padding-bottom'));
      expect(padding).to.be.at.least(bannerBox(banner).height);

      banner.position = 'top';
      await banner.updateComplete;
      // Measured by a ResizeObserver: after layout, before the frame is painted.
      await nextFrame();
      expect(style.getPropertyValue('scroll-padding-bottom')).to.equal('');
      expect(style.getPropertyValue('padding-bottom')).to.equal('');
      expect(parseFloat(style.getPropertyValue('scroll-padding-top'))).to.be.at.least(
        bannerBox(banner).height,
      );
      expect(parseFloat(style.getPropertyValue('padding-top'))).to.be.at.least(
        bannerBox(banner).height,
      );

      part(banner, 'accept-button')!.click();
      await banner.updateComplete;
      expect(style.getPropertyValue('scroll-padding-top')).to.equal('');
      expect(style.getPropertyValue('padding-top')).to.equal('');
    });

    it("leaves <html>'s style alone when the banner updates without changing its size", async () => {
      const { banner } = await tallPageWithBanner('bottom');
      await nextFrame();
      const changes: string[] = [];
      const observer = new MutationObserver((records) =>
        changes.push(...records.map(() => document.documentElement.getAttribute('style') ?? '')),
      );
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
      try {
        // Updates that change nothing of the banner's size (its language checked again).
        for (let update = 0; update < 3; update++) {
          banner.requestUpdate();
          await banner.updateComplete;
        }
        // A change the banner does make, after them: the observer has seen everything before it.
        banner.position = 'top';
        await waitUntil(() => changes.length > 0, 'the move is not seen');
        expect(changes.every((style) => !style.includes('padding-bottom'))).to.equal(true);
      } finally {
        observer.disconnect();
      }
    });

    it('keeps the room for a banner moved in the page, and takes it back once it is removed', async () => {
      const { banner } = await tallPageWithBanner('bottom');
      const style = document.documentElement.style;
      const parent = banner.parentElement!;
      parent.prepend(banner);
      await waitUntil(
        () =>
          parseFloat(style.getPropertyValue('scroll-padding-bottom')) >= bannerBox(banner).height,
        'the moved banner keeps its room',
      );

      banner.remove();
      expect(style.getPropertyValue('scroll-padding-bottom')).to.equal('');
      expect(style.getPropertyValue('padding-bottom')).to.equal('');
    });

    it('keeps the scroll padding and padding the page had of its own', async () => {
      const style = document.documentElement.style;
      style.setProperty('scroll-padding-bottom', '3px');
      style.setProperty('padding-bottom', '5px');
      try {
        const { banner } = await tallPageWithBanner('bottom');
        expect(style.getPropertyValue('scroll-padding-bottom')).to.not.equal('3px');
        // The banner's room is added to the page's own padding.
        expect(parseFloat(style.getPropertyValue('padding-bottom'))).to.be.at.least(
          5 + bannerBox(banner).height,
        );
        banner.remove();
        expect(style.getPropertyValue('scroll-padding-bottom')).to.equal('3px');
        expect(style.getPropertyValue('padding-bottom')).to.equal('5px');
      } finally {
        style.removeProperty('scroll-padding-bottom');
        style.removeProperty('padding-bottom');
      }
    });
    it("keeps its room outside the browser's resize notifications: a page watching its own size gets no error", async () => {
      // A page (or a library in it) observing <html>'s size: had the banner
      // changed the padding while the browser delivered sizes, <html> would
      // change size again in the same pass, and the browser would report
      // "ResizeObserver loop completed with undelivered notifications" to the
      // page's error handlers (and this test's).
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.message);
      window.addEventListener('error', onError);
      const heights: number[] = [];
      const observer = new ResizeObserver(([entry]) =>
        heights.push(entry.borderBoxSize[0].blockSize),
      );
      observer.observe(document.documentElement, { box: 'border-box' });
      try {
        await waitUntil(() => heights.length === 1, 'the page observer starts');
        await tallPageWithBanner('bottom');
        await waitUntil(() => heights.length > 1, 'the page observer sees the room kept');
      } finally {
        observer.disconnect();
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
    });
  });

  describe('after a decision', () => {
    async function pageWithButtonAndBanner() {
      const name = uniqueCookieName();
      const container = await fixture<HTMLDivElement>(html`
        <div>
          <button type="button" id="search">Search</button>
          <cookie-banner cookie-name=${name} .inventory=${testInventory()}></cookie-banner>
        </div>
      `);
      const banner = container.querySelector('cookie-banner')!;
      await banner.updateComplete;
      return { banner, pageButton: container.querySelector<HTMLButtonElement>('#search')! };
    }

    for (const button of ['accept-button', 'reject-button']) {
      it(`gives focus back to the page element focused before (${button}, keyboard)`, async () => {
        const { banner, pageButton } = await pageWithButtonAndBanner();
        pageButton.focus();
        part(banner, button)!.focus();
        expectSame(banner.shadowRoot!.activeElement, part(banner, button), 'focus');
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => !part(banner, 'base'), 'the banner hides', { timeout: 2000 });
        await banner.updateComplete;
        expectSame(document.activeElement, pageButton, 'focus');
      });
    }

    it('gives focus back to the page after a decision in the dialog opened by Customise', async () => {
      const { banner, pageButton } = await pageWithButtonAndBanner();
      pageButton.focus();
      const customise = part(banner, 'customise-button')!;
      customise.focus();
      await sendKeys({ press: 'Enter' });
      const preferences = await openedPageDialog();
      part(preferences, 'reject-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !preferences.open, 'the preferences close', { timeout: 2000 });
      await waitUntil(() => document.activeElement === pageButton, 'focus is back on the page', {
        timeout: 2000,
      });
    });

    it('gives focus back to Customise when the dialog closes without a decision', async () => {
      const { banner } = await pageWithButtonAndBanner();
      const customise = part(banner, 'customise-button')!;
      customise.focus();
      customise.click();
      const preferences = await openedPageDialog();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !preferences.open, 'the preferences close', { timeout: 2000 });
      expectSame(banner.shadowRoot!.activeElement, customise, 'focus');
      expect(part(banner, 'base')).to.exist;
    });
  });
});
