// The Django app's server-rendered banner, pre-rendered once per language at
// wheel build time (django/setup.py runs this), since Django cannot run Node
// per request:
//
//   node scripts/prerender-django-banner.mjs <directory>
//
// writes <directory>/<language>.html, the banner's declarative shadow root
// (`renderBannerShadowRoot` of lib/server.js, after `npm run build`) for each
// language of the elements, <directory>/<language>.gpc.html, the same with
// the note that Global Privacy Control is honoured (for a request that sends
// `Sec-GPC: 1` to a site whose inventory marks something `gpc`), and <directory>/style-source.txt, the CSP source
// of its <style> (`bannerStyleSource`), and <directory>/labels.json, the
// elements' name for the preferences (the floating button's, `reopen.label`)
// in each language, which the app's "manage cookies" link takes. What Django
// fills in per request is a
// placeholder (PLACEHOLDERS below, read by the app's server_banner.py): the
// markup itself is the element's, never a copy written by hand.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Attribute values made of letters and underscores only: they come out of Lit's escaping as they went in. */
export const PLACEHOLDERS = {
  decisionAction: '__COOKIE_CONSENT_DECISION_ACTION__',
  csrfToken: '__COOKIE_CONSENT_CSRF_TOKEN__',
  policyHref: '__COOKIE_CONSENT_POLICY_HREF__',
  position: '__COOKIE_CONSENT_POSITION__',
};

/** English (built in) and every language dist/locales holds. */
function languages() {
  const files = readdirSync(join(ROOT, 'dist', 'locales'));
  const locales = files
    .filter((name) => name.endsWith('.js') && !name.endsWith('.details.js'))
    .map((name) => name.slice(0, -'.js'.length));
  return ['en', ...locales].sort();
}

/** The XML text `text` stands for. */
function xmlText(text) {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name) => {
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name];
  });
}

/**
 * The text of trans-unit `id` in each language: English from the source of
 * the first file, every other language from its own target.
 */
function translations(id, codes) {
  const texts = {};
  for (const code of codes) {
    const file = code === 'en' ? codes.find((other) => other !== 'en') : code;
    const xliff = readFileSync(join(ROOT, 'locales', `${file}.xlf`), 'utf8');
    const unit = xliff.match(
      new RegExp(`<trans-unit id="${id.replace('.', '\\.')}">([\\s\\S]*?)</trans-unit>`),
    );
    const text = unit?.[1].match(
      code === 'en' ? /<source>([^<]*)<\/source>/ : /<target>([^<]*)<\/target>/,
    );
    if (!text) throw new Error(`${code}: no text for ${id}`);
    texts[code] = xmlText(text[1]);
  }
  return texts;
}

export async function prerender(directory) {
  const server = await import(pathToFileURL(join(ROOT, 'lib', 'server.js')).href);
  // The shadow root does not depend on the inventory's content: only on
  // whether there is one, and on the options below.
  const necessary = { id: 'necessary', required: true, label: 'necessary' };
  const inventory = { categories: [necessary] };
  // With the note: what matters is only that something is marked for the signal.
  const gpcInventory = { categories: [necessary, { id: 'ads', label: 'ads', gpc: true }] };
  mkdirSync(directory, { recursive: true });
  const written = [];
  for (const language of languages()) {
    const root = server.renderBannerShadowRoot({ inventory, language, ...PLACEHOLDERS });
    const gpcRoot = server.renderBannerShadowRoot({
      inventory: gpcInventory,
      language,
      globalPrivacyControl: true,
      ...PLACEHOLDERS,
    });
    for (const [name, placeholder] of Object.entries(PLACEHOLDERS)) {
      if (!root.includes(placeholder) || !gpcRoot.includes(placeholder)) {
        throw new Error(`${language}: no placeholder for ${name}`);
      }
    }
    if (!gpcRoot.includes('part="gpc"')) throw new Error(`${language}: no GPC note`);
    writeFileSync(join(directory, `${language}.html`), root);
    writeFileSync(join(directory, `${language}.gpc.html`), gpcRoot);
    written.push(language);
  }
  writeFileSync(join(directory, 'style-source.txt'), server.bannerStyleSource);
  const labels = translations('reopen.label', written);
  writeFileSync(join(directory, 'labels.json'), `${JSON.stringify(labels, null, 1)}\n`);
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [directory] = process.argv.slice(2);
  if (!directory) {
    console.error('usage: node scripts/prerender-django-banner.mjs <directory>');
    process.exit(2);
  }
  const written = await prerender(directory);
  console.log(`${written.length} languages pre-rendered into ${directory}`);
}
