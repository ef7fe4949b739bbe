// The command line of `cookie-consent-check`: its options, its output and its exit codes
// (0 clean, 1 a violation, 2 the check could not run).
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CheckError, launchBrowser } from './browser.mjs';
import { formatReport, inventorySkeleton } from './report.mjs';
import { checkSites } from './run.mjs';

export const USAGE = `Usage: cookie-consent-check <url> [more urls] [options]

Checks in Chromium what each page stores and requests before any choice, after "reject all"
and after "accept all", against the inventory its consent elements hold, and its banner.

Options:
  --max-pages <n>          check up to n pages, following links on the same site (default: the URLs given)
  --cookie <name=value>    send this cookie (e.g. a session, for a logged-in area); repeatable
  --header <Name: value>   send this HTTP header; repeatable
  --first-party <host>     count this host as the site's own (a CDN of the site); repeatable
  --timeout <seconds>      the longest a page may take to load (default: 30)
  --json                   print the findings as JSON
  --inventory-out <file>   write what was seen as an inventory to complete
  -h, --help               show this help

Exit code: 0 when clean, 1 on a violation, 2 when the check could not run.
Chromium: COOKIE_CONSENT_CHECK_CHROMIUM, else Playwright's, else the system's.
`;

const OPTIONS = {
  'max-pages': { type: 'string' },
  cookie: { type: 'string', multiple: true },
  header: { type: 'string', multiple: true },
  'first-party': { type: 'string', multiple: true },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  'inventory-out': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** The options of a command line; throws CheckError on a wrong one. */
export function parseOptions(args) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CheckError(error.message);
  }
  const { values, positionals } = parsed;
  const number = (name, text) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) {
      throw new CheckError(`--${name} takes a positive number, not: ${text}`);
    }
    return value;
  };
  const headers = {};
  for (const header of values.header ?? []) {
    const separator = header.indexOf(':');
    if (separator <= 0) throw new CheckError(`--header takes "Name: value", not: ${header}`);
    headers[header.slice(0, separator).trim()] = header.slice(separator + 1).trim();
  }
  for (const cookie of values.cookie ?? []) {
    if (cookie.indexOf('=') <= 0) throw new CheckError(`--cookie takes name=value, not: ${cookie}`);
  }
  const maxPages = number('max-pages', values['max-pages']);
  const timeout = number('timeout', values.timeout);
  return {
    help: values.help === true,
    urls: positionals,
    json: values.json === true,
    inventoryOut: values['inventory-out'],
    maxPages: maxPages === undefined ? undefined : Math.floor(maxPages),
    cookies: values.cookie ?? [],
    headers,
    firstParty: values['first-party'] ?? [],
    timeout: timeout === undefined ? undefined : timeout * 1000,
  };
}

/** A progress line on stderr: rewritten in place on a terminal, one line per step elsewhere. */
function progressLine(stream) {
  let last = '';
  const show = (text) => {
    if (stream.isTTY) {
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[K${text.slice(0, width)}`);
    } else if (text.split(' ')[1] !== last.split(' ')[1]) {
      // In CI, one line per page.
      stream.write(`checking ${text.split(' ').slice(0, 2).join(' ')}\n`);
    }
    last = text;
  };
  show.done = () => {
    if (stream.isTTY && last) stream.write('\r\x1b[K');
  };
  return show;
}

/** Runs the command; resolves with its exit code. */
export async function main(args, { stdout = process.stdout, stderr = process.stderr } = {}) {
  let options;
  try {
    options = parseOptions(args);
  } catch (error) {
    stderr.write(`cookie-consent-check: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    stdout.write(USAGE);
    return 0;
  }
  if (options.urls.length === 0) {
    stderr.write(`cookie-consent-check: no URL to check\n\n${USAGE}`);
    return 2;
  }
  const progress = progressLine(stderr);
  let browser;
  let report;
  try {
    browser = await launchBrowser();
    report = await checkSites(browser, options.urls, { ...options, onProgress: progress });
  } catch (error) {
    progress.done();
    const why = error instanceof CheckError ? error.message : (error.stack ?? String(error));
    if (options.json) stdout.write(`${JSON.stringify({ ok: false, error: why }, null, 2)}\n`);
    stderr.write(`cookie-consent-check: the check could not run: ${why}\n`);
    return 2;
  } finally {
    await browser?.close().catch(() => {});
  }
  progress.done();
  if (options.inventoryOut) {
    await writeFile(
      options.inventoryOut,
      `${JSON.stringify(inventorySkeleton(report), null, 2)}\n`,
    );
  }
  stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.ok ? 0 : 1;
}
