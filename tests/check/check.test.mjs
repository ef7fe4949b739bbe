// cookie-consent-check against the demo and against fixture sites with one fault each, in
// Chromium, with no network: the "third party" is a second local origin. Needs `npm run build`
// (the pages load dist/, the check reads lib/); `npm test` does it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CHROMIUM_PATH } from '../../scripts/browsers.mjs';
import { startDemoServer } from '../../demo/server.mjs';
import { CheckError, launchBrowser } from '../../check/browser.mjs';
import {
  declaredDays,
  formatDays,
  isThirdParty,
  lifetimeMatches,
  requestedDays,
  scriptOf,
  siteOf,
} from '../../check/classify.mjs';
import { parseOptions } from '../../check/cli.mjs';
import { formatReport } from '../../check/report.mjs';
import { checkSites } from '../../check/run.mjs';
import { startFixtures } from './fixtures.mjs';

const BIN = fileURLToPath(new URL('../../bin/cookie-consent-check.mjs', import.meta.url));
const ENV = { ...process.env, COOKIE_CONSENT_CHECK_CHROMIUM: CHROMIUM_PATH };
const execute = promisify(execFile);

/** Runs the command; resolves with its exit code and output. */
async function cli(...args) {
  try {
    const { stdout, stderr } = await execute(process.execPath, [BIN, ...args], { env: ENV });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

/** Ports change from run to run; the documentation shows 8000 and 9000. */
export const normalisePorts = (text) =>
  text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:8000').replace(/localhost:\d+/g, 'localhost:9000');

describe('what the check decides', () => {
  it('reads declared durations, structured or in words', () => {
    assert.equal(declaredDays({ days: 30 }), 30);
    assert.equal(declaredDays({ fr: '2 semaines', en: '2 weeks' }), 14);
    assert.equal(declaredDays({ fr: 'Session', en: 'Session' }), 'session');
    assert.equal(declaredDays('1 an'), 365);
    assert.equal(Math.round(declaredDays({ en: '13 months' })), 396);
    assert.equal(declaredDays({ fr: "Jusqu'à suppression", en: 'Until deleted' }), undefined);
  });

  it('compares lifetimes within 10 %, and sessions apart', () => {
    assert.equal(lifetimeMatches(declaredDays('6 mois'), 182), true);
    assert.equal(lifetimeMatches(30, 365), false);
    assert.equal(lifetimeMatches('session', 1), false);
    assert.equal(lifetimeMatches(undefined, 1), undefined);
  });

  it('reads the lifetime a cookie asks for', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(requestedDays('a=1; Path=/; Max-Age=86400', now), 1);
    assert.equal(requestedDays('a=1; expires=Sat, 03 Jan 2026 00:00:00 GMT', now), 2);
    assert.equal(requestedDays('a=1; Path=/', now), 'session');
    assert.equal(formatDays(761), '25 months');
  });

  it('tells third parties from the site, and the script from a stack', () => {
    assert.equal(siteOf('www.example.org'), 'example.org');
    assert.equal(isThirdParty('https://cdn.example.org/a.js', 'https://www.example.org/'), false);
    assert.equal(isThirdParty('http://localhost:9000/t.js', 'http://127.0.0.1:8000/'), true);
    assert.equal(
      isThirdParty('https://cdn.other.net/a.js', 'https://example.org/', ['cdn.other.net']),
      false,
    );
    assert.equal(
      scriptOf('Error\n    at set (<anonymous>:3:9)\n    at http://127.0.0.1:8000/s.js:1:17'),
      'http://127.0.0.1:8000/s.js:1:17',
    );
  });

  it('refuses wrong options with a reason', () => {
    assert.throws(() => parseOptions(['--max-pages', 'x', 'http://a/']), CheckError);
    assert.throws(() => parseOptions(['--header', 'nocolon', 'http://a/']), /Name: value/);
    assert.throws(() => parseOptions(['--frobnicate']), CheckError);
    assert.deepEqual(parseOptions(['http://a/', '--header', 'X-A: b']).headers, { 'X-A': 'b' });
  });
});

describe('cookie-consent-check in Chromium', () => {
  let browser;
  let fixtures;
  let demo;
  let demoOrigin;

  before(async () => {
    process.env.COOKIE_CONSENT_CHECK_CHROMIUM = CHROMIUM_PATH;
    browser = await launchBrowser();
    fixtures = await startFixtures();
    demo = await startDemoServer({ port: 0 });
    demoOrigin = `http://127.0.0.1:${demo.address().port}`;
  });

  after(async () => {
    await browser?.close();
    fixtures?.close();
    demo?.close();
  });

  const check = (path, options) => checkSites(browser, [`${fixtures.origin}${path}`], options);
  const codes = (report) => report.pages.flatMap((page) => page.findings.map((f) => f.code));
  const messages = (report) => report.pages.flatMap((page) => page.findings.map((f) => f.message));

  it('passes the demo site', async () => {
    const report = await checkSites(browser, [`${demoOrigin}/`]);
    assert.deepEqual(messages(report), []);
    assert.equal(report.ok, true);
    // "Accept all" let the statistics cookie in, declared.
    assert.ok(report.pages[0].observed.accept.items.some((item) => item.name === 'demo_stats'));
  });

  it('passes a clean fixture', async () => {
    const report = await check('/clean/');
    assert.deepEqual(messages(report), []);
  });

  const faults = [
    {
      path: '/tracker-before-consent/',
      codes: ['request-before-consent', 'request-after-reject'],
      message:
        /^a request to the third party localhost:\d+ before any choice \(http:\/\/localhost:\d+\/tracker\.js\)$/,
    },
    {
      path: '/cookie-before-consent/',
      codes: ['item-before-consent', 'item-after-reject'],
      message:
        /^cookie "fx_early" \(domain 127\.0\.0\.1, path \/, 12 months\) is declared in "statistics", which needs consent, and is there before any choice, set by http:\/\/127\.0\.0\.1:\d+\/static\/early\.js:1:\d+$/,
    },
    {
      path: '/undeclared-after-accept/',
      codes: ['undeclared'],
      message:
        /^cookie "fx_undeclared" \(domain 127\.0\.0\.1, path \/, 1 day\) is not in the inventory, set by http:\/\/127\.0\.0\.1:\d+\/static\/undeclared\.js:1:\d+$/,
    },
    {
      path: '/missing-reject/',
      codes: ['no-reject-button'],
      message: /^the banner's first layer has no visible "reject all" button$/,
    },
    {
      path: '/long-decision/',
      // The decision cookie is also declared for 6 months.
      codes: ['decision-lifetime', 'lifetime-mismatch', 'decision-lifetime'],
      message:
        /^the decision cookie "cookies_preferences" lives 25 months \(761 days\) \(the browser keeps it 13 months\), set by Set-Cookie of http:\/\/127\.0\.0\.1:\d+\/long-decision\/: at most 13 months are allowed$/,
    },
    {
      path: '/storage-before-consent/',
      codes: ['item-before-consent', 'item-after-reject'],
      message:
        /^localStorage key "fx_visitor" \(http:\/\/127\.0\.0\.1:\d+\) is declared in "statistics", which needs consent, and is there before any choice, set by http:\/\/127\.0\.0\.1:\d+\/static\/visitor\.js:1:\d+$/,
    },
    {
      path: '/resets-after-withdrawal/',
      codes: ['kept-after-withdrawal'],
      message:
        /^cookie "fx_stats" \(domain 127\.0\.0\.1, path \/, 30 days\) of "statistics" was set again after consent was withdrawn, by http:\/\/127\.0\.0\.1:\d+\/static\/sticky\.js:\d+:\d+$/,
    },
  ];
  for (const fault of faults) {
    it(`fails ${fault.path.slice(1, -1).replaceAll('-', ' ')} with the right message`, async () => {
      const report = await check(fault.path);
      assert.equal(report.ok, false);
      assert.deepEqual(codes(report), fault.codes, messages(report).join('\n'));
      assert.ok(
        messages(report).some((message) => fault.message.test(message)),
        messages(report).join('\n'),
      );
    });
  }

  it('sends --cookie and --header, and leaves the given cookie out of the findings', async () => {
    const report = await check('/private/', {
      cookies: ['sessionid=abc'],
      headers: { 'X-Fixture': 'yes' },
    });
    assert.deepEqual(messages(report), []);
    await assert.rejects(check('/private/'), /could not load .*: the server answered 403/);
  });

  it('follows links on the same site up to --max-pages', async () => {
    const report = await check('/clean/', { maxPages: 2 });
    assert.deepEqual(
      report.pages.map((page) => new URL(page.url).pathname),
      ['/clean/', '/clean/cookies/'],
    );
  });

  it('times out cleanly', async () => {
    await assert.rejects(
      check('/slow/', { timeout: 1000 }),
      (error) => error instanceof CheckError && /timed out after 1 s/.test(error.message),
    );
  });

  it('shows the sample report of docs/consent-check.md, as the check prints it', async () => {
    const report = await check('/cookie-before-consent/');
    const docs = await readFile(new URL('../../docs/consent-check.md', import.meta.url), 'utf8');
    const sample = /<!-- sample report -->\n+```text\n([\s\S]*?)```/.exec(docs)?.[1];
    assert.ok(sample, 'a ```text block after <!-- sample report --> in docs/consent-check.md');
    assert.equal(normalisePorts(formatReport(report)), sample);
  });
});

/**
 * The arguments of every `npx cookie-consent-check …` line of a document (quotes removed, a
 * redirection left out).
 */
function commands(document) {
  const text = readFileSync(new URL(`../../${document}`, import.meta.url), 'utf8');
  return [...text.matchAll(/npx cookie-consent-check (.*)/g)].map(([, rest]) => {
    const words = rest.match(/"[^"]*"|[^\s"]+/g).map((word) => word.replace(/^"|"$/g, ''));
    const redirect = words.indexOf('>');
    return redirect < 0 ? words : words.slice(0, redirect);
  });
}

describe('the command line', () => {
  let fixtures;
  let directory;

  before(async () => {
    fixtures = await startFixtures();
    directory = await mkdtemp(join(tmpdir(), 'consent-check-'));
  });

  after(async () => {
    fixtures?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('exits with 1 on a violation, with the report and what to fix', async () => {
    const { code, stdout } = await cli(`${fixtures.origin}/missing-reject/`);
    assert.equal(code, 1);
    assert.match(stdout, /✗ the banner's first layer has no visible "reject all" button/);
    assert.match(stdout, /fix: put a "reject all" button on the first layer/);
  });

  it('prints JSON, writes an inventory skeleton, and exits with 0 when clean', async () => {
    const out = join(directory, 'inventory.json');
    const { code, stdout } = await cli(
      `${fixtures.origin}/undeclared-after-accept/`,
      '--json',
      '--inventory-out',
      out,
    );
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.equal(report.pages[0].findings[0].code, 'undeclared');
    const skeleton = JSON.parse(await readFile(out, 'utf8'));
    assert.deepEqual(
      skeleton.cookies.find((entry) => entry.name === 'fx_undeclared'),
      {
        name: 'fx_undeclared',
        category: '',
        provider: '',
        purpose: '',
        duration: { days: 1 },
        party: 'first',
      },
    );
    const clean = await cli(`${fixtures.origin}/clean/`, '--json');
    assert.equal(clean.code, 0);
    assert.equal(JSON.parse(clean.stdout).ok, true);
  });

  it('runs the commands of the README against the demo, and knows those of the docs', async () => {
    const demo = await startDemoServer({ port: 0 });
    try {
      const origin = `http://127.0.0.1:${demo.address().port}`;
      for (const line of commands('README.md')) {
        const args = line.map((arg) =>
          arg
            .replace('http://127.0.0.1:8000', origin)
            .replace('inventory.json', join(directory, 'readme.json')),
        );
        const { code, stdout } = await cli(...args);
        assert.equal(code, 0, `${line.join(' ')}:\n${stdout}`);
      }
      assert.ok(JSON.parse(await readFile(join(directory, 'readme.json'), 'utf8')).cookies);
    } finally {
      demo.close();
    }
    const documented = commands('docs/consent-check.md');
    assert.ok(documented.length >= 3, `found ${documented.length}`);
    for (const line of documented) assert.ok(parseOptions(line).urls.length > 0, line.join(' '));
  });

  it('exits with 2 and says why when it cannot run', async () => {
    const unreachable = await cli('http://127.0.0.1:9/');
    assert.equal(unreachable.code, 2);
    assert.match(
      unreachable.stderr,
      /the check could not run: could not load http:\/\/127\.0\.0\.1:9\//,
    );
    const usage = await cli();
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /no URL to check/);
  });
});
