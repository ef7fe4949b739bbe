import { expect, waitUntil } from '@open-wc/testing';
import { deleteAllCookies, readCookie } from '../support/cookies.js';

/**
 * A page whose banner the server rendered (web-test-runner.config.mjs:
 * serverRenderedPages), in a frame of this page: its only script is held by
 * the server until the test releases it.
 */
async function serverRenderedPage(
  language: string,
  {
    form = false,
    vendors = false,
    heldLanguage = false,
    gpc = undefined as 'signal' | 'header' | undefined,
  } = {},
): Promise<{
  frame: HTMLIFrameElement;
  key: string;
  release: () => Promise<void>;
}> {
  const key = `${language}-${Math.random().toString(36).slice(2)}`;
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  frame.src = `/test-endpoints/server-rendered.html?language=${language}&key=${key}${form ? '&form=1' : ''}${vendors ? '&vendors=1' : ''}${heldLanguage ? '&heldLanguage=1' : ''}${gpc ? `&gpc=${gpc}` : ''}`;
  document.body.append(frame);
  await waitUntil(
    () => frame.contentDocument?.querySelector('main') && bannerRoot(frame)?.querySelector('h2'),
    'the server-rendered banner never arrived',
    { timeout: 10000 },
  );
  return {
    frame,
    key,
    release: async () => {
      await fetch(`/test-endpoints/release-script?key=${key}`);
    },
  };
}

/**
 * A French server-rendered page whose inventory has a vendor, hydrated, with
 * the vendors' rules held by the server (released by
 * `/test-endpoints/release-vendor-rules?key=…`), and the actions of its
 * `consent-change` events as they come.
 */
async function hydratedPageWaitingForVendorRules() {
  const { frame, key, release } = await serverRenderedPage('fr', { vendors: true });
  await release();
  const page = frame.contentDocument!;
  await hydratedBanner(frame);
  const actions: string[] = [];
  page.addEventListener('consent-change', (event) =>
    actions.push((event as CustomEvent<{ action: string }>).detail.action),
  );
  return { frame, page, key, actions };
}

/** The frame's banner, once the library has adopted it. */
async function hydratedBanner(frame: HTMLIFrameElement): Promise<HTMLElement> {
  const banner = frame.contentDocument!.querySelector<HTMLElement>('cookie-banner')!;
  await waitUntil(
    () => isDefined(frame) && (banner as unknown as { hasUpdated: boolean }).hasUpdated,
    'the banner never hydrated',
    { timeout: 10000 },
  );
  return banner;
}

function bannerRoot(frame: HTMLIFrameElement): ShadowRoot | null | undefined {
  return frame.contentDocument?.querySelector('cookie-banner')?.shadowRoot;
}

function button(frame: HTMLIFrameElement, name: string): HTMLButtonElement {
  return bannerRoot(frame)!.querySelector<HTMLButtonElement>(`[part~="${name}"]`)!;
}

/** Resolves after the frame's next rendering opportunity: what it shows now is painted. */
function nextFrame(frame: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve) =>
    frame.contentWindow!.requestAnimationFrame(() => setTimeout(resolve)),
  );
}

const isDefined = (frame: HTMLIFrameElement) =>
  frame.contentWindow!.customElements.get('cookie-banner') !== undefined;

describe('a banner rendered on the server', () => {
  beforeEach(() => deleteAllCookies());
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    deleteAllCookies();
  });

  it('is painted, styled and in the visitor language before any script runs', async () => {
    const { frame, release } = await serverRenderedPage('fr');
    await nextFrame(frame);
    expect(isDefined(frame)).to.equal(false);
    const region = bannerRoot(frame)!.querySelector<HTMLElement>('[part~="base"]')!;
    const box = region.getBoundingClientRect();
    expect(frame.contentWindow!.getComputedStyle(region).position).to.equal('fixed');
    expect(box.height).to.be.greaterThan(40);
    expect(Math.round(box.bottom)).to.equal(frame.contentWindow!.innerHeight);
    expect(button(frame, 'reject-button').textContent!.trim()).to.equal('Tout refuser');
    await release();
  });

  for (const language of ['en', 'fr']) {
    it(`hydrates without replacing its nodes or moving (${language})`, async () => {
      const { frame, release } = await serverRenderedPage(language);
      await nextFrame(frame);
      const root = bannerRoot(frame)!;
      const before = {
        accept: button(frame, 'accept-button'),
        title: root.querySelector('h2'),
        text: button(frame, 'reject-button').textContent,
        box: JSON.stringify(root.querySelector('[part~="base"]')!.getBoundingClientRect()),
      };
      await release();
      await hydratedBanner(frame);
      await nextFrame(frame);
      expect(bannerRoot(frame)).to.equal(root);
      expect(button(frame, 'accept-button')).to.equal(before.accept);
      expect(root.querySelector('h2')).to.equal(before.title);
      expect(button(frame, 'reject-button').textContent).to.equal(before.text);
      expect(root.querySelectorAll('[part~="base"]').length).to.equal(1);
      expect(
        JSON.stringify(root.querySelector('[part~="base"]')!.getBoundingClientRect()),
      ).to.equal(before.box);
    });
  }

  it('takes a click once hydrated: the decision is written and the banner goes', async () => {
    const { frame, release } = await serverRenderedPage('fr');
    const reject = button(frame, 'reject-button');
    await release();
    await hydratedBanner(frame);
    reject.click();
    await waitUntil(
      () => !bannerRoot(frame)!.querySelector('[part~="base"]'),
      'the banner stayed after the click',
    );
    const decision = JSON.parse(
      decodeURIComponent(readCookie('cookies_preferences', frame.contentDocument!)!),
    ) as { categories: Record<string, boolean> };
    expect(decision.categories).to.deep.equal({ necessary: true, statistics: false });
  });

  it('keeps a click taken before the store has the inventory, and decides once it has', async () => {
    // The inventory has a vendor: the store takes it once the vendors' rules
    // are fetched, which the server holds here until the test lets them go.
    const { frame, page, key, actions } = await hydratedPageWaitingForVendorRules();
    button(frame, 'accept-button').click();
    expect(readCookie('cookies_preferences', page), 'decided before the rules').to.equal(undefined);
    await fetch(`/test-endpoints/release-vendor-rules?key=${key}`);
    await waitUntil(
      () => !bannerRoot(frame)!.querySelector('[part~="base"]'),
      'the kept click never decided',
    );
    expect(readCookie('cookies_preferences', page)).to.be.a('string');
    // Announced once taken, as a click taken at once is.
    await waitUntil(
      () => bannerRoot(frame)!.querySelector('[part~="status"]')!.textContent!.includes('acceptés'),
      'the kept click was not announced',
    );
    const { cookieConsent } = frame.contentWindow as unknown as {
      cookieConsent: { getConsent(): { categories: object; vendors: object } | undefined };
    };
    const decision = cookieConsent.getConsent()!;
    expect(decision.categories).to.deep.equal({ necessary: true, statistics: true });
    expect(decision.vendors).to.deep.equal({ 'stats-tool': true });
    expect(actions).to.deep.equal(['accept-all']);
  });

  it('takes a refusal asked through the page API before the store has the inventory, once it has', async () => {
    // A host's own "Refuse" button, clicked while the vendors' rules are on
    // their way: the refusal must stick, not be dropped.
    const { frame, page, key, actions } = await hydratedPageWaitingForVendorRules();
    const { cookieConsent } = frame.contentWindow as unknown as {
      cookieConsent: {
        rejectAll(): unknown;
        getConsent(): { categories: object; vendors: object } | undefined;
      };
    };
    expect(cookieConsent.rejectAll(), 'nothing to return before the rules').to.equal(undefined);
    expect(readCookie('cookies_preferences', page), 'decided before the rules').to.equal(undefined);
    await fetch(`/test-endpoints/release-vendor-rules?key=${key}`);
    await waitUntil(() => cookieConsent.getConsent(), 'the refusal was dropped');
    const decision = cookieConsent.getConsent()!;
    expect(decision.categories).to.deep.equal({ necessary: true, statistics: false });
    expect(decision.vendors).to.deep.equal({ 'stats-tool': false });
    expect(readCookie('cookies_preferences', page)).to.be.a('string');
    expect(actions).to.deep.equal(['reject-all']);
    await waitUntil(
      () => !bannerRoot(frame)!.querySelector('[part~="base"]'),
      'the banner stayed after the refusal',
    );
  });

  describe('clicked after the script ran but before it adopted the banner (its language still loading)', () => {
    /** Such a page: the script has upgraded the banner, which waits for its texts to hydrate. */
    async function upgradedNotHydrated() {
      const { frame, key, release } = await serverRenderedPage('fr', { heldLanguage: true });
      const page = frame.contentDocument!;
      const actions: string[] = [];
      page.addEventListener('consent-change', (event) =>
        actions.push((event as CustomEvent<{ action: string }>).detail.action),
      );
      await release();
      await waitUntil(() => isDefined(frame), 'the script never defined the banner', {
        timeout: 10000,
      });
      const banner = page.querySelector('cookie-banner') as unknown as { hasUpdated: boolean };
      expect(banner.hasUpdated, 'hydrated before its texts').to.equal(false);
      const releaseLanguage = () => fetch(`/test-endpoints/release-language?key=${key}`);
      return { frame, page, actions, releaseLanguage };
    }

    it('keeps "Reject all" and takes it once the banner is adopted', async () => {
      const { frame, page, actions, releaseLanguage } = await upgradedNotHydrated();
      button(frame, 'reject-button').click();
      expect(readCookie('cookies_preferences', page), 'decided before adoption').to.equal(
        undefined,
      );
      await releaseLanguage();
      await waitUntil(
        () => !bannerRoot(frame)!.querySelector('[part~="base"]'),
        'the early refusal was lost: the banner stayed',
      );
      const decision = JSON.parse(decodeURIComponent(readCookie('cookies_preferences', page)!)) as {
        categories: Record<string, boolean>;
      };
      expect(decision.categories).to.deep.equal({ necessary: true, statistics: false });
      expect(actions).to.deep.equal(['reject-all']);
    });

    it('takes only the last of several early clicks', async () => {
      const { frame, page, actions, releaseLanguage } = await upgradedNotHydrated();
      button(frame, 'accept-button').click();
      button(frame, 'reject-button').click();
      await releaseLanguage();
      await waitUntil(() => actions.length > 0, 'the early clicks were lost');
      await nextFrame(frame);
      expect(actions).to.deep.equal(['reject-all']);
      expect(readCookie('cookies_preferences', page)).to.be.a('string');
    });

    it('opens the preferences for an early "Customise"', async () => {
      const { frame, page, releaseLanguage } = await upgradedNotHydrated();
      button(frame, 'customise-button').click();
      await releaseLanguage();
      await waitUntil(
        () => page.querySelector('cookie-preferences')?.shadowRoot?.querySelector('dialog[open]'),
        'the early "Customise" was lost',
        { timeout: 10000 },
      );
      expect(readCookie('cookies_preferences', page), 'no decision taken').to.equal(undefined);
    });
  });

  describe('for a browser that sends Global Privacy Control (Sec-GPC: 1)', () => {
    /** The page hydrated, its vendors' rules held by the server, and what removed nodes of its note. */
    async function hydratedWithNote(gpc: 'signal' | 'header') {
      const { frame, key, release } = await serverRenderedPage('fr', { gpc });
      const root = bannerRoot(frame)!;
      const note = root.querySelector<HTMLElement>('[part="gpc"]');
      expect(note, 'the note in the HTML').to.not.equal(null);
      expect(note!.textContent).to.contain('Global Privacy Control');
      expect(button(frame, 'reject-button').textContent!.trim()).to.equal('Tout refuser');
      const removed: Node[] = [];
      const changes = new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.removedNodes)
            if (node === note || node.contains(note)) removed.push(node);
        }
      });
      changes.observe(root, { childList: true, subtree: true });
      await release();
      await hydratedBanner(frame);
      return { frame, key, root, note: note!, removed, changes };
    }

    it("keeps the server's note through hydration, until its own takes its place", async () => {
      const { frame, key, root, note, removed, changes } = await hydratedWithNote('signal');
      await nextFrame(frame);
      expect(root.querySelector('[part="gpc"]'), 'hydrated, before the rules').to.equal(note);
      await fetch(`/test-endpoints/release-vendor-rules?key=${key}`);
      // Only the banner's own note follows the page's language: once it reads
      // in English, it has taken the place of the server's French one.
      frame.contentWindow!.cookieConsent!.setLanguage('en');
      await waitUntil(
        () => note.textContent!.startsWith('Your browser asks us'),
        "the banner's own note never came",
        { timeout: 10000 },
      );
      changes.disconnect();
      expect(removed, 'the note went away meanwhile').to.deep.equal([]);
      expect(root.querySelector('[part="gpc"]')).to.equal(note);
    });

    it('drops the note once adopted where the browser does not send the signal to scripts', async () => {
      const { frame, root, changes } = await hydratedWithNote('header');
      await waitUntil(() => root.querySelector('[part="gpc"]') === null, 'the note stays', {
        timeout: 10000,
      });
      changes.disconnect();
      expect(root.querySelector('[role="region"]'), 'the banner still asks').to.not.equal(null);
      expect(button(frame, 'reject-button').textContent!.trim()).to.equal('Tout refuser');
    });
  });

  it('is not rendered for a visitor who decided', async () => {
    const { frame, release } = await serverRenderedPage('en');
    await release();
    button(frame, 'accept-button');
    await hydratedBanner(frame);
    button(frame, 'accept-button').click();
    await waitUntil(() => readCookie('cookies_preferences') !== undefined, 'no decision');
    const key = Math.random().toString(36).slice(2);
    const response = await fetch(`/test-endpoints/server-rendered.html?language=en&key=${key}`);
    const page = await response.text();
    await fetch(`/test-endpoints/release-script?key=${key}`);
    expect(page).to.contain('<cookie-banner');
    expect(page).not.to.contain('shadowroot');
  });

  describe('with a decision-action (the form for pages whose script has not run)', () => {
    /** The forms the test endpoint received for `key`. */
    async function posts(key: string): Promise<Record<string, string>[]> {
      const response = await fetch(`/test-endpoints/decision?key=${key}`);
      return (await response.json()) as Record<string, string>[];
    }

    it('posts "Reject all" with the CSRF token before the script runs, and follows the redirect', async () => {
      const { frame, key, release } = await serverRenderedPage('fr', { form: true });
      expect(isDefined(frame)).to.equal(false);
      const form = bannerRoot(frame)!.querySelector('form')!;
      expect(form.getAttribute('method')).to.equal('post');
      expect(form.getAttribute('action')).to.equal(`/test-endpoints/decision?key=${key}`);
      const reject = button(frame, 'reject-button');
      expect(reject.textContent!.trim()).to.equal('Tout refuser');
      reject.click();
      await waitUntil(
        () => frame.contentDocument?.querySelector('#decided'),
        'the form never posted, or the redirect was not followed',
        { timeout: 10000 },
      );
      expect(await posts(key)).to.deep.equal([
        { csrfmiddlewaretoken: 'token-&-"quoted"', action: 'reject-all' },
      ]);
      await release();
    });

    it('posts "Accept all" as accept-all', async () => {
      const { frame, key, release } = await serverRenderedPage('en', { form: true });
      button(frame, 'accept-button').click();
      await waitUntil(() => frame.contentDocument?.querySelector('#decided'), 'no post', {
        timeout: 10000,
      });
      expect((await posts(key)).map((post) => post.action)).to.deep.equal(['accept-all']);
      await release();
    });

    it('does not post once the script runs: the click decides in the page', async () => {
      const { frame, key, release } = await serverRenderedPage('fr', { form: true });
      const page = frame.contentDocument!;
      const reject = button(frame, 'reject-button');
      const form = bannerRoot(frame)!.querySelector('form')!;
      await release();
      await hydratedBanner(frame);
      expect(bannerRoot(frame)!.querySelector('form')).to.equal(form);
      // Listening after the element: whenever the form is submitted, it was cancelled.
      const submits: boolean[] = [];
      form.addEventListener('submit', (event) => submits.push(event.defaultPrevented));
      reject.click();
      await waitUntil(
        () => readCookie('cookies_preferences', page) !== undefined,
        'the click wrote no decision',
      );
      await waitUntil(
        () => !bannerRoot(frame)!.querySelector('[part~="base"]'),
        'the banner stayed after the click',
      );
      expect(submits.every((prevented) => prevented)).to.equal(true);
      expect(frame.contentDocument).to.equal(page);
      expect(page.querySelector('#decided')).to.equal(null);
      expect(await posts(key)).to.deep.equal([]);
    });
  });
});
