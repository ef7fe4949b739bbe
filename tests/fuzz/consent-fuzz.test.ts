/**
 * Random inventories, decision cookies, attributes and API call sequences,
 * thrown at the real elements and API in the browser. What must hold whatever
 * comes in:
 *
 * - nothing escapes into the page: no uncaught error, no unhandled rejection,
 *   and no API call throws;
 * - nothing is granted without a decision that granted it (required
 *   categories and their vendors aside);
 * - a decision, once taken, is read back the same by a fresh store on the
 *   same cookie, until a later decision or a reset replaces it.
 *
 * Runs are bounded and seeded: a failure prints the seed and the path that
 * fast-check needs to replay it (`fc.assert(…, { seed, path })`).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/index.js';
import {
  acceptAll,
  getConsent,
  hasConsent,
  rejectAll,
  resetConsent,
  saveConsent,
  setInventory,
  type ConsentDetail,
  type CookieInventory,
} from '../../src/index.js';
import { consentStore } from '../../src/consent/registry.js';
import { captureConsole } from '../support/console.js';
import { deleteCookie } from '../support/cookies.js';
import { ConsentStore } from '../../src/consent/store.js';

const SEED = 20261201;

// ---------------------------------------------------------------------------
// What the page sees going wrong.

const uncaught: string[] = [];
function onError(event: ErrorEvent): void {
  uncaught.push(`error: ${event.message}`);
}
function onRejection(event: PromiseRejectionEvent): void {
  uncaught.push(`unhandled rejection: ${String(event.reason)}`);
}

/** Runs `action` with the library's console reports muted: hostile input makes many. */
async function quietly<T>(action: () => T | Promise<T>): Promise<T> {
  let result!: T;
  await captureConsole(async () => {
    result = await action();
  });
  return result;
}

/** Calls the API; a throw is a failure of the property, named after the call. */
function call<T>(what: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new Error(`${what} threw ${String(error)}`);
  }
}

let nameCount = 0;
function freshCookieName(): string {
  nameCount += 1;
  return `fz${nameCount}_${Math.random().toString(36).slice(2, 7)}`;
}

// ---------------------------------------------------------------------------
// Strings and values: ordinary, hostile and huge.

const weirdString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '',
    ' ',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '<script>alert(1)</script>',
    '</script><!--',
    '"; Path=/x',
    'a;b=c',
    '%',
    '%E0%A4%A',
    '%7B%22categories%22',
    '\u202eevil',
    '\ud800',
    'javascript:alert(1)',
    'x'.repeat(5000),
  ),
);

const idPool = ['necessary', 'statistics', 'marketing', 'media', 'youtube', 'maps'] as const;

/** Ids the checks accept, ordinary or not: `constructor` is a valid id, and a trap for `{}`. */
const id = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...idPool) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty') },
  {
    weight: 1,
    arbitrary: fc
      .string({ minLength: 1, maxLength: 6 })
      .filter((value) => /^\S+$/.test(value) && value !== '__proto__'),
  },
  { weight: 1, arbitrary: fc.constant('long-'.repeat(60)) },
);

/** Any id at all, for calls and choices: also `__proto__`, empty and spaced ones. */
const anyId = fc.oneof({ weight: 4, arbitrary: id }, { weight: 1, arbitrary: weirdString });

/** A text the checks accept: some text, in one language or several. */
const nonEmpty = weirdString.filter((value) => value.trim() !== '');
const text = fc.oneof(nonEmpty, fc.record({ en: nonEmpty, fr: nonEmpty }));

const safeHref = fc.constantFrom(
  '/policy',
  'policy.html',
  '#cookies',
  'https://example.com/privacy',
  '//example.com/',
);

const href = fc.oneof(
  safeHref,
  fc.constantFrom(
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'http://[',
  ),
  weirdString,
);

const flag = fc.oneof(fc.boolean(), fc.constantFrom('true', 1, 0, null, 'yes'));

/** A record whose `__proto__` is an own key, as JSON.parse makes it. */
function withOwnProto<T extends object>(value: T, protoValue: unknown): T {
  // A computed key defines an own property, where `__proto__:` would set the prototype.
  return JSON.parse(JSON.stringify({ ...value, ['__proto__']: protoValue })) as T;
}

// ---------------------------------------------------------------------------
// Inventories.

interface InventoryShape {
  categories: { id: string; required: boolean; gpc: boolean; label: unknown }[];
  vendors: { id: string; category: string; gpc: boolean; policyHref?: unknown; label: unknown }[];
  cookies: { name: string; category: string; vendor?: string; storage?: unknown }[];
  revision: unknown;
}

/** An inventory that passes the checks, or nearly: ids may repeat or be hostile. */
const validInventory: fc.Arbitrary<CookieInventory> = fc
  .record({
    categoryIds: fc.uniqueArray(id, { minLength: 1, maxLength: 5 }),
    required: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    gpc: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    vendorIds: fc.uniqueArray(id, { maxLength: 4 }),
    vendorGpc: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    vendorCategory: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    policyHref: fc.option(safeHref, { nil: undefined }),
    label: text,
    revision: fc.oneof(fc.constantFrom(0, 1, '2026-01'), fc.nat(5), fc.constantFrom('', 'v1')),
    cookieCount: fc.nat(4),
    storage: fc.option(fc.constantFrom('cookie', 'localStorage', 'sessionStorage'), {
      nil: undefined,
    }),
  })
  .map((spec) => {
    const shape: InventoryShape = {
      revision: spec.revision,
      categories: spec.categoryIds.map((categoryId, index) => ({
        id: categoryId,
        required: spec.required[index],
        gpc: spec.gpc[index],
        label: index === 0 ? spec.label : categoryId,
      })),
      vendors: spec.vendorIds
        .filter((vendorId) => !spec.categoryIds.includes(vendorId))
        .map((vendorId, index) => ({
          id: vendorId,
          category: spec.categoryIds[spec.vendorCategory[index] % spec.categoryIds.length],
          gpc: spec.vendorGpc[index],
          label: vendorId,
          ...(spec.policyHref === undefined ? {} : { policyHref: spec.policyHref }),
        })),
      cookies: [],
    };
    for (let index = 0; index < spec.cookieCount; index++) {
      const vendor = shape.vendors[index % Math.max(shape.vendors.length, 1)];
      shape.cookies.push({
        name: `c${index}`,
        category: vendor?.category ?? shape.categories[0].id,
        ...(vendor ? { vendor: vendor.id } : {}),
        ...(spec.storage === undefined ? {} : { storage: spec.storage }),
      });
    }
    const inventory: Record<string, unknown> = {
      revision: shape.revision,
      categories: shape.categories,
      cookies: shape.cookies,
    };
    if (shape.vendors.length > 0) inventory.vendors = shape.vendors;
    // Through JSON, as a page's <script type="application/json"> gives it:
    // a `__proto__` id is then an own key, not the prototype.
    return JSON.parse(JSON.stringify(inventory)) as CookieInventory;
  });

/**
 * A wide inventory: up to 40 categories with ids of up to 120 characters,
 * whose decision makes a cookie of several kilobytes.
 */
const wideInventory: fc.Arbitrary<CookieInventory> = fc
  .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 120 }))
  .map(([count, length]) => ({
    revision: 1,
    categories: Array.from({ length: count }, (_, index) => ({
      id: `${index}-`.padEnd(length, 'x'),
      label: `Category ${index}`,
    })),
    cookies: [],
  }));

/** An object nested `depth` levels deep. */
function nested(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let level = 0; level < depth; level++) value = { categories: [value] };
  return value;
}

/** Anything at all where an inventory is expected. */
const anyInventory: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: validInventory },
  {
    weight: 1,
    arbitrary: validInventory.map((inventory) =>
      withOwnProto(inventory, { categories: [{ id: 'x', required: true }] }),
    ),
  },
  {
    weight: 1,
    arbitrary: validInventory.map((inventory) => {
      const cyclic = { ...inventory } as Record<string, unknown>;
      cyclic.self = cyclic;
      return cyclic;
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      categories: fc.array(
        fc.record(
          { id: fc.anything(), required: flag, gpc: flag, label: fc.anything() },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      cookies: fc.oneof(fc.anything(), fc.array(fc.anything(), { maxLength: 3 })),
      vendors: fc.oneof(fc.anything(), fc.array(fc.anything(), { maxLength: 3 })),
      revision: fc.anything(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(validInventory, fc.constantFrom('__proto__', '', 'a b'), href, fc.anything())
      .map(([inventory, badId, badHref, anything]) => {
        const spoilt = JSON.parse(JSON.stringify(inventory)) as Record<string, unknown>;
        const categories = spoilt.categories as Record<string, unknown>[];
        categories.push({ id: badId, label: 'Bad' });
        spoilt.vendors = [{ id: 'v', category: categories[0].id, policyHref: badHref }];
        (spoilt.cookies as unknown[]).push({ name: 'x', category: badId, storage: anything });
        return spoilt;
      }),
  },
  {
    weight: 1,
    arbitrary: validInventory.map(
      (inventory) =>
        new Proxy(
          // fast-check prints a counterexample through this method, not the getter.
          Object.assign(inventory, {
            [fc.toStringMethod]: () => 'Proxy(inventory whose cookies getter throws)',
          }),
          {
            get(target, key) {
              if (key === 'cookies') throw new Error('hostile getter');
              return Reflect.get(target, key);
            },
          },
        ),
    ),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(1, 100, 5000).map(nested) },
);

// ---------------------------------------------------------------------------
// What a decision grants, by the documented rules.

function requiredIds(inventory: CookieInventory | undefined): Set<string> {
  const ids = new Set<string>();
  for (const category of inventory?.categories ?? []) {
    if (category.required === true) ids.add(category.id);
  }
  for (const vendor of inventory?.vendors ?? []) {
    if (ids.has(vendor.category)) ids.add(vendor.id);
  }
  return ids;
}

function itemIds(inventory: CookieInventory | undefined): string[] {
  return [
    ...(inventory?.categories ?? []).map((category) => category.id),
    ...(inventory?.vendors ?? []).map((vendor) => vendor.id),
  ];
}

function own(record: Readonly<Record<string, unknown>> | undefined, key: string): unknown {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

type Choices = Pick<ConsentDetail, 'categories' | 'vendors'>;

/** Whether `detail` says that `itemId` is granted. */
function grantedIn(detail: Choices | undefined, itemId: string): boolean {
  return own(detail?.categories, itemId) === true || own(detail?.vendors, itemId) === true;
}

/**
 * Whether `saveConsent(choices)` may grant `itemId`: named `true`; a vendor not
 * named, whose category is named `true`; a category whose vendors all may be.
 */
function saveMayGrant(
  inventory: CookieInventory,
  choices: Readonly<Record<string, unknown>>,
  itemId: string,
): boolean {
  const named = own(choices, itemId);
  if (named === true) return true;
  const vendor = inventory.vendors?.find((candidate) => candidate.id === itemId);
  if (vendor) return named === undefined && own(choices, vendor.category) === true;
  const vendors = (inventory.vendors ?? []).filter((candidate) => candidate.category === itemId);
  return vendors.length > 0 && vendors.every((each) => saveMayGrant(inventory, choices, each.id));
}

/** The choices a store holds for each item of `inventory`, as `true` or not. */
function grants(decision: Choices | undefined, inventory: CookieInventory): string[] {
  return itemIds(inventory).filter((itemId) => grantedIn(decision, itemId));
}

// ---------------------------------------------------------------------------
// API call sequences.

type Command =
  | { kind: 'acceptAll' }
  | { kind: 'rejectAll' }
  | { kind: 'resetConsent' }
  | { kind: 'saveConsent'; choices: Record<string, unknown> }
  | { kind: 'setInventory'; inventory: unknown }
  | { kind: 'hasConsent'; id: string }
  | { kind: 'getConsent' };

const choices = fc
  .dictionary(anyId, fc.oneof({ weight: 4, arbitrary: fc.boolean() }, flag), { maxKeys: 6 })
  .chain((record) =>
    fc.boolean().map((protoKey) => (protoKey ? withOwnProto(record, true) : record)),
  );

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constant({ kind: 'acceptAll' as const }),
  fc.constant({ kind: 'rejectAll' as const }),
  fc.constant({ kind: 'resetConsent' as const }),
  choices.map((value) => ({ kind: 'saveConsent' as const, choices: value })),
  anyInventory.map((inventory) => ({ kind: 'setInventory' as const, inventory })),
  anyId.map((value) => ({ kind: 'hasConsent' as const, id: value })),
  fc.constant({ kind: 'getConsent' as const }),
);

/** What the sequence decided last: nothing, a reset, or a decision and what may grant. */
interface Model {
  /** The last decision's detail; undefined before any, or after a reset. */
  decision?: ConsentDetail;
  /** Whether `itemId` may be granted by that decision. */
  mayGrant: (itemId: string) => boolean;
}

function checkNoGrantWithoutDecision(cookieName: string, model: Model, step: string): void {
  const inventory = consentStore(cookieName).inventory;
  const required = requiredIds(inventory);
  for (const itemId of itemIds(inventory)) {
    if (required.has(itemId)) continue;
    const granted = call(`hasConsent(${itemId})`, () => hasConsent(itemId, cookieName));
    if (!granted) continue;
    expect(
      model.decision !== undefined && grantedIn(model.decision, itemId) && model.mayGrant(itemId),
      `${step}: "${itemId}" is granted, but no decision granted it`,
    ).to.equal(true);
  }
  if (!model.decision) {
    expect(
      call('getConsent()', () => getConsent(cookieName)),
      `${step}: getConsent()`,
    ).to.equal(undefined);
  }
}

/** A fresh store on the same cookie, with the same inventory, reads the decision back. */
function checkReadBack(cookieName: string, model: Model, step: string): void {
  const inventory = consentStore(cookieName).inventory;
  if (!inventory) return;
  const fresh = call('new ConsentStore()', () => new ConsentStore(cookieName));
  call('ConsentStore.setInventory()', () => fresh.setInventory(inventory));
  const readBack = fresh.decision;
  if (!model.decision) {
    expect(readBack, `${step}: a decision read back after a reset`).to.equal(undefined);
    return;
  }
  const inForce = consentStore(cookieName).decision;
  // The decision may not be in force for a later inventory (another revision):
  // then neither store has it, which loses nothing.
  if (!inForce) {
    expect(readBack, `${step}: read back a decision the store does not hold`).to.equal(undefined);
    return;
  }
  // A decision larger than a cookie holds (name and value over 4096 bytes)
  // cannot be kept: the store says so in the console and keeps it for the
  // page. The estimate counts vendors as a map, more than the cookie's lists.
  const estimate = encodeURIComponent(JSON.stringify(inForce)).length + cookieName.length;
  if (readBack === undefined && estimate > 4096) {
    expect(consentStore(cookieName).decision?.id, `${step}: kept for the page`).to.equal(
      inForce.id,
    );
    return;
  }
  expect(readBack?.id, `${step}: the decision read back`).to.equal(inForce.id);
  expect(grants(readBack, inventory), `${step}: the choices read back`).to.deep.equal(
    grants(inForce, inventory),
  );
}

function runCommand(cookieName: string, next: Command, model: Model): Model {
  switch (next.kind) {
    case 'acceptAll': {
      const detail = call('acceptAll()', () => acceptAll(cookieName));
      return detail ? { decision: detail, mayGrant: () => true } : model;
    }
    case 'rejectAll': {
      const detail = call('rejectAll()', () => rejectAll(cookieName));
      return detail ? { decision: detail, mayGrant: () => false } : model;
    }
    case 'saveConsent': {
      const inventory = consentStore(cookieName).inventory;
      const detail = call('saveConsent()', () =>
        saveConsent(next.choices as Record<string, boolean>, cookieName),
      );
      if (!detail || !inventory) return model;
      return {
        decision: detail,
        mayGrant: (itemId) => saveMayGrant(inventory, next.choices, itemId),
      };
    }
    case 'resetConsent': {
      const detail = call('resetConsent()', () => resetConsent(cookieName));
      return detail ? { mayGrant: () => false } : model;
    }
    case 'setInventory':
      call('setInventory()', () => setInventory(next.inventory as CookieInventory, cookieName));
      return model;
    case 'hasConsent':
      call('hasConsent()', () => hasConsent(next.id, cookieName));
      return model;
    case 'getConsent':
      call('getConsent()', () => getConsent(cookieName));
      return model;
  }
}

// ---------------------------------------------------------------------------
// Decision cookies as a previous visit, another path, or an attacker left them.

const record = fc.record(
  {
    categories: fc.oneof(
      fc.dictionary(anyId, fc.oneof(fc.boolean(), flag), { maxKeys: 5 }),
      fc.anything({ maxDepth: 1 }),
    ),
    vendors: fc.oneof(fc.dictionary(anyId, fc.boolean(), { maxKeys: 3 }), fc.anything()),
    revision: fc.oneof(fc.nat(5), fc.constantFrom('2026-01', '', 'v1'), fc.anything()),
    timestamp: fc.oneof(
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.constantFrom(new Date().toISOString(), '2999-01-01T00:00:00.000Z', 'yesterday'),
      fc.anything(),
    ),
    id: fc.oneof(fc.uuid(), weirdString),
    gpc: fc.anything(),
  },
  { requiredKeys: [] },
);

/**
 * A record the store would take for an inventory of this file: it grants
 * everything, for a revision the inventories often have, decided a moment
 * ago or (a clock ahead, a forged copy) a moment from now.
 */
const plausibleRecord = fc.record({
  categories: fc.constant(Object.fromEntries(idPool.map((each) => [each, true]))),
  vendors: fc.constant(Object.fromEntries(idPool.map((each) => [each, true]))),
  revision: fc.constantFrom(0, 1, '2026-01'),
  timestamp: fc
    .integer({ min: -3600, max: 3600 })
    .map((seconds) => new Date(Date.now() + seconds * 1000).toISOString()),
  id: fc.uuid(),
});

/** A raw cookie value: a record encoded or not, nearly JSON, or noise. */
const cookieValue = fc.oneof(
  {
    weight: 3,
    arbitrary: plausibleRecord.map((value) => encodeURIComponent(JSON.stringify(value))),
  },
  record.map((value) => encodeURIComponent(JSON.stringify(value))),
  record.map((value) => JSON.stringify(value).replace(/[;,\s]/g, '')),
  record.map((value) => encodeURIComponent(JSON.stringify(value)).slice(0, -3)),
  record.map((value) => `${encodeURIComponent(JSON.stringify(value))}%`),
  record.map((value) => encodeURIComponent(`${JSON.stringify(value)},`)),
  fc.constantFrom('', '%', '%%', '%7B', '%E0%A4%A', 'null', '[]', '{}', 'true', '"x"'),
  fc.string({ maxLength: 30 }).map((value) => value.replace(/[;\s]/g, '')),
);

interface PlantedCookie {
  value: string;
  /** Set for the page's own path rather than `/`: a second copy of the name. */
  pagePath: boolean;
}

/** A page below the site's root, with its own copy of the store (fixtures/store-page.html). */
interface DeepPage {
  frame: HTMLIFrameElement;
  window: Window & { ConsentStore?: typeof ConsentStore };
  path: string;
}

async function loadDeepPage(): Promise<DeepPage> {
  const frame = document.createElement('iframe');
  const url = new URL('./fixtures/store-page.html', import.meta.url);
  frame.src = url.href;
  document.body.append(frame);
  const frameWindow = frame.contentWindow as DeepPage['window'];
  await waitUntil(() => frameWindow.ConsentStore, 'the page below the root loaded the store', {
    timeout: 15000,
  });
  return { frame, window: frameWindow, path: url.pathname.replace(/[^/]*$/, '') };
}

function plant(page: DeepPage, name: string, cookies: readonly PlantedCookie[]): void {
  for (const { value, pagePath } of cookies) {
    page.window.document.cookie = `${name}=${value}; Path=${pagePath ? page.path : '/'}; SameSite=Lax`;
  }
}

function deleteEveryCopy(page: DeepPage, name: string): void {
  for (const path of ['/', page.path]) {
    page.window.document.cookie = `${name}=; Path=${path}; Max-Age=0`;
  }
}

/** Every id some planted value grants (`true` in its categories or vendors), whatever its shape. */
function plantedGrants(cookies: readonly PlantedCookie[]): Set<string> {
  const ids = new Set<string>();
  for (const { value } of cookies) {
    for (const decode of [(raw: string) => decodeURIComponent(raw), (raw: string) => raw]) {
      try {
        const parsed = JSON.parse(decode(value)) as Record<string, unknown>;
        for (const field of ['categories', 'vendors']) {
          const choices = own(parsed, field);
          if (choices && typeof choices === 'object') {
            for (const [key, granted] of Object.entries(choices))
              if (granted === true) ids.add(key);
          }
        }
      } catch {
        // Not JSON this way: it grants nothing.
      }
    }
  }
  return ids;
}

// ---------------------------------------------------------------------------
// Attributes.

const cookieName = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'a;b',
      'a=b',
      'a b',
      '__Host-consent',
      '__Secure-consent',
      'é',
      '__proto__',
      'constructor',
      'x'.repeat(300),
    ),
  },
  { weight: 1, arbitrary: weirdString },
);

interface ElementSpec {
  tag: 'cookie-banner' | 'cookie-preferences' | 'cookie-table' | 'cookie-embed';
  attributes: Record<string, string | undefined>;
  inventory: unknown;
  open: boolean;
  click: 'accept-button' | 'reject-button' | 'load-button' | 'none';
}

const elementSpec: fc.Arbitrary<ElementSpec> = fc.record({
  tag: fc.constantFrom('cookie-banner', 'cookie-preferences', 'cookie-table', 'cookie-embed'),
  attributes: fc.record(
    {
      'cookie-name': cookieName,
      'policy-href': href,
      position: fc.oneof(fc.constantFrom('top', 'bottom', 'left'), weirdString),
      category: anyId,
      vendor: anyId,
      'language-cookie': fc.oneof(fc.constantFrom('django_language', ''), weirdString),
      'reopen-button': fc.constantFrom('', 'false'),
      'show-duration': fc.constant(''),
      'show-storage': fc.constant(''),
      caption: weirdString,
      lang: fc.constantFrom('fr', 'ar', 'xx', ''),
    },
    { requiredKeys: [] },
  ),
  inventory: anyInventory,
  open: fc.boolean(),
  click: fc.constantFrom('accept-button', 'reject-button', 'load-button', 'none'),
});

/** Every link in the element's shadow tree (and its nested elements'), by its resolved URL. */
function linksUnder(root: ParentNode): HTMLAnchorElement[] {
  const links: HTMLAnchorElement[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element instanceof HTMLAnchorElement && element.hasAttribute('href')) links.push(element);
    if (element.shadowRoot) links.push(...linksUnder(element.shadowRoot));
  }
  return links;
}

// ---------------------------------------------------------------------------

describe('fuzzing the consent elements and API', function () {
  // Bounded runs: each property stays within a few seconds per engine.
  this.timeout(60000);

  beforeEach(() => {
    uncaught.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });

  afterEach(async () => {
    // Errors of asynchronous work (renders, fetched rules) arrive late.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    for (const stray of document.querySelectorAll('body > cookie-preferences')) stray.remove();
    expect(uncaught, 'uncaught errors').to.deep.equal([]);
  });

  it('API call sequences grant nothing without a decision and lose no decision', async () => {
    await quietly(() =>
      fc.assert(
        fc.property(
          fc.oneof({ weight: 4, arbitrary: validInventory }, wideInventory),
          fc.array(command, { maxLength: 12 }),
          (inventory, commands) => {
            const name = freshCookieName();
            try {
              let model: Model = { mayGrant: () => false };
              call('setInventory()', () => setInventory(inventory, name));
              checkNoGrantWithoutDecision(name, model, 'before any call');
              commands.forEach((next, index) => {
                model = runCommand(name, next, model);
                const step = `after call ${index + 1} (${next.kind})`;
                checkNoGrantWithoutDecision(name, model, step);
                checkReadBack(name, model, step);
              });
            } finally {
              deleteCookie(name);
            }
          },
        ),
        { seed: SEED, numRuns: 100, includeErrorInReport: true },
      ),
    );
  });

  it('decision cookies of any shape grant only what they say, and a refusal sticks', async () => {
    const page = await loadDeepPage();
    const FrameStore = page.window.ConsentStore!;
    try {
      await quietly(() =>
        fc.assert(
          fc.property(
            validInventory,
            fc.array(fc.record({ value: cookieValue, pagePath: fc.boolean() }), {
              minLength: 1,
              maxLength: 3,
            }),
            (inventory, cookies) => {
              const name = freshCookieName();
              try {
                plant(page, name, cookies);
                const store = call('new ConsentStore()', () => new FrameStore(name));
                call('setInventory()', () => store.setInventory(inventory));
                expect(store.inventory, 'the inventory is taken').to.equal(inventory);
                const mayGrant = plantedGrants(cookies);
                const required = requiredIds(inventory);
                for (const itemId of itemIds(inventory)) {
                  if (required.has(itemId) || !store.isGranted(itemId)) continue;
                  expect(mayGrant.has(itemId), `"${itemId}" granted by no cookie`).to.equal(true);
                }
                // The visitor refuses: every later reading says so, whatever copies there were.
                const refused = call('rejectAll()', () => store.rejectAll());
                expect(refused, 'the refusal is recorded').to.not.equal(undefined);
                const fresh = new FrameStore(name);
                fresh.setInventory(inventory);
                expect(fresh.decision?.id, 'the refusal read back').to.equal(refused!.id);
                for (const itemId of itemIds(inventory)) {
                  if (required.has(itemId)) continue;
                  expect(fresh.isGranted(itemId), `"${itemId}" after a refusal`).to.equal(false);
                }
              } finally {
                deleteEveryCopy(page, name);
              }
            },
          ),
          { seed: SEED, numRuns: 100, includeErrorInReport: true },
        ),
      );
    } finally {
      page.frame.remove();
    }
  });

  it('elements take any attributes and inventory without an error escaping or an unsafe link', async () => {
    await quietly(() =>
      fc.assert(
        fc.asyncProperty(elementSpec, async (spec) => {
          const container = await fixture<HTMLDivElement>(html`<div></div>`);
          const element = document.createElement(spec.tag) as HTMLElement & {
            inventory?: unknown;
            updateComplete: Promise<boolean>;
            show?: () => void;
            hide?: () => void;
          };
          for (const [name, value] of Object.entries(spec.attributes)) {
            if (value !== undefined) element.setAttribute(name, value);
          }
          // Only a fresh name is sure to have no decision from an earlier run.
          const fresh = !element.hasAttribute('cookie-name');
          if (fresh) element.setAttribute('cookie-name', freshCookieName());
          const cookie = element.getAttribute('cookie-name')!;
          try {
            // The setter must not throw into the host, whatever it is given.
            element.inventory = spec.inventory;
            container.append(element);
            await element.updateComplete;
            if (spec.open) element.show?.();
            await element.updateComplete;
            if (fresh) {
              checkNoGrantWithoutDecision(
                cookie,
                { mayGrant: () => false },
                `${spec.tag} before any click`,
              );
            }
            for (const link of linksUnder(element.shadowRoot!)) {
              expect(link.protocol, `a link to ${link.getAttribute('href')}`).to.match(/^https?:$/);
            }
            const button = element.shadowRoot!.querySelector<HTMLElement>(
              `[part~="${spec.click}"]`,
            );
            button?.click();
            await element.updateComplete;
            element.hide?.();
          } finally {
            container.remove();
            deleteCookie(cookie);
          }
        }),
        { seed: SEED, numRuns: 60, includeErrorInReport: true },
      ),
    );
  });
});
