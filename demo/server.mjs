// The demo server behind `npm start`: Node's `http` only, so the demo needs nothing beyond the
// build. It plays the part of a Django site: the page language comes from the django_language
// cookie, and POST /i18n/setlang/ behaves like django.views.i18n.set_language. A visitor with no
// decision in force gets the banner in the HTML, rendered by cookie-consent-elements/server.

import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { URLSearchParams, fileURLToPath } from 'node:url';
import { bannerStyleSource, needsDecision, renderBanner } from 'cookie-consent-elements/server';
import { CONTENT, DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from './content.mjs';
import { renderPage } from './page.mjs';

const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_DIR = resolve(DEMO_DIR, '..');
const DIST_DIR = join(REPO_DIR, 'dist');
const BUNDLE_PATH = join(DIST_DIR, 'cookie-consent.js');
const SEED_INVENTORY_PATH = join(DEMO_DIR, 'seed-inventory.json');
// What the demo adds to the seed: the embedded content (a video, a map) and its vendors.
const MEDIA_INVENTORY_PATH = join(DEMO_DIR, 'media-inventory.json');

const LANGUAGE_COOKIE = 'django_language';
const DECISION_COOKIE = 'cookies_preferences';
/**
 * Frames only from the two providers of the embedded content, once the visitor allows them; the
 * styles of a banner rendered on the server are inline, allowed by their hash.
 */
function pagePolicy(serverRendered) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    serverRendered ? `style-src 'self' ${bannerStyleSource}` : "style-src 'self'",
    'frame-src https://www.youtube-nocookie.com https://www.openstreetmap.org',
  ].join('; ');
}
const MAX_FORM_BYTES = 16 * 1024;

// Only these extensions are served, which also keeps the server's own .mjs sources private.
const CONTENT_TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const STATIC_ROOTS = [
  { prefix: '/dist/', dir: DIST_DIR },
  { prefix: '/demo/', dir: DEMO_DIR },
];

/** Thrown when the bundle is missing, so the command line can say what to run. */
export class MissingBuildError extends Error {}

// ---- Language, as Django resolves it ------------------------------------------------------

/**
 * The supported code a language code stands for, like Django's get_supported_language_variant:
 * case and `_` do not matter, and a regional variant falls back to its language (`en-us` → `en`).
 * @returns {string | undefined} undefined when the code matches no supported language.
 */
export function supportedLanguageVariant(code) {
  if (typeof code !== 'string' || !/^[a-z]{1,8}(?:[-_][a-z0-9]{1,8})*$/i.test(code)) {
    return undefined;
  }
  const normalised = code.toLowerCase().replace(/_/g, '-');
  if (SUPPORTED_LANGUAGES.includes(normalised)) return normalised;
  const generic = normalised.split('-')[0];
  return SUPPORTED_LANGUAGES.includes(generic) ? generic : undefined;
}

/** Cookie values by name; the first of two same-named cookies wins, as browsers send the most specific first. */
function parseCookies(header = '') {
  const cookies = {};
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    const name = pair.slice(0, separator).trim();
    if (!name || name in cookies) continue;
    try {
      cookies[name] = decodeURIComponent(pair.slice(separator + 1).trim());
    } catch {
      // A malformed value is skipped, as if the cookie were absent.
    }
  }
  return cookies;
}

/** Every raw value of cookie `name`: one per path and domain it was set for. */
function cookieValues(header = '', name) {
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
}

function pageLanguage(req) {
  const cookieLanguage = parseCookies(req.headers.cookie)[LANGUAGE_COOKIE];
  return supportedLanguageVariant(cookieLanguage) ?? DEFAULT_LANGUAGE;
}

/**
 * Whether `next` may be a redirect target: a path on this site. `//host` and `/\host` are
 * other sites to a browser, and control or non-ASCII characters have no place in a Location.
 */
export function isSafeRedirectPath(next) {
  return (
    typeof next === 'string' &&
    /^\/(?![/\\])/.test(next) &&
    /^[\x21-\x7e]*$/.test(next) &&
    !next.includes('\\')
  );
}

// ---- Responses -----------------------------------------------------------------------------

function sendText(res, status, text, headers = {}) {
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendBody(res, contentType, body, headers = {}) {
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length, ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

const notFound = (res) => sendText(res, 404, 'Not found');

function methodNotAllowed(res, allowed) {
  sendText(res, 405, 'Method not allowed', { Allow: allowed });
}

function isReadMethod(method) {
  return method === 'GET' || method === 'HEAD';
}

// ---- Routes --------------------------------------------------------------------------------

/**
 * The page in the visitor's language, with the banner rendered in it when the visitor has no
 * decision in force (a millisecond's work, so it is done per request).
 */
function servePage(req, res, inventory) {
  if (!isReadMethod(req.method)) return methodNotAllowed(res, 'GET, HEAD');
  const lang = pageLanguage(req);
  const decisionCookie = cookieValues(req.headers.cookie, DECISION_COOKIE);
  const serverRendered = needsDecision(inventory, decisionCookie);
  const banner = renderBanner({ inventory, language: lang, decisionCookie, policyHref: '#charte' });
  const page = renderPage({ lang, text: CONTENT[lang], banner, serverRendered });
  sendBody(res, 'text/html; charset=utf-8', Buffer.from(page, 'utf8'), {
    'Content-Security-Policy': pagePolicy(serverRendered),
    'Content-Language': lang,
    Vary: 'Cookie',
  });
}

function readForm(req) {
  return new Promise((resolveForm, rejectForm) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      // Past the limit, keep draining the body but drop it, so the 413 can still be sent.
      if (size <= MAX_FORM_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_FORM_BYTES) rejectForm(new RangeError('form too large'));
      else resolveForm(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', rejectForm);
  });
}

/**
 * django.views.i18n.set_language: a POST sets the language cookie when the language is
 * supported, then both POST and GET redirect to `next` if it is a path on this site, else to /.
 * LANGUAGE_COOKIE_AGE is None in Django's defaults, hence a session cookie (no Max-Age).
 */
async function setLanguage(req, res, query) {
  if (!isReadMethod(req.method) && req.method !== 'POST') {
    return methodNotAllowed(res, 'GET, HEAD, POST');
  }
  let form = query;
  if (req.method === 'POST') {
    try {
      form = await readForm(req);
    } catch {
      return sendText(res, 413, 'Form too large');
    }
  }
  const next = form.get('next');
  const headers = { Location: isSafeRedirectPath(next) ? next : '/', 'Content-Length': 0 };
  const language =
    req.method === 'POST' ? supportedLanguageVariant(form.get('language')) : undefined;
  if (language) headers['Set-Cookie'] = `${LANGUAGE_COOKIE}=${language}; Path=/; SameSite=Lax`;
  res.writeHead(302, headers);
  res.end();
}

/**
 * The file a /dist/ or /demo/ URL names, or undefined when it must not be served: `..` or
 * dot-files (encoded or not), backslashes, NUL, or a path that would leave the folder anyway.
 */
function staticFilePath(root, rawRelativePath) {
  let relativePath;
  try {
    relativePath = decodeURIComponent(rawRelativePath);
  } catch {
    return undefined;
  }
  const segments = relativePath.split('/');
  const unsafe = segments.some((segment) => segment === '' || segment.startsWith('.'));
  if (unsafe || /[\\\0]/.test(relativePath)) return undefined;
  if (!(extname(relativePath) in CONTENT_TYPES)) return undefined;
  const filePath = resolve(root, relativePath);
  return filePath.startsWith(root + sep) ? filePath : undefined;
}

async function serveStatic(req, res, root, rawRelativePath) {
  if (!isReadMethod(req.method)) return methodNotAllowed(res, 'GET, HEAD');
  const filePath = staticFilePath(root, rawRelativePath);
  if (!filePath) return notFound(res);
  try {
    if (!(await stat(filePath)).isFile()) return notFound(res);
    sendBody(res, CONTENT_TYPES[extname(filePath)], await readFile(filePath));
  } catch {
    notFound(res);
  }
}

async function handleRequest(req, res, inventory) {
  // The demo is for watching the library change: never let a browser keep an old copy.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');

  // The raw path, not a URL-normalised one: `/dist/../x` must be seen and refused as it came.
  const rawUrl = req.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const rawPath = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = new URLSearchParams(queryStart < 0 ? '' : rawUrl.slice(queryStart + 1));

  if (rawPath === '/') return servePage(req, res, inventory);
  if (rawPath === '/i18n/setlang/') return setLanguage(req, res, query);
  const staticRoot = STATIC_ROOTS.find(({ prefix }) => rawPath.startsWith(prefix));
  if (staticRoot)
    return serveStatic(req, res, staticRoot.dir, rawPath.slice(staticRoot.prefix.length));
  return notFound(res);
}

// ---- Start ---------------------------------------------------------------------------------

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/**
 * The inventory the demo serves: the seed's as it is, followed by the demo's embedded content
 * (its categories, vendors and cookies come after the seed's).
 */
export function demoInventory() {
  const seed = readJson(SEED_INVENTORY_PATH);
  const media = readJson(MEDIA_INVENTORY_PATH);
  return {
    ...seed,
    categories: [...seed.categories, ...media.categories],
    vendors: [...(seed.vendors ?? []), ...media.vendors],
    cookies: [...(seed.cookies ?? []), ...media.cookies],
  };
}

/**
 * Starts the demo server.
 * @param {{ port?: number | string, host?: string, requireDist?: boolean }} [options]
 *   `port` defaults to $PORT or 8000 (0 picks a free port); `requireDist: false` lets tests run
 *   without the script bundle (the banner's server render, lib/server.js, is imported anyway).
 * @returns {Promise<import('node:http').Server>} the server, once it is listening.
 * @throws {MissingBuildError} when dist/cookie-consent.js is missing and required.
 */
export async function startDemoServer({
  port = process.env.PORT ?? 8000,
  host = '127.0.0.1',
  requireDist = true,
} = {}) {
  if (requireDist && !existsSync(BUNDLE_PATH)) {
    throw new MissingBuildError(
      'dist/cookie-consent.js is missing: run `npm run build` first (`npm start` does it).',
    );
  }
  const inventory = demoInventory();
  const server = createServer((req, res) => {
    handleRequest(req, res, inventory).catch((error) => {
      console.error(error);
      if (!res.headersSent) sendText(res, 500, 'Internal server error');
      else res.destroy();
    });
  });
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(Number(port), host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  return server;
}

function isRunDirectly() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isRunDirectly()) {
  const host = '127.0.0.1';
  try {
    const server = await startDemoServer({ host });
    console.log(`Demo: http://${host}:${server.address().port}/`);
  } catch (error) {
    console.error(
      error instanceof MissingBuildError ? error.message : `Demo server: ${error.message}`,
    );
    process.exit(1);
  }
}
