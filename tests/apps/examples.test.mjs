// The framework examples as an integrator builds them: the package packed with
// `npm pack` (after `npm run build`), installed into a copy of each app with
// its own locked dependencies, type-checked (TypeScript strict; vue-tsc with
// strictTemplates), built by Vite, then driven in Debian's Chromium. Needs the
// npm registry; run by `npm run test:apps` (and CI), not by `npm test`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/browser.mjs';
import { serveStatic } from './serve-static.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cookie-consent-apps-'));
/** Each example, and the optional peers it needs beside the package. */
const EXAMPLES = { react: ['@lit/react@^1.0.8'], vue: [], svelte: [] };
const npm = (args, cwd) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });

let tarball;
let browser;
const servers = [];

before(async () => {
  npm(['pack', '--pack-destination', work], root);
  tarball = join(
    work,
    readdirSync(work).find((name) => name.endsWith('.tgz')),
  );
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  rmSync(work, { recursive: true, force: true });
});

const appDir = (name) => join(work, name);

/** Copies, installs and builds `examples/<name>`; serves its build. */
async function buildExample(name) {
  const app = appDir(name);
  cpSync(join(root, 'examples', name), app, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|dist)$/.test(source),
  });
  npm(['ci'], app);
  // As a user installs it: the tarball, and the optional peers the app needs.
  npm(['install', '--no-save', tarball, ...EXAMPLES[name]], app);
  npm(['run', 'build'], app);
  const server = await serveStatic(join(app, 'dist'));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

for (const name of Object.keys(EXAMPLES)) {
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
      await page.goto(`${origin}/`);

      const banner = page.locator('cookie-banner [role="region"]');
      await banner.waitFor();
      await page.getByRole('status').filter({ hasText: 'Statistics: asked' }).waitFor();
      // The table got its inventory as a property through the React component.
      await page.locator('cookie-table tbody tr', { hasText: '_pk_id.*' }).waitFor();

      await banner.getByRole('button', { name: 'Accept all' }).click();
      await page.getByRole('status').filter({ hasText: 'Statistics: granted' }).waitFor();
      assert.ok(events.includes('consent-change accept-all'), events.join('\n'));
      const cookie = (await context.cookies()).find(({ name }) => name === 'cookies_preferences');
      assert.ok(cookie, 'the decision cookie was written');

      await page.reload();
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
      await page.goto(`${origin}/`);
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
