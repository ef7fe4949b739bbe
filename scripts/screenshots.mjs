// `npm run screenshots`: pictures of the demo site to look at before a
// release: the README's screenshot (docs/screenshot.png), and the banner in
// French, English, Arabic and Polish, the dialog, the table, 320 px and dark
// in .tmp/screenshots/. Needs `npm run build` first.
import { mkdirSync } from 'node:fs';
import { startDemoServer } from '../demo/server.mjs';
import { launchChromium } from '../tests/e2e/browser.mjs';

const outDir = '.tmp/screenshots';
mkdirSync(outDir, { recursive: true });
const server = await startDemoServer({ port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

async function shoot(
  name,
  { language = 'fr', width = 1200, height = 760, dark = false, act } = {},
) {
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme: dark ? 'dark' : 'light',
  });
  await context.addCookies([{ name: 'django_language', value: language, url: origin }]);
  const page = await context.newPage();
  await page.goto(origin);
  await page.locator('cookie-banner [role="region"]').waitFor();
  await act?.(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: name.includes('/') ? name : `${outDir}/${name}.png` });
  await context.close();
}

try {
  await shoot('docs/screenshot.png');
  await shoot('banner-fr');
  await shoot('banner-en', { language: 'en' });
  await shoot('banner-ar', { language: 'ar' });
  await shoot('banner-pl', { language: 'pl' });
  await shoot('banner-320', { width: 320, height: 640 });
  await shoot('banner-dark', { dark: true });
  const openDialog = async (page) => {
    await page.locator('cookie-banner [part~="customise-button"]').click();
    await page.locator('cookie-preferences dialog[open]').waitFor();
  };
  await shoot('dialog-fr', { act: openDialog, height: 900 });
  await shoot('dialog-ar', { language: 'ar', act: openDialog, height: 900 });
  await shoot('dialog-320', { width: 320, height: 640, act: openDialog });
  await shoot('table-en', {
    language: 'en',
    act: (page) => page.locator('#charte cookie-table').first().scrollIntoViewIfNeeded(),
  });
  console.log(`Screenshots in ${outDir}/ and docs/screenshot.png`);
} finally {
  await browser.close();
  server.close();
}
