// Sites with one fault each for the tests of cookie-consent-check, served from two local origins:
// the site on 127.0.0.1, its "third party" on localhost (another site for the browser), both on
// ports of their own. Nothing leaves the machine.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const BASE_INVENTORY = {
  revision: 1,
  categories: [
    { id: 'necessary', required: true, label: 'Necessary' },
    { id: 'statistics', label: 'Statistics' },
  ],
  cookies: [
    { name: 'cookies_preferences', category: 'necessary', duration: { months: 6 } },
    { name: 'fx_stats', category: 'statistics', duration: { days: 30 } },
    { name: 'fx_early', category: 'statistics', duration: { years: 1 } },
    { name: 'fx_visitor', category: 'statistics', storage: 'localStorage' },
  ],
};

/** The site's scripts: what each fixture adds to the page runs from here. */
const SCRIPTS = {
  // The audience measurement every fixture holds back until "statistics" is granted.
  'stats.js': "document.cookie = 'fx_stats=1; Path=/; Max-Age=2592000; SameSite=Lax';\n",
  // Sets a declared statistics cookie at once, without waiting for consent.
  'early.js': "document.cookie = 'fx_early=1; Path=/; Max-Age=31536000; SameSite=Lax';\n",
  // Writes a declared statistics key of localStorage at once.
  'visitor.js': "localStorage.setItem('fx_visitor', String(Math.random()));\n",
  // A cookie the inventory does not list, once statistics are granted.
  'undeclared.js': "document.cookie = 'fx_undeclared=1; Path=/; Max-Age=86400; SameSite=Lax';\n",
  // Keeps its cookie whatever happens: withdrawing consent removes it, the script puts it back.
  'sticky.js': [
    'const keep = () => {',
    "  if (!document.cookie.includes('fx_stats=')) {",
    "    document.cookie = 'fx_stats=1; Path=/; Max-Age=2592000; SameSite=Lax';",
    '  }',
    '};',
    'keep();',
    'setInterval(keep, 100);',
    '',
  ].join('\n'),
};

/**
 * The fixtures: what each adds to the clean page. `THIRD` stands for the third party's origin.
 * @type {Record<string, { head?: string, body?: string, statistics?: string }>}
 */
export const FIXTURES = {
  clean: {},
  'tracker-before-consent': { body: '<script src="THIRD/tracker.js"></script>' },
  'cookie-before-consent': { body: '<script src="/static/early.js"></script>' },
  'undeclared-after-accept': { statistics: 'undeclared.js' },
  'missing-reject': {
    head: '<style>cookie-banner::part(reject-button) { display: none; }</style>',
  },
  // The server re-issues the decision cookie for 25 months (fixtureServer below).
  'long-decision': {},
  'storage-before-consent': { body: '<script src="/static/visitor.js"></script>' },
  'resets-after-withdrawal': { statistics: 'sticky.js' },
};

const TWENTY_FIVE_MONTHS = Math.round(25 * 30.44 * 24 * 60 * 60);

function page(name, third) {
  const fixture = FIXTURES[name] ?? {};
  const statistics = fixture.statistics ?? 'stats.js';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Fixture ${name}</title>
    <script type="module" src="/dist/cookie-consent.js"></script>
    ${(fixture.head ?? '').replaceAll('THIRD', third)}
  </head>
  <body>
    <h1>${name}</h1>
    <cookie-banner>
      <script type="application/json">${JSON.stringify(BASE_INVENTORY)}</script>
    </cookie-banner>
    <a href="/${name}/cookies/" data-cookie-preferences>Manage cookies</a>
    <script type="text/plain" data-consent-category="statistics" src="/static/${statistics}"></script>
    ${(fixture.body ?? '').replaceAll('THIRD', third)}
  </body>
</html>
`;
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Starts the site and its third party. `/<fixture>/` is a fixture's page (and
 * `/<fixture>/cookies/` another page of it); `/private/` answers only with the `sessionid=abc`
 * cookie and the `X-Fixture: yes` header; `/slow/` never answers.
 */
export async function startFixtures() {
  const thirdParty = await listen(
    createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end('// A tracker.\n');
    }),
  );
  const third = `http://localhost:${thirdParty.address().port}`;
  const site = await listen(
    createServer(async (request, response) => {
      const { pathname } = new URL(request.url, 'http://127.0.0.1');
      const cookies = request.headers.cookie ?? '';
      if (pathname.startsWith('/dist/')) {
        const file = normalize(join(DIST, pathname.slice('/dist/'.length)));
        if (!file.startsWith(DIST) || extname(file) !== '.js') return notFound(response);
        try {
          const body = await readFile(file);
          response.writeHead(200, { 'content-type': 'text/javascript' });
          return response.end(body);
        } catch {
          return notFound(response);
        }
      }
      if (pathname.startsWith('/static/')) {
        const script = SCRIPTS[pathname.slice('/static/'.length)];
        if (!script) return notFound(response);
        response.writeHead(200, { 'content-type': 'text/javascript' });
        return response.end(script);
      }
      if (pathname === '/slow/') return; // Never answers.
      if (pathname === '/private/') {
        if (!/(^|; )sessionid=abc(;|$)/.test(cookies) || request.headers['x-fixture'] !== 'yes') {
          response.writeHead(403, { 'content-type': 'text/plain' });
          return response.end('Forbidden');
        }
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end(page('clean', third));
      }
      const name = pathname.split('/')[1];
      if (!(name in FIXTURES)) return notFound(response);
      const headers = { 'content-type': 'text/html; charset=utf-8' };
      const decision = /(?:^|; )cookies_preferences=([^;]*)/.exec(cookies)?.[1];
      if (name === 'long-decision' && decision) {
        // "Extends" the visitor's decision on every visit, for 25 months.
        headers['set-cookie'] =
          `cookies_preferences=${decision}; Path=/; Max-Age=${TWENTY_FIVE_MONTHS}; SameSite=Lax`;
      }
      response.writeHead(200, headers);
      response.end(page(name, third));
    }),
  );
  return {
    origin: `http://127.0.0.1:${site.address().port}`,
    third,
    close() {
      for (const server of [site, thirdParty]) {
        server.closeAllConnections();
        server.close();
      }
    },
  };
}

function notFound(response) {
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('Not found');
}
