// The benchmark's web server: Node's `http` on 127.0.0.1, serving the measured pages, our
// build (dist/), vanilla-cookieconsent's and Klaro's (their packages' dist/) and
// tarteaucitron's package folder (its script loads its language, services and styles from it). Every
// file is read into memory when the server starts: the runs then get the same bytes even if
// someone rebuilds dist/ meanwhile, and a disk read never shows up in a measure. Nothing is
// compressed on the wire (compressed sizes are computed by the benchmark itself), nothing may
// be cached.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  COOKIE_LIST_LIBRARIES,
  INVENTORIES,
  LANGUAGES,
  LIBRARIES,
  SERVER_RENDERED_INVENTORY,
} from './inventory.mjs';
import { KLARO_DIR, TARTEAUCITRON_DIR, VANILLA_DIR, renderPage } from './pages.mjs';

const REPO_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DIST_DIR = join(REPO_DIR, 'dist');
export const VANILLA_DIST_DIR = join(REPO_DIR, 'node_modules', 'vanilla-cookieconsent', 'dist');
const KLARO_DIST_DIR = join(REPO_DIR, 'node_modules', 'klaro', 'dist');
const TARTEAUCITRON_PACKAGE_DIR = join(REPO_DIR, 'node_modules', 'tarteaucitronjs');

const CONTENT_TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** The files of one root folder, as `urlPrefix + path relative to root`. */
function readRoot(root, urlPrefix) {
  const files = new Map();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (extname(name) in CONTENT_TYPES) {
        const urlPath = urlPrefix + relative(root, path).split(sep).join('/');
        files.set(urlPath, { type: CONTENT_TYPES[extname(name)], body: readFileSync(path) });
      }
    }
  };
  walk(root);
  return files;
}

/**
 * The URL of a measured page: `/ours/fr/standard/`, `/server/fr/standard/`, `/vanilla/en/large/`,
 * `/empty/fr/`.
 */
export function pagePath({ widget, lang, inventory }) {
  return widget === 'empty' ? `/empty/${lang}/` : `/${widget}/${lang}/${inventory}/`;
}

/** Every page, rendered once: they depend only on the variant. */
function renderPages() {
  const pages = new Map();
  const html = (variant) => ({
    type: CONTENT_TYPES['.html'],
    body: Buffer.from(renderPage(variant), 'utf8'),
  });
  for (const lang of LANGUAGES) {
    pages.set(pagePath({ widget: 'empty', lang }), html({ widget: 'empty', lang }));
    for (const [name, build] of Object.entries(INVENTORIES)) {
      const inventory = build();
      const widgets = name === 'standard' ? LIBRARIES : COOKIE_LIST_LIBRARIES;
      for (const widget of widgets) {
        const variant = { widget, lang, inventory: name };
        pages.set(pagePath(variant), html({ widget, lang, inventory }));
      }
      if (name === SERVER_RENDERED_INVENTORY) {
        const variant = { widget: 'server', lang, inventory: name };
        pages.set(pagePath(variant), html({ widget: 'server', lang, inventory }));
      }
    }
  }
  return pages;
}

/**
 * Starts the server on a free port of 127.0.0.1.
 * @returns {Promise<{ server: import('node:http').Server, origin: string, files: Map<string, {type: string, body: Buffer}> }>}
 */
export async function startBenchServer() {
  const files = new Map([
    ...renderPages(),
    ...readRoot(DIST_DIR, '/dist/'),
    ...readRoot(VANILLA_DIST_DIR, VANILLA_DIR),
    ...readRoot(KLARO_DIST_DIR, KLARO_DIR),
    ...readRoot(TARTEAUCITRON_PACKAGE_DIR, TARTEAUCITRON_DIR),
  ]);
  const server = createServer((req, res) => {
    // Only exact paths of the table above are served: no file system access per request.
    const path = (req.url ?? '/').split('?')[0];
    const file = files.get(path);
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': file.type,
      'Content-Length': file.body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', resolveListen);
  });
  return { server, origin: `http://127.0.0.1:${server.address().port}`, files };
}
