// The demo site as a visitor meets it: a real Chromium against the real demo
// server (which needs `npm run build` first; `npm test` does it).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EMBEDS } from '../../demo/content.mjs';
import { startDemoServer } from '../../demo/server.mjs';
import { bannerHydrated, launchChromium } from './browser.mjs';

// The providers of the demo's embedded content. The machine running the tests may be offline:
// their requests are answered here with an empty page, so that a frame loads the same anywhere.
const THIRD_PARTY = /^https:\/\/(www\.youtube-nocookie\.com|www\.openstreetmap\.org)\//;

/* global document, window, performance, customElements -- in functions that run in the page */

let server;
let browser;
let origin;

before(async () => {
  server = await startDemoServer({ port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A page in a context of its own (no cookies yet), and every URL it requests. */
async function newPage() {
  const context = await browser.newContext();
  await context.route(THIRD_PARTY, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '' }),
  );
  const page = await context.newPage();
  const requested = [];
  page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  page.on('request', (request) => requested.push(new URL(request.url())));
  return { page, requested };
}

/** The decision cookie of the page's context, parsed. */
async function decisionOf(page) {
  const cookie = (await page.context().cookies()).find(
    (candidate) => candidate.name === 'cookies_preferences',
  );
  return cookie && JSON.parse(decodeURIComponent(cookie.value));
}

describe('the demo site', () => {
  let page;
  let requested;

  before(async () => {
    ({ page, requested } = await newPage());
  });

  const banner = () => page.locator('cookie-banner [role="region"]');
  const cookie = async (name) =>
    (await page.context().cookies()).find((candidate) => candidate.name === name);

  it('shows the banner on a first visit and loads no statistics', async () => {
    await page.goto(`${origin}/`);
    await banner().waitFor();
    // The server rendered it: wait for the script to take it over before reading the page.
    await bannerHydrated(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.equal(
      await banner()
        .getByRole('heading')
        .textContent()
        .then((t) => t.trim()),
      'Vos choix en matière de cookies',
    );
    assert.equal(await page.getByRole('button', { name: 'Tout refuser' }).count(), 1);
    // French texts come from their own modules (the banner's, and the tables' since the
    // page has some); no other language is downloaded.
    const paths = requested.map((url) => url.pathname);
    assert.deepEqual(paths.filter((path) => path.startsWith('/dist/locales/')).sort(), [
      '/dist/locales/fr.details.js',
      '/dist/locales/fr.js',
    ]);
    assert.equal(await cookie('cookies_preferences'), undefined);
    assert.equal(await cookie('demo_stats'), undefined);
    assert.match(await page.locator('#stats-status').textContent(), /non chargées/);
    // The seed's table: four cookies of Opendatasoft.
    const rows = page.locator('#charte cookie-table[category="necessary"] tbody tr');
    assert.equal(await rows.count(), 4);
    assert.deepEqual(await rows.locator('code').allTextContents(), [
      'sessionid',
      'django_language',
      'csrftoken',
      'cookies_preferences',
    ]);
  });

  it('records "accept all", logs the event and releases the statistics script', async () => {
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await banner().waitFor({ state: 'detached' });
    const decision = await decisionOf(page);
    assert.deepEqual(decision.categories, { necessary: true, statistics: true, media: true });
    assert.deepEqual(decision.vendors, { granted: 'youtube openstreetmap', refused: '' });
    assert.equal(decision.revision, 1);
    await page.locator('#event-log-list li', { hasText: 'accept-all' }).waitFor();
    await page.locator('#stats-status', { hasText: /chargées à/ }).waitFor();
    assert.ok(await cookie('demo_stats'));
    // Both embeds come in.
    for (const { vendor, src } of Object.values(EMBEDS)) {
      const frame = page.locator(`cookie-embed[vendor="${vendor}"] > iframe`);
      await frame.waitFor({ state: 'attached' });
      assert.equal(await frame.getAttribute('src'), src);
    }
  });

  it('remembers the decision after a reload', async () => {
    await page.reload();
    await page.locator('#charte cookie-table[category="necessary"] tbody tr').first().waitFor();
    assert.equal(await banner().count(), 0);
    await page.locator('#stats-status', { hasText: /chargées à/ }).waitFor();
  });

  it('switches the whole page to English through the set_language endpoint', async () => {
    await page.locator('#language-select').selectOption('en');
    await Promise.all([
      page.waitForURL(`${origin}/`),
      page.locator('form[action="/i18n/setlang/"] button[type="submit"]').click(),
    ]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal((await cookie('django_language')).value, 'en');
    await page
      .locator('#charte cookie-table[category="necessary"] th', { hasText: 'Provider' })
      .waitFor();
  });

  it('reopens the preferences from "Manage my cookies" with the last decision', async () => {
    await page.locator('header [data-cookie-preferences]').click();
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
    await dialog.waitFor();
    const statistics = dialog.getByRole('switch', { name: 'Statistics cookies' });
    assert.equal(await statistics.isChecked(), true);
    await statistics.uncheck();
    await dialog.getByRole('button', { name: 'Save my choices' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const decision = await decisionOf(page);
    assert.deepEqual(decision.categories, { necessary: true, statistics: false, media: true });
    // Withdrawing statistics deletes the cookie the inventory lists for it.
    assert.equal(await cookie('demo_stats'), undefined);
    await page.locator('#event-log-list li', { hasText: 'save' }).waitFor();
  });

  it('follows a live change of the language cookie without a reload', async () => {
    await page.locator('#live-language-switch').click();
    assert.equal((await cookie('django_language')).value, 'fr');
    await page
      .locator('#charte cookie-table[category="necessary"] th', { hasText: 'Nom du prestataire' })
      .waitFor({ timeout: 2000 });
  });
});

describe('the banner the demo server renders', () => {
  it('is painted before any script runs, then hydrates: "Tout accepter" decides once', async () => {
    const { page } = await newPage();
    const context = page.context();
    // Every script waits until the banner has been seen painted without them,
    // and the lazy chunks (among them the rules of the demo's vendors, which
    // the store needs before it takes the inventory) until after the click.
    let releaseScripts;
    let releaseChunks;
    const scriptsHeld = new Promise((resolve) => (releaseScripts = resolve));
    const chunksHeld = new Promise((resolve) => (releaseChunks = resolve));
    const heldScripts = [];
    await context.route(/\.js$/, async (route) => {
      const { pathname } = new URL(route.request().url());
      heldScripts.push(pathname);
      await scriptsHeld;
      if (pathname.startsWith('/dist/chunks/')) await chunksHeld;
      await route.continue();
    });
    await page.addInitScript(() => {
      window.consentChanges = [];
      document.addEventListener('consent-change', (event) =>
        window.consentChanges.push(event.detail.action),
      );
    });

    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    const region = page.locator('cookie-banner [role="region"]');
    await region.getByRole('button', { name: 'Tout accepter' }).waitFor({ state: 'visible' });
    const box = await region.boundingBox();
    assert.ok(box.height > 40, `the banner is ${box.height} px high`);
    assert.equal(Math.round(box.y + box.height), page.viewportSize().height);
    // Painted: the page's first contentful paint is past, and no script of the page has run.
    await page.waitForFunction(() =>
      performance.getEntriesByName('first-contentful-paint').some(Boolean),
    );
    assert.equal(await page.evaluate(() => customElements.get('cookie-banner')), undefined);
    assert.ok(heldScripts.includes('/dist/hydrate.js'), heldScripts.join(', '));
    const serverNode = await page.evaluateHandle(() =>
      document.querySelector('cookie-banner').shadowRoot.querySelector('[role="region"]'),
    );

    releaseScripts();
    await bannerHydrated(page);
    // Hydrated, not re-rendered: the node the server sent is the one the element uses.
    assert.equal(
      await serverNode.evaluate(
        (node) =>
          node ===
          document.querySelector('cookie-banner').shadowRoot.querySelector('[role="region"]'),
      ),
      true,
    );
    // A click on the hydrated banner before the store has its inventory is
    // kept, and honoured once the rules arrive: not lost.
    await region.getByRole('button', { name: 'Tout accepter' }).click();
    assert.equal(await decisionOf(page), undefined);
    releaseChunks();
    await region.waitFor({ state: 'detached' });
    const decision = await decisionOf(page);
    assert.deepEqual(decision.categories, { necessary: true, statistics: true, media: true });
    await page.locator('#event-log-list li', { hasText: 'accept-all' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.consentChanges), ['accept-all']);

    // The next page comes without the banner, nor the hydration.
    const response = await page.reload();
    const html = await response.text();
    assert.doesNotMatch(html, /shadowroot|hydrate\.js/);
    await page.locator('#charte cookie-table[category="necessary"] tbody tr').first().waitFor();
    assert.equal(await region.count(), 0);
    await context.close();
  });
});

describe('the embedded content of the demo site', () => {
  let page;
  let requested;

  before(async () => {
    ({ page, requested } = await newPage());
  });

  const embed = (vendor) => page.locator(`cookie-embed[vendor="${vendor}"]`);
  const thirdPartyRequests = () => requested.filter((url) => THIRD_PARTY.test(url.href));

  it('requests nothing from YouTube or OpenStreetMap before consent, and shows placeholders', async () => {
    await page.goto(`${origin}/`);
    await page.locator('cookie-banner [role="region"]').waitFor();
    const youtubeTitle = embed('youtube').locator('[part="title"]');
    await youtubeTitle.waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(thirdPartyRequests(), []);
    assert.equal(await page.locator('iframe').count(), 0);

    // The placeholders, in French, name the vendor.
    assert.equal((await youtubeTitle.textContent()).trim(), 'Contenu fourni par YouTube');
    assert.equal(
      (await embed('youtube').locator('[part="notice"]').textContent()).trim(),
      'Ce contenu est hébergé par YouTube. Une fois chargé, il peut déposer des cookies et collecter des données sur votre visite.',
    );
    assert.match(
      await embed('youtube').locator('[part="description"]').textContent(),
      /^Lecteur vidéo de YouTube/,
    );
    assert.equal(
      (await embed('openstreetmap').locator('[part="title"]').textContent()).trim(),
      'Contenu fourni par OpenStreetMap',
    );
    assert.equal(
      await embed('openstreetmap')
        .getByRole('button', { name: 'Autoriser OpenStreetMap et charger le contenu' })
        .count(),
      1,
    );
    // The policy lists what the providers store, with where they store it.
    const rows = page.locator('#charte cookie-table[category="media"] tbody tr');
    await rows.first().waitFor();
    assert.deepEqual(await rows.locator('code').allTextContents(), [
      'VISITOR_INFO1_LIVE',
      'VISITOR_PRIVACY_METADATA',
      'YSC',
      'yt-remote-*',
      'ytidb::LAST_RESULT_ENTRY_KEY',
    ]);
    assert.equal((await rows.nth(3).locator('td').last().textContent()).trim(), 'Stockage local');
  });

  it('loads the video once YouTube is allowed from its placeholder, and nothing else', async () => {
    await embed('youtube')
      .getByRole('button', { name: 'Autoriser YouTube et charger le contenu' })
      .click();
    const frame = embed('youtube').locator(':scope > iframe');
    // Attached is enough: whether the provider answers is not the library's business.
    await frame.waitFor({ state: 'attached' });
    assert.equal(await frame.getAttribute('src'), EMBEDS.video.src);
    assert.equal(await page.locator('iframe').count(), 1);
    await page.locator('cookie-banner [role="region"]').waitFor({ state: 'detached' });

    const decision = await decisionOf(page);
    assert.deepEqual(decision.vendors, { granted: 'youtube', refused: 'openstreetmap' });
    // One grant: everything else stays refused, and media is only partly granted.
    assert.deepEqual(decision.categories, { necessary: true, statistics: false, media: false });
    const vendors = await page.evaluate(() => globalThis.cookieConsent.getConsent().vendors);
    assert.equal(vendors.youtube, true);
    assert.equal(vendors.openstreetmap, false);
    await page.locator('#event-log-list li', { hasText: 'grant' }).waitFor();

    assert.ok(
      thirdPartyRequests().every((url) => url.origin === 'https://www.youtube-nocookie.com'),
    );
    assert.equal(await embed('openstreetmap').locator('iframe').count(), 0);
  });

  it('takes the video out again after "Tout refuser"', async () => {
    // From the keyboard: in headless Chromium, once a cross-origin frame came in under the
    // pointer, a click right after Playwright scrolls the page up can miss the link.
    await page.locator('header [data-cookie-preferences]').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Tout refuser' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await embed('youtube').locator('iframe').waitFor({ state: 'detached' });
    assert.equal(await page.locator('iframe').count(), 0);
    await embed('youtube')
      .getByRole('button', { name: 'Autoriser YouTube et charger le contenu' })
      .waitFor();
    const decision = await decisionOf(page);
    assert.deepEqual(decision.vendors, { granted: '', refused: 'youtube openstreetmap' });
    const vendors = await page.evaluate(() => globalThis.cookieConsent.getConsent().vendors);
    assert.equal(vendors.youtube, false);
  });
});
