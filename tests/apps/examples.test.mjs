// The framework examples as an integrator builds them: the package packed with
// `npm pack` (after `npm run build`), installed into a copy of each app with
// its own locked dependencies, type-checked (TypeScript strict; vue-tsc with
// strictTemplates; Angular's compiler with strictTemplates; astro check),
// built (Vite; Angular's esbuild builder; Astro: a Node server that renders
// the banner per request), then driven in Debian's Chromium. Needs the npm
// registry; run by `npm run test:apps` (and CI), not by `npm test`.
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { launchChromium } from '../e2e/browser.mjs';
import { serveStatic } from './serve-static.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cookie-consent-apps-'));
/**
 * Each example: the optional peers it needs beside the package (its own
 * package.json has those it needs anyway), and whether it is a server that
 * renders the banner in its HTML rather than files to serve.
 */
const EXAMPLES = {
  react: { peers: ['@lit/react@^1.0.8'] },
  vue: { peers: [] },
  svelte: { peers: [] },
  angular: { peers: [] },
  astro: { peers: [], server: true },
};
// Astro and Angular's CLI would otherwise try to send usage data from the build.
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NG_CLI_ANALYTICS: 'false' };
const npm = (args, cwd) =>
  promisify(execFile)('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });

/* global document -- in functions that run in the page */

let tarball;
let browser;
const servers = [];
const serverProcesses = [];
/** Each example's installation, under way. */
const installs = new Map();

before(async () => {
  await npm(['pack', '--pack-destination', work], root);
  tarball = join(
    work,
    readdirSync(work).find((name) => name.endsWith('.tgz')),
  );
  // Installing is mostly waiting on the disk: the examples install side by side, and build
  // one after the other. A failed install fails its example's tests, where it is awaited.
  for (const name of Object.keys(EXAMPLES)) {
    installs.set(name, installExample(name));
    installs.get(name).catch(() => {});
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  for (const child of serverProcesses) child.kill();
  rmSync(work, { recursive: true, force: true });
});

const appDir = (name) => join(work, name);

/** A port nobody listens on now. */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts a built Astro server (its Node adapter's entry), once it listens. */
async function startNodeServer(app) {
  const port = await freePort();
  const child = spawn('node', ['dist/server/entry.mjs'], {
    cwd: app,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  serverProcesses.push(child);
  // Its log is read for as long as it runs: "Server listening on http://127.0.0.1:<port>".
  await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes(`127.0.0.1:${port}`)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server stopped (${code}): ${output}`)));
  });
  return `http://127.0.0.1:${port}`;
}

/** Copies `examples/<name>` and installs its locked dependencies and the package. */
async function installExample(name) {
  const app = appDir(name);
  cpSync(join(root, 'examples', name), app, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|dist|\.astro)$/.test(source),
  });
  await npm(['ci'], app);
  // As a user installs it: the tarball, and the optional peers the app needs.
  await npm(['install', '--no-save', tarball, ...EXAMPLES[name].peers], app);
}

/** Builds `examples/<name>` once installed; serves its build. */
async function buildExample(name) {
  const app = appDir(name);
  await installs.get(name);
  await npm(['run', 'build'], app);
  if (EXAMPLES[name].server) return startNodeServer(app);
  const server = await serveStatic(join(app, 'dist'));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

/** Waits until the script has taken over the banner (adopted it, when the server rendered it). */
const bannerHydrated = (page) =>
  page.waitForFunction(() => document.querySelector('cookie-banner')?.hasUpdated === true);

for (const [name, { server }] of Object.entries(EXAMPLES)) {
  describe(`examples/${name}, built from the packed package`, () => {
    let origin;
    before(async () => {
      origin = await buildExample(name);
    });

    it('shows the banner, records "accept all", tells the app, and remembers it after a reload', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const events = [];
      page.on('console', (message) => events.push(message.text()));
      const response = await page.goto(`${origin}/`);
      if (server) {
        assert.match(await response.text(), /<cookie-banner[^>]*><template shadowroot/);
      }

      const banner = page.locator('cookie-banner [role="region"]');
      await banner.waitFor();
      await bannerHydrated(page);
      await page.getByRole('status').filter({ hasText: 'Statistics: asked' }).waitFor();
      // The table got its inventory as a property through the React component.
      await page.locator('cookie-table tbody tr', { hasText: '_pk_id.*' }).waitFor();

      await banner.getByRole('button', { name: 'Accept all' }).click();
      await page.getByRole('status').filter({ hasText: 'Statistics: granted' }).waitFor();
      assert.ok(events.includes('consent-change accept-all'), events.join('\n'));
      const cookie = (await context.cookies()).find(({ name }) => name === 'cookies_preferences');
      assert.ok(cookie, 'the decision cookie was written');

      const reloaded = await page.reload();
      if (server) assert.doesNotMatch(await reloaded.text(), /shadowroot/, 'no banner in the HTML');
      await page.getByRole('status').filter({ hasText: 'Statistics: granted' }).waitFor();
      await page.locator('cookie-table tbody tr').first().waitFor();
      assert.equal(await banner.count(), 0, 'no banner once decided');

      // The preferences open from the page's own button, with the stored choice.
      await page.getByRole('button', { name: 'Manage cookies' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      assert.equal(
        await dialog.getByRole('switch', { name: 'Statistics cookies' }).isChecked(),
        true,
      );
      assert.deepEqual(errors, []);
      await context.close();
    });

    it('speaks French to a visitor whose django_language is fr: the bundler kept the languages', async () => {
      const context = await browser.newContext();
      await context.addCookies([{ name: 'django_language', value: 'fr', url: origin }]);
      const page = await context.newPage();
      const failed = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      page.on('response', (response) => response.status() >= 400 && failed.push(response.url()));
      const response = await page.goto(`${origin}/`);
      if (server) assert.match(await response.text(), /Tout refuser/, 'rendered in French');
      await page
        .locator('cookie-banner [role="region"]')
        .getByRole('button', { name: 'Tout accepter' })
        .waitFor();
      assert.deepEqual(failed, []);
      await context.close();
    });
  });
}

// React's and Vue's examples hold their refused cases (`@ts-expect-error`,
// `@vue-expect-error`); Svelte's markup has no such comment, so they are
// written here into the built copy and must each fail svelte-check.
describe('the Svelte types', () => {
  it('refuse a wrong position, a string inventory and a handler of another event', () => {
    const app = appDir('svelte');
    writeFileSync(
      join(app, 'src/Refused.svelte'),
      [
        '<script lang="ts">const onKey = (event: KeyboardEvent) => event.key;</script>',
        '<cookie-banner position="left"></cookie-banner>',
        '<cookie-banner inventory="none"></cookie-banner>',
        '<cookie-banner onconsent-change={onKey}></cookie-banner>',
      ].join('\n'),
    );
    let output = '';
    try {
      execFileSync('npx', ['svelte-check', '--output', 'machine'], { cwd: app, encoding: 'utf8' });
    } catch (error) {
      output = String(error.stdout);
    }
    const errors = output.split('\n').filter((line) => line.includes(' ERROR '));
    assert.deepEqual(
      errors.map((line) => /"src\/Refused\.svelte" (\d+):/.exec(line)?.[1]),
      ['2', '3', '4'],
      output,
    );
  });
});
