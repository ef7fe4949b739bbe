// The demo site as a visitor meets it: a real Chromium against the real demo
// server (which needs `npm run build` first; `npm test` does it).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDemoServer } from '../../demo/server.mjs';
import { launchChromium } from './browser.mjs';

describe('the demo site', () => {
  let server;
  let browser;
  let page;
  let origin;
  const requested = [];

  before(async () => {
    server = await startDemoServer({ port: 0 });
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  const banner = () => page.locator('cookie-banner [role="region"]');
  const cookie = async (name) =>
    (await page.context().cookies()).find((candidate) => candidate.name === name);

  it('shows the banner on a first visit and loads no statistics', async () => {
    await page.goto(`${origin}/`);
    await banner().waitFor();
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
    assert.deepEqual(requested.filter((path) => path.startsWith('/dist/locales/')).sort(), [
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
    const decision = JSON.parse(decodeURIComponent((await cookie('cookies_preferences')).value));
    assert.deepEqual(decision.categories, { necessary: true, statistics: true });
    assert.equal(decision.revision, 1);
    await page.locator('#event-log-list li', { hasText: 'accept-all' }).waitFor();
    await page.locator('#stats-status', { hasText: /chargées à/ }).waitFor();
    assert.ok(await cookie('demo_stats'));
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
    const decision = JSON.parse(decodeURIComponent((await cookie('cookies_preferences')).value));
    assert.deepEqual(decision.categories, { necessary: true, statistics: false });
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
