// Tests of the demo server, run with `node --test demo/`. No build is needed: the server starts
// with requireDist: false on a free port. Requests go through node:http rather than fetch,
// because fetch normalises `..` and `%2e%2e` away before they reach the server.

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { URLSearchParams } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { escapeHtml, jsonForScriptBlock } from './page.mjs';
import { startDemoServer } from './server.mjs';

const INVENTORY_COOKIES = ['sessionid', 'django_language', 'csrftoken', 'cookies_preferences'];

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

describe('GET /', () => {
  test('serves the page in French by default, under the CSP', async () => {
    const res = await send('/');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/html/);
    assert.equal(
      res.headers['content-security-policy'],
      "default-src 'self'; script-src 'self'; style-src 'self'",
    );
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /<html lang="fr">/);
    assert.match(res.body, /Charte cookies/);
    assert.match(res.body, /<cookie-table category="necessary">/);
    assert.match(res.body, /<cookie-table category="statistics">/);
  });

  test('gives every element the inventory as valid JSON with the seed cookies', async () => {
    const { body } = await send('/');
    const blocks = inlineJsonBlocks(body);
    // banner, preferences and two tables
    assert.equal(blocks.length, 4);
    for (const block of blocks) {
      assert.ok(!block.includes('</'), 'a `</` inside the block must be escaped as `<\\/`');
      const inventory = JSON.parse(block);
      assert.equal(inventory.revision, 1);
      const names = inventory.cookies.map((cookie) => cookie.name);
      for (const name of INVENTORY_COOKIES) assert.ok(names.includes(name), name);
    }
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
    const { body } = await send('/');
    const scripts = [...body.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    for (const attributes of scripts) {
      assert.match(attributes, /src=|type="application\/json"/, `inline script: ${attributes}`);
    }
    assert.doesNotMatch(body, /\sstyle=|<style/);
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
  test('inline JSON cannot end its script block, and still parses to the same value', () => {
    const value = { text: '</script><script>alert(1)</script><!-- x -->' };
    const json = jsonForScriptBlock(value);
    assert.ok(json.includes('<\\/script>'));
    assert.ok(!json.includes('</') && !json.includes('<!--'));
    assert.deepEqual(JSON.parse(json), value);
  });

  test('inserted text is escaped', () => {
    assert.equal(
      escapeHtml(`<a href="x">'&'</a>`),
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
