// Tests of the demo server, run with `node --test demo/` after `npm run build` (the banner is
// rendered by lib/server.js; the script bundle is not needed: the server starts with
// requireDist: false on a free port). Requests go through node:http rather than fetch,
// because fetch normalises `..` and `%2e%2e` away before they reach the server.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { URLSearchParams } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { bannerStyleSource } from 'cookie-consent-elements/server';
import { CONTENT, EMBEDS } from './content.mjs';
import { escapeHtml, renderPage } from './page.mjs';
import { demoInventory, startDemoServer } from './server.mjs';

const INVENTORY_COOKIES = ['sessionid', 'django_language', 'csrftoken', 'cookies_preferences'];
const SEED = JSON.parse(readFileSync(new URL('./seed-inventory.json', import.meta.url), 'utf8'));
const FRAME_ORIGINS = ['https://www.youtube-nocookie.com', 'https://www.openstreetmap.org'];
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; " +
  'frame-src https://www.youtube-nocookie.com https://www.openstreetmap.org';
// A page with the banner rendered in it allows that banner's inline styles, by their hash.
const SERVER_RENDERED_CSP = PAGE_CSP.replace(
  "style-src 'self'",
  `style-src 'self' ${bannerStyleSource}`,
);

/** A decision cookie as the elements write it, in force for the demo's inventory by default. */
function decisionCookie({ revision = 1, timestamp = new Date().toISOString() } = {}) {
  const record = {
    categories: { necessary: true, statistics: true, media: true },
    vendors: { granted: 'youtube openstreetmap', refused: '' },
    revision,
    timestamp,
    id: 'demo-test',
  };
  return `cookies_preferences=${encodeURIComponent(JSON.stringify(record))}`;
}

const shadowRoots = (page) => page.match(/<template shadowroot/g)?.length ?? 0;

let server;
let port;

before(async () => {
  server = await startDemoServer({ port: 0, host: '127.0.0.1', requireDist: false });
  port = server.address().port;
});

after(() => new Promise((resolveClose) => server.close(resolveClose)));

/** Sends one request with its path exactly as given. */
function send(path, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolveResponse, rejectResponse) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolveResponse({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', rejectResponse);
    req.end(body);
  });
}

function postSetLanguage(form) {
  return send('/i18n/setlang/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

/** The text of every `<script type="application/json">` block of a page. */
function inlineJsonBlocks(page) {
  return [...page.matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)].map(
    (match) => match[1],
  );
}

/** The CSP's directives by name, each with its list of sources. */
function cspDirectives(header) {
  return Object.fromEntries(
    header.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** Every `<cookie-embed>` of a page: its vendor and what it holds, as written. */
function cookieEmbeds(page) {
  return [...page.matchAll(/<cookie-embed vendor="([^"]*)">([\s\S]*?)<\/cookie-embed>/g)].map(
    ([, vendor, inner]) => ({ vendor, inner }),
  );
}

/** The attributes of an HTML start tag, unescaped (`&amp;` and the like back to characters). */
function attributesOf(tag) {
  const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  const unescape = (value) => value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => entities[name]);
  return Object.fromEntries(
    [...tag.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)].map(([, name, value = '']) => [
      name,
      unescape(value),
    ]),
  );
}

/** The inventory the page gives the banner. */
async function pageInventory(headers = {}) {
  const { body } = await send('/', { headers });
  return JSON.parse(inlineJsonBlocks(body)[0]);
}

describe('GET /', () => {
  test('serves the page in French by default, under the CSP', async () => {
    const res = await send('/');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/html/);
    assert.equal(res.headers['content-security-policy'], SERVER_RENDERED_CSP);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /<html lang="fr">/);
    assert.match(res.body, /Charte cookies/);
    assert.match(res.body, /<cookie-table category="necessary">/);
    assert.match(res.body, /<cookie-table category="statistics">/);
    assert.match(res.body, /<cookie-table category="media" show-storage>/);
  });

  test('gives the banner the inventory as valid JSON with the seed cookies', async () => {
    const { body } = await send('/');
    const blocks = inlineJsonBlocks(body);
    // Only the banner's: the other elements use the inventory it gave the page.
    assert.equal(blocks.length, 1);
    assert.match(body, /<cookie-banner\s[^>]*policy-href="#charte"[^>]*>/);
    assert.match(
      body,
      /<\/template><script type="application\/json">[^<]*<\/script><\/cookie-banner>/,
    );
    assert.ok(!blocks[0].includes('</'), 'a `</` inside the block must be escaped as `<\\/`');
    const inventory = JSON.parse(blocks[0]);
    assert.equal(inventory.revision, 1);
    const names = inventory.cookies.map((cookie) => cookie.name);
    for (const name of INVENTORY_COOKIES) assert.ok(names.includes(name), name);
    assert.deepEqual(inventory, demoInventory());
  });

  test('follows the django_language cookie, normalised like Django', async () => {
    const english = await send('/', { headers: { Cookie: 'django_language=en' } });
    assert.match(english.body, /<html lang="en">/);
    assert.match(english.body, /Cookie policy/);

    const regional = await send('/?x=1', { headers: { Cookie: 'a=b; django_language=en-us' } });
    assert.match(regional.body, /<html lang="en">/);

    const unknown = await send('/', { headers: { Cookie: 'django_language=xx' } });
    assert.match(unknown.body, /<html lang="fr">/);
  });

  test('has no inline script or style attribute, so the CSP blocks nothing of its own', async () => {
    for (const headers of [{}, { Cookie: decisionCookie() }]) {
      const { body } = await send('/', { headers });
      const scripts = [...body.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
      for (const attributes of scripts) {
        assert.match(attributes, /src=|type="application\/json"/, `inline script: ${attributes}`);
      }
      assert.doesNotMatch(body, /\sstyle=/);
    }
  });
});

describe('the banner rendered on the server', () => {
  test('is in the HTML of a visitor without a decision, in French, hydrated by hydrate.js', async () => {
    const { headers, body } = await send('/');
    assert.equal(shadowRoots(body), 1);
    assert.match(body, /<cookie-banner\s[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(body, /Vos choix en matière de cookies/);
    assert.match(body, /<!--lit-part-->Tout refuser/);
    // Lit's hydration, before the library, so that the element adopts this markup.
    const hydrate = body.indexOf('<script type="module" src="/dist/hydrate.js"></script>');
    assert.ok(hydrate > 0, 'hydrate.js is loaded');
    assert.ok(hydrate < body.indexOf('src="/dist/cookie-consent.js"'), 'before the library');
    // Its one <style> is inside its shadow root, allowed by its hash.
    assert.equal(body.match(/<style>/g).length, 1);
    const style = /<template shadowroot[^>]*><style>([\s\S]*?)<\/style>/.exec(body)[1];
    const hash = createHash('sha256').update(style).digest('base64');
    assert.equal(bannerStyleSource, `'sha256-${hash}'`);
    assert.equal(headers['content-security-policy'], SERVER_RENDERED_CSP);
  });

  test("speaks the visitor's django_language", async () => {
    const { body } = await send('/', { headers: { Cookie: 'django_language=en' } });
    assert.equal(shadowRoots(body), 1);
    assert.match(body, /<!--lit-part-->Reject all/);
    assert.doesNotMatch(body, /Tout refuser/);
  });

  test('is not in the HTML once a decision is in force, nor is hydrate.js', async () => {
    const cookie = `django_language=en; ${decisionCookie()}`;
    const { headers, body } = await send('/', { headers: { Cookie: cookie } });
    assert.equal(shadowRoots(body), 0);
    assert.doesNotMatch(body, /hydrate\.js|<style/);
    assert.match(body, /src="\/dist\/cookie-consent\.js"/);
    // The element is still there with its inventory, for the reopen link and the other elements.
    assert.deepEqual(JSON.parse(inlineJsonBlocks(body)[0]), demoInventory());
    assert.equal(headers['content-security-policy'], PAGE_CSP);
  });

  test('is in the HTML again for a decision of an older revision, or an expired one', async () => {
    const expired = new Date(Date.now() - 400 * 24 * 3600 * 1000).toISOString();
    for (const cookie of [
      decisionCookie({ revision: 0 }),
      decisionCookie({ timestamp: expired }),
    ]) {
      const { body } = await send('/', { headers: { Cookie: cookie } });
      assert.equal(shadowRoots(body), 1, cookie);
    }
  });
});

describe('embedded content', () => {
  test('keeps the seed inventory as it is and adds the media category after it', async () => {
    const inventory = await pageInventory();
    assert.equal(inventory.revision, SEED.revision);
    assert.deepEqual(inventory.categories.slice(0, SEED.categories.length), SEED.categories);
    assert.deepEqual(inventory.cookies.slice(0, SEED.cookies.length), SEED.cookies);
    assert.equal(SEED.vendors, undefined, "the seed has no vendors: they are the demo's");

    const added = inventory.categories.slice(SEED.categories.length);
    assert.deepEqual(
      added.map((category) => category.id),
      ['media'],
    );
    const [media] = added;
    assert.deepEqual(media.label, { fr: 'Contenus intégrés', en: 'Embedded content' });
    assert.equal(media.required, undefined);
    assert.ok(media.description.fr && media.description.en);
  });

  test('declares YouTube and OpenStreetMap as vendors of media, with their policies', async () => {
    const { vendors } = await pageInventory();
    assert.deepEqual(
      vendors.map(({ id, category, label }) => ({ id, category, label })),
      [
        { id: 'youtube', category: 'media', label: 'YouTube' },
        { id: 'openstreetmap', category: 'media', label: 'OpenStreetMap' },
      ],
    );
    for (const vendor of vendors) {
      assert.ok(vendor.description.fr && vendor.description.en, vendor.id);
      assert.match(vendor.policyHref, /^https:\/\//, vendor.id);
    }
    assert.equal(vendors[0].policyHref, 'https://policies.google.com/privacy');
    assert.equal(vendors[1].policyHref, 'https://osmfoundation.org/wiki/Privacy_Policy');
  });

  test("lists the providers' cookies and storage keys under their vendor", async () => {
    const inventory = await pageInventory();
    const vendorIds = new Set(inventory.vendors.map((vendor) => vendor.id));
    const media = inventory.cookies.slice(SEED.cookies.length);
    assert.ok(media.length > 0);
    for (const item of media) {
      assert.equal(item.category, 'media', item.name);
      assert.ok(vendorIds.has(item.vendor), `${item.name}: vendor ${item.vendor}`);
      for (const field of ['service', 'purpose', 'duration']) {
        assert.ok(item[field].fr && item[field].en, `${item.name}.${field}`);
      }
    }
    const storage = Object.fromEntries(media.map((item) => [item.name, item.storage ?? 'cookie']));
    assert.deepEqual(storage, {
      VISITOR_INFO1_LIVE: 'cookie',
      VISITOR_PRIVACY_METADATA: 'cookie',
      YSC: 'cookie',
      'yt-remote-*': 'localStorage',
      'ytidb::LAST_RESULT_ENTRY_KEY': 'localStorage',
    });
  });

  test('holds each embed in a <template> inside <cookie-embed vendor=…>', async () => {
    const { body } = await send('/');
    const embeds = cookieEmbeds(body);
    assert.deepEqual(
      embeds.map((embed) => embed.vendor),
      ['youtube', 'openstreetmap'],
    );
    for (const { vendor, inner } of embeds) {
      // Nothing but the template: the iframe is inert until the element copies it in.
      assert.match(inner, /^\s*<template><iframe [^>]*><\/iframe><\/template>\s*$/, vendor);
    }
    // No frame anywhere else on the page, nor inside the other elements.
    assert.equal(body.match(/<iframe\b/g).length, 2);
    assert.equal(body.match(/<template><iframe\b/g).length, 2);
  });

  test('embeds the YouTube video and the OpenStreetMap map with their attributes', async () => {
    const { body } = await send('/');
    const [video, map] = cookieEmbeds(body).map(({ inner }) =>
      attributesOf(inner.match(/<iframe\b[^>]*>/)[0]),
    );
    assert.equal(video.src, EMBEDS.video.src);
    assert.match(video.src, /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}$/);
    assert.equal(video.width, '560');
    assert.equal(video.height, '315');
    assert.equal(video.title, CONTENT.fr.embeds.videoFrameTitle);
    assert.match(video.allow, /encrypted-media/);
    assert.ok('allowfullscreen' in video);

    assert.equal(map.src, EMBEDS.map.src);
    assert.match(
      map.src,
      /^https:\/\/www\.openstreetmap\.org\/export\/embed\.html\?bbox=[-\d.,]+&layer=mapnik$/,
    );
    // As written in the page, the `&` of the query is escaped.
    assert.ok(body.includes('embed.html?bbox=2.2904,48.8413,2.3996,48.8788&amp;layer=mapnik'));
    assert.equal(map.width, String(EMBEDS.map.width));
    assert.equal(map.height, String(EMBEDS.map.height));
    assert.equal(map.title, CONTENT.fr.embeds.mapFrameTitle);
  });

  test('gives the embeds French or English texts with the page', async () => {
    const french = await send('/');
    assert.match(french.body, />Vidéo de présentation</);
    assert.match(french.body, />Carte</);
    const english = await send('/', { headers: { Cookie: 'django_language=en' } });
    assert.match(english.body, />Presentation video</);
    assert.match(english.body, />Map</);
    assert.ok(
      english.body.includes(`title="${escapeHtml(CONTENT.en.embeds.videoFrameTitle)}"`),
      'the English frame title',
    );
  });

  test('lets the CSP allow frames from exactly the two providers, and nothing else', async () => {
    const { headers, body } = await send('/');
    const directives = cspDirectives(headers['content-security-policy']);
    assert.deepEqual(directives, {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", bannerStyleSource],
      'frame-src': FRAME_ORIGINS,
    });
    for (const { inner } of cookieEmbeds(body)) {
      const { src } = attributesOf(inner.match(/<iframe\b[^>]*>/)[0]);
      assert.ok(FRAME_ORIGINS.includes(new URL(src).origin), src);
    }
  });

  test('escapes the texts it puts inside the templates', () => {
    const text = JSON.parse(JSON.stringify(CONTENT.fr));
    text.embeds.videoFrameTitle = '"><script src="/x.js"></script>';
    text.embeds.mapFrameTitle = "</template><img src=x onerror=alert(1)>'";
    const page = renderPage({ lang: 'fr', text, banner: '', serverRendered: false });
    assert.ok(!page.includes('<script src="/x.js">'));
    assert.ok(!page.includes('<img'));
    assert.ok(
      page.includes('title="&quot;&gt;&lt;script src=&quot;/x.js&quot;&gt;&lt;/script&gt;"'),
    );
    assert.ok(page.includes('title="&lt;/template&gt;&lt;img src=x onerror=alert(1)&gt;&#39;"'));
    assert.equal(cookieEmbeds(page).length, 2);
  });
});

describe('POST /i18n/setlang/', () => {
  test('sets a session language cookie and redirects to next', async () => {
    const res = await postSetLanguage({ language: 'en', next: '/' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/');
    assert.deepEqual(res.headers['set-cookie'], ['django_language=en; Path=/; SameSite=Lax']);
  });

  test('redirects to / when next is another site', async () => {
    for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'x']) {
      const res = await postSetLanguage({ language: 'fr', next });
      assert.equal(res.status, 302, next);
      assert.equal(res.headers.location, '/', next);
    }
  });

  test('keeps a same-site next with its query', async () => {
    const res = await postSetLanguage({ language: 'fr', next: '/?tab=2' });
    assert.equal(res.headers.location, '/?tab=2');
  });

  test('sets no cookie for an unsupported language, but still redirects', async () => {
    const res = await postSetLanguage({ language: 'xx', next: '/' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/');
    assert.equal(res.headers['set-cookie'], undefined);
  });
});

describe('static files', () => {
  test('serves the demo assets with a content type', async () => {
    const css = await send('/demo/demo.css');
    assert.equal(css.status, 200);
    assert.match(css.headers['content-type'], /^text\/css/);
    assert.equal(css.headers['cache-control'], 'no-store');

    const script = await send('/demo/stats.js');
    assert.equal(script.status, 200);
    assert.match(script.headers['content-type'], /^text\/javascript/);
  });

  test('refuses path traversal, encoded or not', async () => {
    for (const path of [
      '/dist/../package.json',
      '/demo/../package.json',
      '/demo/%2e%2e/package.json',
      '/demo/%2E%2E%2Fpackage.json',
      '/dist/..%5Cpackage.json',
    ]) {
      assert.equal((await send(path)).status, 404, path);
    }
  });

  test('does not serve the server sources or unknown paths', async () => {
    assert.equal((await send('/demo/server.mjs')).status, 404);
    assert.equal((await send('/package.json')).status, 404);
    assert.equal((await send('/nowhere')).status, 404);
  });
});

describe('page helpers', () => {
  test('inserted text is escaped', () => {
    assert.equal(
      escapeHtml(`<a href="x">'&'</a>`),
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
