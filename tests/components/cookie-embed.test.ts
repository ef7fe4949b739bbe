import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { ConsentStore } from '../../src/consent/store.js';
import { grantVendor } from '../../src/consent/vendors.js';
import { templates as frenchDetails } from '../../src/i18n/generated/fr.details.js';
import {
  getConsent,
  rejectAll,
  resetConsent,
  saveConsent,
  type CookieEmbed,
} from '../../src/index.js';
import { captureConsole } from '../support/console.js';
import { uniqueCookieName } from '../support/cookies.js';
import { expectSame, part, visibleText } from '../support/dom.js';
import { recordConsentChanges } from '../support/events.js';
import { mediaInventory } from '../support/inventories.js';
import {
  LANGUAGE_LOAD_MS,
  loadedModules,
  setLanguageCookie,
  usePageDefaults,
  warmUpAxe,
  warmUpLanguage,
} from '../support/page.js';

declare global {
  interface Window {
    /** The query string of each load of fixtures/embedded.html (it pushes it). */
    embeddedLoads?: string[];
  }
}

interface EmbedSpec {
  vendor?: string;
  /** The `width` and `height` of the template's iframe; none when `null`. */
  size?: [string, string] | null;
}

interface Mounted {
  container: HTMLDivElement;
  embeds: CookieEmbed[];
  /** The query string that marks each embed's content URL. */
  marks: string[];
}

let contentCount = 0;

/** A query string no other content of the page uses, to tell its loads apart. */
function contentMark(): string {
  contentCount += 1;
  return `?embed=${contentCount}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * `<cookie-embed>`s as a page writes them, each with an iframe of its own in
 * its `<template>`, all for decision cookie `cookieName`, with `inventory`.
 */
async function mountEmbeds(
  cookieName: string,
  specs: EmbedSpec[],
  inventory: unknown = mediaInventory(),
): Promise<Mounted> {
  const container = await fixture<HTMLDivElement>(html`<div style="width: 800px"></div>`);
  const marks = specs.map(() => contentMark());
  const src = (mark: string) => new URL(`./fixtures/embedded.html${mark}`, import.meta.url).href;
  // Written as HTML, as a page does: a Lit template cannot bind inside a <template>.
  container.innerHTML = specs
    .map(({ vendor, size = ['560', '315'] }, index) => {
      const vendorAttribute = vendor === undefined ? '' : ` vendor="${vendor}"`;
      const sizeAttributes = size ? ` width="${size[0]}" height="${size[1]}"` : '';
      return `<cookie-embed${vendorAttribute} cookie-name="${cookieName}">
        <template>
          <iframe src="${src(marks[index])}"${sizeAttributes} title="A video"></iframe>
        </template>
      </cookie-embed>`;
    })
    .join('');
  const embeds = [...container.querySelectorAll('cookie-embed')];
  for (const embed of embeds) embed.inventory = inventory;
  await Promise.all(embeds.map((embed) => embed.updateComplete));
  return { container, embeds, marks };
}

async function mountEmbed(cookieName: string, spec: EmbedSpec = { vendor: 'youtube' }) {
  const { embeds, marks, container } = await mountEmbeds(cookieName, [spec]);
  return { embed: embeds[0], mark: marks[0], container };
}

/** The iframe of `embed`'s content, once it is in the page. */
function contentFrame(embed: CookieEmbed): HTMLIFrameElement | null {
  return embed.querySelector(':scope > iframe');
}

/** Whether the content marked `mark` was fetched: loaded, or at least requested. */
function wasFetched(mark: string): boolean {
  return (window.embeddedLoads ?? []).includes(mark) || loadedModules(mark).length > 0;
}

async function contentShown(embed: CookieEmbed, what = 'the content is shown'): Promise<void> {
  await waitUntil(() => contentFrame(embed) && !part(embed, 'placeholder'), what, {
    timeout: 2000,
  });
}

/** The box's group, by role, and its accessible name (from its label or the element it names). */
function group(embed: CookieEmbed): { element: HTMLElement | null; name: string } {
  const element = embed.shadowRoot!.querySelector<HTMLElement>('[role="group"]');
  const labelledBy = element?.getAttribute('aria-labelledby');
  const name = labelledBy
    ? visibleText(embed.shadowRoot!.getElementById(labelledBy))
    : (element?.getAttribute('aria-label') ?? '');
  return { element, name };
}

function loadButton(embed: CookieEmbed): HTMLButtonElement {
  return part<HTMLButtonElement>(embed, 'load-button')!;
}

/** A French text of the details module, with `vendor` in its placeholder. */
function french(id: string, vendor = ''): string {
  const template = (frenchDetails as Record<string, unknown>)[id] as
    string | { strings: string[] } | undefined;
  if (template === undefined) {
    throw new Error(`no French text for "${id}" in src/i18n/generated (npm run localize)`);
  }
  return typeof template === 'string' ? template : template.strings.join(vendor);
}

describe('<cookie-embed>', () => {
  usePageDefaults();
  warmUpAxe();
  warmUpLanguage('fr');

  afterEach(() => {
    window.embeddedLoads = [];
  });

  describe('before consent', () => {
    it('puts nothing of the template in the page, and fetches nothing', async () => {
      const { embed, mark, container } = await mountEmbed(uniqueCookieName());
      expect(part(embed, 'placeholder'), 'the placeholder').to.exist;
      expect(container.querySelectorAll('iframe')).to.have.length(0);
      expect(embed.shadowRoot!.querySelectorAll('iframe, slot')).to.have.length(0);
      // The template holds the content, inert.
      expect(embed.querySelector('template')!.content.querySelectorAll('iframe')).to.have.length(1);
      // A frame would have been fetched by now had it been in the page. Proving
      // a negative: no event marks "not fetched", so a frame and a task it is.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      expect(wasFetched(mark), 'the content was fetched').to.equal(false);
    });

    it('shows a named placeholder: provider, notice, description, button and link', async () => {
      const { embed } = await mountEmbed(uniqueCookieName());
      const { element, name } = group(embed);
      expect(element, 'a group').to.exist;
      expect(name).to.equal('Content from YouTube');
      expect(visibleText(part(embed, 'title'))).to.equal('Content from YouTube');
      expect(visibleText(part(embed, 'notice'))).to.equal(
        'This content is hosted by YouTube. Once loaded, it may set cookies and collect data about your visit.',
      );
      expect(visibleText(part(embed, 'description'))).to.equal(
        'Google’s video player, without cookies until the video is played.',
      );
      expect(visibleText(loadButton(embed))).to.equal('Allow YouTube and load the content');
      expect(loadButton(embed).localName).to.equal('button');
      const link = part<HTMLAnchorElement>(embed, 'preferences-link')!;
      expect(link.localName).to.equal('a');
      expect(link.href).to.equal('https://policies.google.com/privacy');
      expect(visibleText(link)).to.equal('Manage cookie preferences');
      // Inventory texts keep their own direction in any language's sentence.
      expect(part(embed, 'title')!.querySelector('bdi')?.textContent).to.equal('YouTube');
      expect(part(embed, 'description')!.getAttribute('dir')).to.equal('auto');
      await expect(embed).to.be.accessible();
    });

    it('offers a button to the preferences for a vendor without a policy', async () => {
      const { embed } = await mountEmbed(uniqueCookieName(), { vendor: 'openstreetmap' });
      expect(group(embed).name).to.equal('Content from OpenStreetMap');
      const preferences = part(embed, 'preferences-link')!;
      expect(preferences.localName).to.equal('button');
      expect(visibleText(preferences)).to.equal('Manage cookie preferences');
    });

    it('links to no vendor policy that is not http(s) or relative, even one set after the checks', async () => {
      const inventory = mediaInventory();
      const { embeds } = await mountEmbeds(uniqueCookieName(), [{ vendor: 'youtube' }], inventory);
      const [embed] = embeds;
      expect(part(embed, 'preferences-link')!.localName).to.equal('a');
      // The inventory object is the host's: a change after the checks reaches the render.
      const youtube = inventory.vendors!.find((vendor) => vendor.id === 'youtube')!;
      youtube.policyHref = 'javascript:alert(1)';
      embed.requestUpdate();
      await embed.updateComplete;
      const preferences = part(embed, 'preferences-link')!;
      expect(preferences.localName, 'a button instead of the link').to.equal('button');
      expect(embed.shadowRoot!.querySelectorAll('a')).to.have.length(0);
    });

    it('opens the preferences dialog from "Manage cookie preferences"', async () => {
      const cookieName = uniqueCookieName();
      const { embed } = await mountEmbed(cookieName);
      part(embed, 'preferences-link')!.click();
      await waitUntil(
        () =>
          document
            .querySelector<HTMLElement & { cookieName: string }>('body > cookie-preferences')
            ?.shadowRoot?.querySelector('dialog')?.open,
        'the dialog is open',
        { timeout: 5000 },
      );
      const dialog = document.querySelector('body > cookie-preferences')!;
      expect(dialog.getAttribute('cookie-name')).to.equal(cookieName);
      // Still where it was: the link did not navigate away (the test would be gone).
      expect(part(embed, 'placeholder')).to.exist;
    });

    it('gives focus back to the box when the dialog it opened allows the vendor and closes', async () => {
      const cookieName = uniqueCookieName();
      const { embed } = await mountEmbed(cookieName);
      const link = part(embed, 'preferences-link')!;
      link.focus();
      link.click();
      const dialogOpen = () =>
        document.querySelector('body > cookie-preferences')?.shadowRoot?.querySelector('dialog')
          ?.open;
      await waitUntil(dialogOpen, 'the dialog is open', { timeout: 5000 });
      const preferences = document.querySelector('body > cookie-preferences')!;
      // "Accept all" grants the vendor: the link the dialog was opened from goes.
      part(preferences, 'accept-button')!.click();
      await contentShown(embed);
      await waitUntil(() => embed.shadowRoot!.activeElement, 'focus comes back to the embed');
      expectSame(embed.shadowRoot!.activeElement, group(embed).element, 'focus');
    });

    it('is in French for a French visitor, with the vendor’s French description', async () => {
      setLanguageCookie('fr');
      const { embed } = await mountEmbed(uniqueCookieName());
      await waitUntil(
        () => visibleText(part(embed, 'description')).startsWith('Lecteur vidéo'),
        'the placeholder is in French',
        { timeout: LANGUAGE_LOAD_MS },
      );
      expect(embed.getAttribute('lang')).to.equal('fr');
      expect(visibleText(part(embed, 'title'))).to.equal(french('embed.title', 'YouTube'));
      expect(visibleText(part(embed, 'notice'))).to.equal(french('embed.notice', 'YouTube'));
      expect(visibleText(loadButton(embed))).to.equal(french('embed.load', 'YouTube'));
      expect(visibleText(part(embed, 'preferences-link'))).to.equal(french('embed.preferences'));
      expect(visibleText(part(embed, 'title'))).to.not.equal('Content from YouTube');
      await expect(embed).to.be.accessible();
    });
  });

  describe('its size', () => {
    it('is the content’s: the placeholder has its aspect ratio, and nothing moves when it comes in', async () => {
      const { embed } = await mountEmbed(uniqueCookieName());
      const frame = part(embed, 'frame')!;
      const before = frame.getBoundingClientRect();
      expect(before.width).to.be.closeTo(560, 1);
      expect(before.width / before.height).to.be.closeTo(560 / 315, 0.01);
      expect(part(embed, 'placeholder')!.getBoundingClientRect().height).to.be.closeTo(
        before.height,
        1,
      );

      loadButton(embed).click();
      await contentShown(embed);
      const after = frame.getBoundingClientRect();
      const content = contentFrame(embed)!.getBoundingClientRect();
      for (const side of ['x', 'y', 'width', 'height'] as const) {
        expect(after[side], `the box's ${side}`).to.be.closeTo(before[side], 0.5);
        expect(content[side], `the content's ${side}`).to.be.closeTo(before[side], 0.5);
      }
    });

    it('follows a narrower page, keeping the ratio', async () => {
      const { embed, container } = await mountEmbed(uniqueCookieName(), {
        vendor: 'youtube',
        size: ['800', '450'],
      });
      container.style.width = '600px';
      const box = part(embed, 'frame')!.getBoundingClientRect();
      expect(box.width).to.be.closeTo(600, 1);
      expect(box.height).to.be.closeTo(337.5, 1);
    });

    it('grows rather than cut the placeholder’s text in a box too small for it', async () => {
      const { embed, container } = await mountEmbed(uniqueCookieName());
      container.style.width = '280px';
      const box = part(embed, 'frame')!.getBoundingClientRect();
      expect(box.width).to.be.closeTo(280, 1);
      expect(box.height).to.be.greaterThan((280 * 315) / 560);
      const placeholder = part(embed, 'placeholder')!;
      expect(placeholder.scrollHeight).to.be.at.most(placeholder.clientHeight + 1);
    });

    it('is the content’s own without width and height', async () => {
      const { embed, container } = await mountEmbed(uniqueCookieName(), {
        vendor: 'youtube',
        size: null,
      });
      expect(part(embed, 'frame')!.style.getPropertyValue('aspect-ratio')).to.equal('');
      loadButton(embed).click();
      await contentShown(embed);
      // The box does not stretch it: it keeps an iframe's default size.
      const plain = document.createElement('iframe');
      plain.title = 'An iframe of the default size';
      container.append(plain);
      const content = contentFrame(embed)!.getBoundingClientRect();
      const reference = plain.getBoundingClientRect();
      expect(content.width).to.be.closeTo(reference.width, 0.5);
      expect(content.height).to.be.closeTo(reference.height, 0.5);
    });
  });

  describe('"Allow … and load the content"', () => {
    it('grants the vendor, with one consent-change, and loads the content', async () => {
      const cookieName = uniqueCookieName();
      const { embed, mark } = await mountEmbed(cookieName);
      const { events, stop } = recordConsentChanges(document);
      try {
        loadButton(embed).click();
        await contentShown(embed);
      } finally {
        stop();
      }
      expect(events).to.have.length(1);
      const [event] = events;
      expectSame(event.target, embed, 'the event target');
      expect(event.detail.action).to.equal('grant');
      expect(event.detail.vendors.youtube).to.equal(true);
      expect(event.detail.vendors.openstreetmap).to.equal(false);
      expect(getConsent(cookieName)!.vendors.youtube).to.equal(true);
      const slot = embed.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedElements()).to.include(contentFrame(embed));
      await waitUntil(() => wasFetched(mark), 'the content is fetched', { timeout: 5000 });
    });

    it('swaps every embed of that vendor, and none of another', async () => {
      const cookieName = uniqueCookieName();
      const { embeds } = await mountEmbeds(cookieName, [
        { vendor: 'youtube' },
        { vendor: 'openstreetmap' },
        { vendor: 'youtube' },
      ]);
      const [first, map, second] = embeds;
      loadButton(second).click();
      await contentShown(first, 'the first video is shown');
      await contentShown(second, 'the second video is shown');
      await map.updateComplete;
      expect(contentFrame(map), 'the map').to.equal(null);
      expect(part(map, 'placeholder'), 'the map’s placeholder').to.exist;
      // Each copied once.
      expect(first.querySelectorAll('iframe')).to.have.length(1);
      expect(second.querySelectorAll('iframe')).to.have.length(1);
    });

    it('moves focus to the box, named after the provider, not to the body', async () => {
      const { embed } = await mountEmbed(uniqueCookieName());
      loadButton(embed).focus();
      loadButton(embed).click();
      await contentShown(embed);
      const { element, name } = group(embed);
      expectSame(embed.shadowRoot!.activeElement, element, 'focus');
      expectSame(document.activeElement, embed, 'document.activeElement');
      expect(name).to.equal('Content from YouTube');
    });

    it('is reached with Tab and pressed with Enter', async () => {
      const { embed, container } = await mountEmbed(uniqueCookieName());
      const before = document.createElement('button');
      before.textContent = 'Before';
      container.prepend(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expectSame(embed.shadowRoot!.activeElement, loadButton(embed), 'focus after Tab');
      await sendKeys({ press: 'Enter' });
      await contentShown(embed);
      expectSame(embed.shadowRoot!.activeElement, group(embed).element, 'focus after Enter');
      // The next Tab goes into the content.
      await sendKeys({ press: 'Tab' });
      expectSame(document.activeElement, contentFrame(embed), 'focus after the next Tab');
    });

    it('is pressed with Space', async () => {
      const { embed } = await mountEmbed(uniqueCookieName());
      loadButton(embed).focus();
      await sendKeys({ press: ' ' });
      await contentShown(embed);
    });

    it('leaves a page in the granted state without accessibility violations', async () => {
      const { embed } = await mountEmbed(uniqueCookieName());
      loadButton(embed).click();
      await contentShown(embed);
      await expect(embed).to.be.accessible();
    });
  });

  describe('a decision taken elsewhere', () => {
    it('loads the content when the banner or the dialog grants the vendor', async () => {
      const cookieName = uniqueCookieName();
      const { embed } = await mountEmbed(cookieName);
      saveConsent({ youtube: true }, cookieName);
      await contentShown(embed);
    });

    it('loads the content of an embed that finds the vendor granted already', async () => {
      const cookieName = uniqueCookieName();
      const { embed: first } = await mountEmbed(cookieName);
      saveConsent({ media: true }, cookieName);
      await contentShown(first);
      const { embed: later } = await mountEmbed(cookieName);
      await contentShown(later);
    });

    it('loads the content when another tab grants the vendor', async () => {
      const cookieName = uniqueCookieName();
      const { embed } = await mountEmbed(cookieName);
      // A second store of the same cookie talks over BroadcastChannel, as another tab does.
      const otherTab = new ConsentStore(cookieName);
      otherTab.setInventory(mediaInventory());
      grantVendor(otherTab, 'youtube', document);
      await contentShown(embed, 'the other tab’s decision loads the content');
    });

    it('takes out exactly what it put in when the consent is withdrawn, and shows the placeholder', async () => {
      const cookieName = uniqueCookieName();
      const { embed } = await mountEmbed(cookieName);
      const own = document.createElement('p');
      own.slot = 'nothing';
      own.textContent = 'The page’s own child';
      embed.append(own);
      const original = [...embed.childNodes];
      loadButton(embed).click();
      await contentShown(embed);
      expect(embed.childNodes.length).to.be.greaterThan(original.length);

      rejectAll(cookieName);
      await waitUntil(() => part(embed, 'placeholder'), 'the placeholder is back', {
        timeout: 2000,
      });
      expect([...embed.childNodes]).to.have.length(original.length);
      original.forEach((node, index) =>
        expectSame(embed.childNodes[index], node, `child ${index}`),
      );
      expect(embed.shadowRoot!.querySelector('slot')).to.equal(null);
      await expect(embed).to.be.accessible();

      // Granted again: a fresh copy, once.
      loadButton(embed).click();
      await contentShown(embed);
      expect(embed.querySelectorAll('iframe')).to.have.length(1);
    });

    it('takes the content out on a reset and on a withdrawal in another tab', async () => {
      const cookieName = uniqueCookieName();
      const { embed } = await mountEmbed(cookieName);
      loadButton(embed).click();
      await contentShown(embed);
      resetConsent(cookieName);
      await waitUntil(() => !contentFrame(embed), 'the reset takes it out', { timeout: 2000 });

      saveConsent({ youtube: true }, cookieName);
      await contentShown(embed);
      const otherTab = new ConsentStore(cookieName);
      otherTab.setInventory(mediaInventory());
      otherTab.rejectAll();
      await waitUntil(() => !contentFrame(embed), 'the other tab takes it out', {
        timeout: 2000,
      });
      expect(part(embed, 'placeholder')).to.exist;
    });
  });

  describe('without an inventory of its own', () => {
    it('uses the one the page gave the store', async () => {
      const cookieName = uniqueCookieName();
      const { embeds } = await mountEmbeds(cookieName, [{ vendor: 'youtube' }]);
      const bare = document.createElement('cookie-embed');
      bare.vendor = 'openstreetmap';
      bare.cookieName = cookieName;
      embeds[0].after(bare);
      await bare.updateComplete;
      expect(group(bare).name).to.equal('Content from OpenStreetMap');
    });
  });

  describe('an unknown vendor', () => {
    it('is reported once, named after its id, with no button to allow it', async () => {
      let embed!: CookieEmbed;
      const { error: calls } = await captureConsole(async () => {
        ({ embed } = await mountEmbed(uniqueCookieName(), { vendor: 'vimeo' }));
        // Updating again (a language change, a decision) does not report it again.
        embed.requestUpdate();
        await embed.updateComplete;
      });
      expect(calls).to.have.length(1);
      expect(String(calls[0][0])).to.contain('"vimeo"');
      expect(group(embed).name).to.equal('Content from vimeo');
      expectSame(part(embed, 'load-button'), null, 'the load button');
      expect(contentFrame(embed)).to.equal(null);
    });
  });
});
