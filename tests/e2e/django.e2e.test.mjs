// The elements on a real Django site (examples/django) with the app's wheel
// installed: Django's LocaleMiddleware, its set_language view, its CSRF
// protection, the decision read on the server, and the proof of consent
// stored in its database. Needs Debian's python3-django (`npm run setup`) and
// the wheel installed by `node scripts/test-django.mjs` in .tmp/django-site
// (`npm run test:django` does it all); DJANGO_PYTHON names another Python,
// one with Django and the wheel installed.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkSites } from '../../check/run.mjs';
import { bannerHydrated, launchChromium } from './browser.mjs';

const PYTHON = process.env.DJANGO_PYTHON ?? '/usr/bin/python3';
const MANAGE = fileURLToPath(new URL('../../examples/django/manage.py', import.meta.url));
// Debian's Python finds the wheel where scripts/test-django.mjs installed it.
const SITE_PACKAGES = process.env.DJANGO_PYTHON
  ? {}
  : { PYTHONPATH: fileURLToPath(new URL('../../.tmp/django-site', import.meta.url)) };
const run = promisify(execFile);

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

async function waitUntilAnswering(origin, child, output) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      await fetch(origin, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`runserver did not answer on ${origin}:\n${output.join('')}`);
}

/** `migrate` then `runserver` on a free port, with a throwaway database. */
async function startDjango(env = {}) {
  const directory = await mkdtemp(join(tmpdir(), 'django-e2e-'));
  const environment = {
    ...process.env,
    DJANGO_DB_PATH: join(directory, 'db.sqlite3'),
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
    ...SITE_PACKAGES,
    ...env,
  };
  try {
    await run(PYTHON, [MANAGE, 'migrate', '--noinput', '--verbosity', '0'], { env: environment });
  } catch (error) {
    throw new Error(
      `${PYTHON} cannot run the Django example (npm run setup installs Django, node scripts/test-django.mjs the app): ${error.stderr || error.message}`,
    );
  }
  const port = await freePort();
  const child = spawn(PYTHON, [MANAGE, 'runserver', `127.0.0.1:${port}`, '--noreload'], {
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(origin, child, output);
  return {
    origin,
    output,
    async stop() {
      if (child.exitCode === null) {
        child.kill();
        await once(child, 'exit');
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/* global document, window, requestAnimationFrame, Navigator -- in functions that run in the page */

/**
 * Records, in the first animation frame where the banner has button labels,
 * what the visitor sees painted: proof that the language is right at once,
 * not after a later switch.
 */
function recordFirstPaint() {
  const look = () => {
    const buttons = document.querySelector('cookie-banner')?.shadowRoot?.querySelectorAll('button');
    const labels = [...(buttons ?? [])].map((button) => button.textContent.trim()).filter(Boolean);
    if (labels.length === 0) return requestAnimationFrame(look);
    const title = document.querySelector('cookie-banner').shadowRoot.querySelector('h2');
    window.firstPaint = { labels, title: title?.textContent.trim() };
  };
  requestAnimationFrame(look);
}

describe('the Django example site', () => {
  let site;
  let siteLang;
  let browser;

  before(async () => {
    // What did start is kept for after() to stop even when another part
    // failed: a browser left running kept the test process alive for good.
    const started = await Promise.allSettled([
      startDjango(),
      startDjango({ DJANGO_LANGUAGE_COOKIE_NAME: 'site_lang' }),
      launchChromium(),
    ]);
    [site, siteLang, browser] = started.map((part) =>
      part.status === 'fulfilled' ? part.value : undefined,
    );
    const failed = started.find((part) => part.status === 'rejected');
    if (failed) throw failed.reason;
  });

  after(async () => {
    await browser?.close();
    await Promise.all([site?.stop(), siteLang?.stop()]);
  });

  /** A French visitor's new browser profile (Accept-Language: fr-FR). */
  async function newPage(options = {}) {
    const context = await browser.newContext({ locale: 'fr-FR', ...options });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(new Error(message.text()));
    });
    await page.addInitScript(recordFirstPaint);
    return { context, page, errors };
  }

  const cookie = async (page, name) =>
    (await page.context().cookies()).find((candidate) => candidate.name === name);
  const decisionIn = async (page) =>
    JSON.parse(decodeURIComponent((await cookie(page, 'cookies_preferences')).value));
  const banner = (page) => page.locator('cookie-banner [role="region"]');
  const firstPaint = async (page) => {
    await page.waitForFunction(() => window.firstPaint);
    return page.evaluate(() => window.firstPaint);
  };
  /** The records the database holds for a decision id (a DEBUG-only view). */
  async function recordsIn(page, id) {
    const response = await page.request.get(`${site.origin}/debug/records/`, {
      params: { id },
    });
    return response.json();
  }

  async function waitForRecordIn(page, id, note = '') {
    const deadline = Date.now() + 5000;
    let found;
    do {
      found = await recordsIn(page, id);
      if (found.count > 0) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } while (Date.now() < deadline);
    assert.fail(`decision ${id} never reached the database ${note && `(${note})`}`);
  }

  /** Django's own form: POST /i18n/setlang/, then the redirect to `next`. */
  async function setLanguage(page, origin, language) {
    await page.locator('select[name="language"]').selectOption(language);
    // Not waitForURL: the page is at that URL already, before the POST.
    await Promise.all([
      page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }),
      page.locator('form[action="/i18n/setlang/"] button[type="submit"]').click(),
    ]);
    await page.waitForLoadState('load');
    assert.equal(page.url(), `${origin}/`);
  }

  describe('language', () => {
    let page;
    let errors;
    before(async () => ({ page, errors } = await newPage()));
    after(() => page.context().close());

    it('greets a first visit in French', async () => {
      await page.goto(`${site.origin}/`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      await banner(page)
        .getByRole('heading', { name: 'Vos choix en matière de cookies' })
        .waitFor();
      for (const name of ['Tout accepter', 'Tout refuser', 'Personnaliser']) {
        assert.equal(await banner(page).getByRole('button', { name }).count(), 1, name);
      }
      assert.equal(await cookie(page, 'cookies_preferences'), undefined);
      // The seed's four cookies, named as Django's settings name them.
      const rows = page.locator('#cookie-policy cookie-table[category="necessary"] tbody tr');
      await rows.first().waitFor();
      assert.deepEqual(await rows.locator('code').allTextContents(), [
        'sessionid',
        'django_language',
        'csrftoken',
        'cookies_preferences',
      ]);
      assert.ok(await cookie(page, 'csrftoken'), 'Django set its CSRF cookie');
    });

    it('paints the banner in French from its first frame', async () => {
      assert.deepEqual((await firstPaint(page)).labels.slice(0, 1), ['Tout accepter']);
    });

    it("switches to English through Django's set_language, English from the first paint", async () => {
      await setLanguage(page, site.origin, 'en');
      const language = await cookie(page, 'django_language');
      assert.equal(language?.value, 'en', 'Django set django_language');
      assert.equal(language.httpOnly, false);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      const painted = await firstPaint(page);
      assert.equal(painted.title, 'Your choice about cookies');
      assert.deepEqual(painted.labels.slice(0, 3), ['Accept all', 'Reject all', 'Customise']);
      assert.equal(
        await page.locator('footer [data-cookie-preferences]').textContent(),
        'Manage my cookies',
      );
      assert.deepEqual(errors, []);
    });
  });

  describe('a language cookie with another name (LANGUAGE_COOKIE_NAME = "site_lang")', () => {
    let page;
    let errors;
    before(async () => ({ page, errors } = await newPage()));
    after(() => page.context().close());

    it('gives the elements the name from the settings', async () => {
      await page.goto(`${siteLang.origin}/`);
      for (const tag of ['cookie-banner', 'cookie-table']) {
        assert.equal(await page.locator(tag).first().getAttribute('language-cookie'), 'site_lang');
      }
      await page.getByRole('button', { name: 'Tout accepter' }).waitFor();
      const names = page.locator('#cookie-policy cookie-table[category="necessary"] tbody tr code');
      await names.first().waitFor();
      assert.ok((await names.allTextContents()).includes('site_lang'));
    });

    it('follows site_lang after set_language, from the first paint', async () => {
      await setLanguage(page, siteLang.origin, 'en');
      assert.equal((await cookie(page, 'site_lang'))?.value, 'en');
      assert.equal(await cookie(page, 'django_language'), undefined);
      assert.deepEqual((await firstPaint(page)).labels.slice(0, 1), ['Accept all']);
    });

    it('ignores django_language and follows a live change of site_lang', async () => {
      const url = siteLang.origin;
      const fetched = [];
      const onRequest = (request) => fetched.push(new URL(request.url()).pathname);
      page.on('request', onRequest);
      await page.context().addCookies([{ name: 'django_language', value: 'de', url }]);
      // A change of <html lang> makes the elements re-read every language
      // source at once: had they followed django_language, they would now
      // fetch German, before site_lang below is even written.
      await page.evaluate(() =>
        document.documentElement.setAttribute('lang', document.documentElement.lang),
      );
      assert.equal(await page.getByRole('button', { name: 'Accept all' }).count(), 1);
      await page.context().addCookies([{ name: 'site_lang', value: 'fr', url }]);
      await page.getByRole('button', { name: 'Tout accepter' }).waitFor({ timeout: 5000 });
      page.off('request', onRequest);
      assert.deepEqual(
        fetched.filter((path) => /\/locales\/de[.]/.test(path)),
        [],
      );
      assert.ok(
        fetched.some((path) => /\/locales\/fr[.]js$/.test(path)),
        fetched.join(),
      );
      // The dialog speaks the same language.
      await page.getByRole('button', { name: 'Personnaliser' }).click();
      await page.getByRole('dialog', { name: 'Paramètres des cookies' }).waitFor();
      assert.deepEqual(errors, []);
    });
  });

  describe('reading the decision on the server', () => {
    let page;
    let errors;
    before(async () => ({ page, errors } = await newPage()));
    after(() => page.context().close());

    const html = async () => (await page.request.get(`${site.origin}/`)).text();

    it('sends no statistics script after a refusal', async () => {
      await page.goto(`${site.origin}/`);
      await page.getByRole('button', { name: 'Tout refuser' }).click();
      await banner(page).waitFor({ state: 'detached' });
      assert.deepEqual((await decisionIn(page)).categories, { necessary: true, statistics: false });
      const source = await html();
      assert.doesNotMatch(source, /id="statistics-script"/);
      assert.match(source, /statistiques refusées/);
      await page.reload();
      await page.locator('#cookie-policy cookie-table tbody tr').first().waitFor();
      assert.equal(await page.locator('html').getAttribute('data-statistics'), null);
      assert.equal(await cookie(page, 'example_stats'), undefined);
    });

    it('re-sets the decision cookie from the server with its remaining lifetime', async () => {
      const raw = (await cookie(page, 'cookies_preferences')).value;
      const response = await page.goto(`${site.origin}/`);
      const setCookie = (await response.headersArray())
        .filter(({ name }) => name.toLowerCase() === 'set-cookie')
        .map(({ value }) => value)
        .find((value) => value.startsWith('cookies_preferences='));
      assert.ok(setCookie, 'Django re-sets cookies_preferences');
      assert.equal(setCookie.split(';')[0], `cookies_preferences=${raw}`);
      const maxAge = Number(/Max-Age=(\d+)/i.exec(setCookie)[1]);
      assert.ok(Math.abs(maxAge - 182 * 24 * 3600) < 120, `Max-Age ${maxAge}`);
      assert.match(setCookie, /SameSite=Lax/i);
      assert.doesNotMatch(setCookie, /HttpOnly/i);
    });

    it('sends the statistics script once the visitor accepts', async () => {
      await page.locator('footer [data-cookie-preferences]').click();
      const dialog = page.getByRole('dialog', { name: 'Paramètres des cookies' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Tout accepter' }).click();
      await dialog.waitFor({ state: 'hidden' });
      // Granted on this page: the inert copy of the script runs at once.
      await page.locator('html[data-statistics="loaded"]').waitFor();
      const source = await html();
      assert.match(source, /<script id="statistics-script" src="\/static\/stats\.js"/);
      assert.match(source, /statistiques acceptées/);
      await page.reload();
      await page.locator('html[data-statistics="loaded"]').waitFor();
      assert.ok(await cookie(page, 'example_stats'));
      assert.deepEqual(errors, []);
    });
  });

  describe('several copies of the decision cookie', () => {
    let page;
    let errors;
    before(async () => ({ page, errors } = await newPage()));
    after(() => page.context().close());

    it('the server and the elements both take the newest', async () => {
      await page.goto(`${site.origin}/`);
      const { revision } = JSON.parse(
        await page.locator('cookie-banner > script[type="application/json"]').textContent(),
      );
      const copy = (id, statistics, hoursAgo) =>
        encodeURIComponent(
          JSON.stringify({
            categories: { necessary: true, statistics },
            revision,
            timestamp: new Date(Date.now() - hoursAgo * 3600_000).toISOString(),
            id,
          }),
        );
      // The newer refusal has the longer Path, so the browser sends it first,
      // and request.COOKIES would keep the older consent sent after it.
      await page.context().addCookies([
        { name: 'cookies_preferences', value: copy('older', true, 48), url: `${site.origin}/` },
        {
          name: 'cookies_preferences',
          value: copy('newer', false, 1),
          domain: '127.0.0.1',
          path: '/policy/',
        },
      ]);
      await page.goto(`${site.origin}/policy/`);
      assert.match(await page.locator('#server-decision').textContent(), /statistiques refusées/);
      assert.equal(await page.locator('#statistics-script').count(), 0);
      // The elements see a decision in force, the refusal: no banner, no statistics.
      await page.locator('#cookie-policy cookie-table tbody tr').first().waitFor();
      assert.equal(await banner(page).count(), 0);
      assert.equal(await page.locator('html').getAttribute('data-statistics'), null);
      assert.deepEqual(errors, []);
    });
  });

  describe('Global Privacy Control', () => {
    let page;
    let errors;
    before(async () => {
      // Chromium has no GPC setting: the signal as a browser that has one sends it.
      ({ page, errors } = await newPage({ extraHTTPHeaders: { 'Sec-GPC': '1' } }));
      await page.addInitScript(() =>
        Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
      );
    });
    after(() => page.context().close());

    it('says at /.well-known/gpc.json that the site honours it', async () => {
      const response = await fetch(`${site.origin}/.well-known/gpc.json`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/json');
      const body = await response.json();
      assert.deepEqual(Object.keys(body), ['gpc', 'lastUpdate']);
      assert.equal(body.gpc, true);
      assert.match(body.lastUpdate, /^\d{4}-\d{2}-\d{2}$/);
    });

    it('records the signal with the decision, in the cookie and in the proof', async () => {
      await page.goto(`${site.origin}/`);
      await bannerHydrated(page);
      await page.getByRole('button', { name: 'Tout accepter' }).click();
      await banner(page).waitFor({ state: 'detached' });
      const { id, gpc, categories } = await decisionIn(page);
      assert.equal(gpc, true);
      // The example's statistics are first-party counting, which GPC does not cover.
      assert.deepEqual(categories, { necessary: true, statistics: true });
      const found = await waitForRecordIn(page, id);
      assert.equal(found.count, 1);
      assert.equal(found.records[0].gpc, true);
      assert.equal(found.records[0].sec_gpc, true, 'the POST carried Sec-GPC: 1');
      // Nothing of the example is covered: the page did not depend on the header.
      const response = await page.goto(`${site.origin}/`);
      assert.doesNotMatch((await response.allHeaders()).vary ?? '', /Sec-GPC/i);
      assert.match(await page.locator('#server-decision').textContent(), /statistiques acceptées/);
      assert.deepEqual(errors, []);
    });
  });

  describe('the banner in the HTML the server sends, without JavaScript', () => {
    let page;
    before(async () => ({ page } = await newPage({ javaScriptEnabled: false })));
    after(() => page.context().close());

    it('is painted from the HTML, in French', async () => {
      const response = await page.goto(`${site.origin}/policy/?from=e2e`);
      assert.match(await response.text(), /<template shadowroot="open" shadowrootmode="open">/);
      const reject = banner(page).getByRole('button', { name: 'Tout refuser' });
      await reject.waitFor();
      const region = await banner(page).boundingBox();
      const viewport = page.viewportSize();
      assert.ok(region.height > 40, `the banner is ${region.height} px high`);
      assert.equal(Math.round(region.y + region.height), viewport.height);
      assert.equal(await cookie(page, 'cookies_preferences'), undefined);
    });

    it('posts "Tout refuser": the server sets the decision and sends the visitor back', async () => {
      const [, post] = await Promise.all([
        page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }),
        page.waitForResponse(
          (candidate) =>
            candidate.request().method() === 'POST' &&
            candidate.url().startsWith(`${site.origin}/cookie-consent/decision/`),
        ),
        banner(page).getByRole('button', { name: 'Tout refuser' }).click(),
      ]);
      assert.equal(post.status(), 303);
      assert.match(post.request().postData(), /(^|&)action=reject-all(&|$)/);
      assert.match(post.request().postData(), /(^|&)csrfmiddlewaretoken=[^&]+/);
      await page.waitForLoadState('load');
      assert.equal(page.url(), `${site.origin}/policy/?from=e2e`);
      const { id, categories } = await decisionIn(page);
      assert.deepEqual(categories, { necessary: true, statistics: false });
      const found = await waitForRecordIn(page, id);
      assert.equal(found.count, 1);
      assert.equal(found.records[0].action, 'reject-all');
      assert.equal(found.records[0].url, `${site.origin}/policy/`);
    });

    it('is gone after: the page the server sends has no banner', async () => {
      assert.doesNotMatch(await page.content(), /shadowroot/);
      assert.equal(await banner(page).count(), 0);
      assert.match(await page.locator('#server-decision').textContent(), /statistiques refusées/);
    });
  });

  describe('the banner in the HTML the server sends, with JavaScript', () => {
    let page;
    let errors;
    const posts = [];
    before(async () => {
      ({ page, errors } = await newPage());
      page.on('request', (request) => {
        if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
      });
    });
    after(() => page.context().close());

    it('is adopted by the script, takes the click in the page and stores one proof', async () => {
      const response = await page.goto(`${site.origin}/`);
      const source = await response.text();
      assert.match(source, /shadowrootmode="open"/);
      assert.ok(
        source.indexOf('/static/cookie-consent/hydrate.js') <
          source.indexOf('/static/cookie-consent/cookie-consent.js'),
        'hydrate.js comes first',
      );
      await bannerHydrated(page);
      // Hydrated, the banner keeps its form (no second banner): the script cancels it.
      assert.equal(await banner(page).count(), 1);
      assert.equal(await page.locator('cookie-banner form[method="post"]').count(), 1);
      await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
      await banner(page).waitFor({ state: 'detached' });
      const { id, categories } = await decisionIn(page);
      assert.deepEqual(categories, { necessary: true, statistics: false });
      const found = await waitForRecordIn(page, id);
      assert.equal(found.count, 1);
      assert.equal(found.records[0].action, 'reject-all');
      assert.equal(page.url(), `${site.origin}/`);
      assert.deepEqual(posts, ['/cookie-consent/records/']);
      assert.deepEqual(errors, []);
    });
  });

  describe('proof of consent', () => {
    let page;
    let errors;
    const posts = [];

    before(async () => {
      ({ page, errors } = await newPage());
      page.on('request', (request) => {
        if (
          request.method() === 'POST' &&
          request.url() === `${site.origin}/cookie-consent/records/`
        ) {
          posts.push(request);
        }
      });
    });
    after(() => page.context().close());

    const recordsOf = (id) => recordsIn(page, id);
    const waitForRecord = (id) => waitForRecordIn(page, id, `${posts.length} POST sent`);

    it('stores "accept all" once, sent with the CSRF token', async () => {
      await page.goto(`${site.origin}/`);
      await bannerHydrated(page);
      await page.getByRole('button', { name: 'Tout accepter' }).click();
      await banner(page).waitFor({ state: 'detached' });
      const { id, categories } = await decisionIn(page);
      const found = await waitForRecord(id);
      assert.equal(found.count, 1);
      assert.deepEqual(found.records[0].categories, categories);
      assert.equal(found.records[0].action, 'accept-all');
      // The revision the app derived from the inventory's purposes, as the page has it.
      const inventory = JSON.parse(
        await page.locator('cookie-banner > script[type="application/json"]').textContent(),
      );
      assert.match(inventory.revision, /^[0-9a-f]{16}$/);
      assert.equal(found.records[0].revision, inventory.revision);
      assert.match(found.records[0].inventory_hash, /^(sha256|fnv1a):[0-9a-f]+$/);
      assert.equal(found.records[0].url, `${site.origin}/`);
      // The example declares no vendors, and this browser sends no GPC.
      assert.deepEqual(found.records[0].vendors, {});
      assert.equal(found.records[0].gpc, false);
      assert.equal(found.records[0].sec_gpc, false);
      const [post] = posts;
      assert.equal(await post.headerValue('x-csrftoken'), (await cookie(page, 'csrftoken')).value);
      assert.equal((await post.response()).status(), 201);
    });

    it('stores the saved choices of the reopened preferences once', async () => {
      const first = (await decisionIn(page)).id;
      await page.locator('footer [data-cookie-preferences]').click();
      const dialog = page.getByRole('dialog', { name: 'Paramètres des cookies' });
      await dialog.waitFor();
      await dialog.getByRole('switch', { name: 'Cookies statistiques' }).uncheck();
      await dialog.getByRole('button', { name: 'Enregistrer mes choix' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const { id } = await decisionIn(page);
      assert.notEqual(id, first);
      const found = await waitForRecord(id);
      assert.equal(found.count, 1);
      assert.equal(found.records[0].action, 'save');
      assert.deepEqual(found.records[0].categories, { necessary: true, statistics: false });
      // Nothing was sent twice, and nothing will be: a proof is sent again
      // only after a failed attempt, and every answer was a success.
      for (const post of posts) assert.equal((await post.response()).status(), 201);
      assert.equal((await recordsOf(first)).count, 1);
      const sent = posts.map((post) => post.postDataJSON().id);
      assert.deepEqual(sent, [first, id]);
      assert.deepEqual(errors, []);
    });
  });

  describe('cookie-consent-check', () => {
    it('passes the site: nothing stored or requested before a choice or after "reject all", every cookie declared', async () => {
      const report = await checkSites(browser, [`${site.origin}/`]);
      const findings = report.pages.flatMap((page) => page.findings.map((f) => f.message));
      assert.deepEqual(findings, []);
      assert.equal(report.ok, true);
      // What "accept all" left was observed and matched the inventory: the decision cookie at least.
      const accepted = report.pages[0].observed.accept.items.map((item) => item.name);
      assert.ok(accepted.includes('cookies_preferences'), accepted.join());
    });
  });
});
