// What the check prints: a report for people, grouped by page and step with what to fix, and
// the inventory skeleton of `--inventory-out`.
import { classify } from './classify.mjs';
import { STEPS } from './run.mjs';

const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;

function itemsSummary(items = []) {
  const cookies = items.filter((item) => item.kind === 'cookie').length;
  return `${plural(cookies, 'cookie')}, ${plural(items.length - cookies, 'storage key')}`;
}

function hostsSummary(requests = {}) {
  const hosts = Object.keys(requests);
  return hosts.length === 0 ? 'no third party contacted' : `third parties: ${hosts.join(', ')}`;
}

/** What a clean step saw, in one line. */
function cleanLine(step, observed) {
  switch (step) {
    case 'before':
    case 'reject':
      return `${itemsSummary(observed[step]?.items)}, all in required categories; no request to a third party`;
    case 'accept':
      return `${itemsSummary(observed.accept?.items)}, all declared, with their declared lifetimes; ${hostsSummary(observed.accept?.requests)}`;
    case 'withdraw':
      return 'nothing of a withdrawn category left';
    case 'banner':
      return '"reject all" beside "accept all" and alike; closing records no consent; the decision kept at most 13 months; the preferences reopen';
    default:
      return undefined;
  }
}

/** The report for a terminal. */
export function formatReport(report) {
  const lines = [];
  const checked = report.pages.filter((page) => !page.skipped).length;
  lines.push(
    `cookie-consent-check: ${plural(checked, 'page')} checked, ${
      report.ok ? 'no violation' : plural(report.violations, 'violation')
    }`,
  );
  for (const page of report.pages) {
    lines.push('');
    if (page.skipped) {
      lines.push(`- ${page.url}: not checked (${page.skipped})`);
      continue;
    }
    lines.push(
      `${page.findings.length === 0 ? '✓' : '✗'} ${page.url}: ${
        page.findings.length === 0 ? 'no violation' : plural(page.findings.length, 'violation')
      }`,
    );
    for (const [step, title] of Object.entries(STEPS)) {
      const findings = page.findings.filter((finding) => finding.step === step);
      const clean = cleanLine(step, page.observed);
      if (findings.length === 0 && (!clean || !page.observed.inventory)) continue;
      lines.push(`  ${title}`);
      if (findings.length === 0) lines.push(`    ✓ ${clean}`);
      for (const finding of findings) {
        lines.push(`    ✗ ${finding.message}`);
        lines.push(`      fix: ${finding.fix}`);
      }
    }
  }
  if (!report.ok) {
    lines.push('');
    lines.push(
      'Violations are what CNIL checks in a browser: fix them, then run the check again ' +
        '(--json gives the same findings to a program).',
    );
  }
  return lines.join('\n') + '\n';
}

function partyOf(item, pageUrl) {
  if (item.kind !== 'cookie')
    return new URL(item.origin).host === new URL(pageUrl).host ? 'first' : 'third';
  const domain = item.domain.replace(/^\./, '');
  const host = new URL(pageUrl).hostname;
  return host === domain || host.endsWith(`.${domain}`) ? 'first' : 'third';
}

/**
 * An inventory to complete from what the check saw: the categories and cookies already
 * declared, and every item it met that is not, with its category and purpose left empty.
 */
export function inventorySkeleton(report) {
  const pages = report.pages.filter((page) => !page.skipped);
  const declared = pages.find((page) => page.observed.inventory)?.observed.inventory;
  const skeleton = {
    revision: declared?.revision ?? 1,
    categories: declared?.categories ?? [
      { id: 'necessary', required: true, label: '' },
      { id: 'statistics', label: '' },
    ],
    ...(declared?.vendors ? { vendors: declared.vendors } : {}),
    cookies: [...(declared?.cookies ?? [])],
  };
  const known = new Set(
    skeleton.cookies.map((entry) => `${entry.storage ?? 'cookie'} ${entry.name}`),
  );
  for (const page of pages) {
    for (const step of ['before', 'reject', 'accept']) {
      for (const item of page.observed[step]?.items ?? []) {
        const key = `${item.kind} ${item.name}`;
        if (known.has(key) || classify(declared, item.kind, item.name).status !== 'undeclared') {
          continue;
        }
        known.add(key);
        const days = item.requestedDays ?? item.days;
        skeleton.cookies.push({
          name: item.name,
          category: '',
          ...(item.kind === 'cookie' ? {} : { storage: item.kind }),
          provider: '',
          purpose: '',
          ...(item.kind === 'cookie'
            ? { duration: days === 'session' ? 'session' : { days: Math.round(days) } }
            : {}),
          party: partyOf(item, page.url),
        });
      }
    }
  }
  return skeleton;
}
