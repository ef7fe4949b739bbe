import { expect, waitUntil } from '@open-wc/testing';
import type { ConsentDetail } from '../../src/events/consent-change.js';
import type { CookieInventory } from '../../src/consent/inventory.js';
import { csrfToken, inventoryHash, sendConsentProof } from '../../src/consent/proof-of-consent.js';
import { captureConsole } from '../support/console.js';

const inventory: CookieInventory = {
  revision: 3,
  categories: [
    { id: 'necessary', required: true, label: 'Necessary' },
    { id: 'statistics', label: { en: 'Statistics', fr: 'Statistiques' } },
  ],
  cookies: [{ name: 'sessionid', category: 'necessary' }],
};

const detail: ConsentDetail = {
  categories: { necessary: true, statistics: false },
  vendors: {},
  action: 'reject-all',
  withdrawn: [],
  revision: 3,
  timestamp: '2026-11-29T10:00:00.000Z',
  id: 'decision-1',
};

interface Recorded {
  method: string;
  origin?: string;
  csrfToken?: string;
  contentType?: string;
  body?: string;
  /** A preflight's `Access-Control-Request-Headers`. */
  requestHeaders?: string;
}

let keyCount = 0;
/** A fresh key of the test endpoint, at `origin` (the page's by default). */
function endpoint(respond = '201', origin = '') {
  const key = `k${Date.now()}-${keyCount++}`;
  return {
    url: `${origin}/test-endpoints/consent-proof?key=${key}&respond=${respond}`,
    recorded: async (): Promise<Recorded[]> =>
      (await fetch(`/test-endpoints/consent-proof?key=${key}`)).json(),
  };
}

/**
 * The test server under its other name: `localhost` and `127.0.0.1` are two
 * origins of one server, which records what either receives.
 */
function otherOrigin(): string {
  const other = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return `${location.protocol}//${other}:${location.port}`;
}

describe('proof of consent', () => {
  afterEach(() => {
    document.cookie = 'csrftoken=; Path=/; Max-Age=0';
    document.cookie = 'othertoken=; Path=/; Max-Age=0';
    document.querySelectorAll('[data-test-csrf]').forEach((element) => element.remove());
  });

  it('POSTs the decision as JSON with the CSRF token of the csrftoken cookie', async () => {
    document.cookie = 'csrftoken=abc123; Path=/';
    const { url, recorded } = endpoint();
    expect(await sendConsentProof(url, detail, inventory)).to.equal(true);
    const [request, ...rest] = await recorded();
    expect(rest).to.have.length(0);
    expect(request.csrfToken).to.equal('abc123');
    expect(request.contentType).to.equal('application/json');
    const proof = JSON.parse(request.body!);
    expect(proof).to.deep.include({
      id: 'decision-1',
      timestamp: '2026-11-29T10:00:00.000Z',
      revision: 3,
      action: 'reject-all',
      url: `${location.origin}${location.pathname}`,
    });
    expect(proof.categories).to.deep.equal({ necessary: true, statistics: false });
    expect(proof.vendors).to.deep.equal({});
    expect(proof.gpc).to.equal(false);
    expect(proof.inventoryHash).to.equal(await inventoryHash(inventory));
  });

  it('sends the choice of every vendor, and whether the browser sent Global Privacy Control', async () => {
    const withVendors: CookieInventory = {
      ...inventory,
      categories: [...inventory.categories, { id: 'media', label: 'Media', gpc: true }],
      vendors: [
        { id: 'youtube', category: 'media' },
        { id: 'vimeo', category: 'media' },
      ],
    };
    const { url, recorded } = endpoint();
    const granted: ConsentDetail = {
      ...detail,
      categories: { necessary: true, statistics: false, media: false },
      vendors: { youtube: true, vimeo: false },
      gpc: true,
      action: 'grant',
    };
    expect(await sendConsentProof(url, granted, withVendors)).to.equal(true);
    const [request] = await recorded();
    const proof = JSON.parse(request.body!);
    expect(proof.vendors).to.deep.equal({ youtube: true, vimeo: false });
    expect(proof.gpc).to.equal(true);
    expect(proof.action).to.equal('grant');
    expect(proof.inventoryHash).to.equal(await inventoryHash(withVendors));
    expect(proof.inventoryHash).to.not.equal(await inventoryHash(inventory));
  });

  it('sends the CSRF token to the page’s own origin, however the endpoint is written', async () => {
    document.cookie = 'csrftoken=abc123; Path=/';
    for (const origin of ['', location.origin]) {
      const { url, recorded } = endpoint('201', origin);
      expect(await sendConsentProof(url, detail, inventory)).to.equal(true);
      const [request] = await recorded();
      expect(request.csrfToken, url).to.equal('abc123');
    }
  });

  it('sends the proof to another origin without the CSRF token', async () => {
    document.cookie = 'csrftoken=abc123; Path=/';
    const other = otherOrigin();
    expect(other).to.not.equal(location.origin);
    // Absolute and protocol-relative: both leave the page's origin.
    for (const origin of [other, other.slice(location.protocol.length)]) {
      const { url, recorded } = endpoint('201', origin);
      expect(await sendConsentProof(url, detail, inventory), url).to.equal(true);
      const requests = await recorded();
      const posts = requests.filter((request) => request.method === 'POST');
      expect(posts, url).to.have.length(1);
      expect(posts[0].origin).to.equal(location.origin);
      expect(posts[0].csrfToken, 'the token sent').to.equal(undefined);
      expect(JSON.parse(posts[0].body!).id).to.equal('decision-1');
      // A preflight, where the engine sends one, does not announce the header either.
      for (const preflight of requests.filter((request) => request.method === 'OPTIONS')) {
        expect(String(preflight.requestHeaders).toLowerCase()).to.not.include('x-csrftoken');
      }
    }
  });

  it('retries once after a server error, and stops there', async () => {
    const once = endpoint('503,201');
    expect(await sendConsentProof(once.url, detail, inventory)).to.equal(true);
    expect(await once.recorded()).to.have.length(2);

    const always = endpoint('500,500,500');
    await captureConsole(async ({ error: errors }) => {
      expect(await sendConsentProof(always.url, detail, inventory)).to.equal(false);
      expect(errors).to.have.length(1);
      expect(String(errors[0][0])).to.include('decision-1');
    });
    expect(await always.recorded()).to.have.length(2);
  });

  it('does not retry a refusal such as a CSRF failure', async () => {
    const forbidden = endpoint('403,201');
    await captureConsole(async ({ error: errors }) => {
      expect(await sendConsentProof(forbidden.url, detail, inventory)).to.equal(false);
      expect(errors).to.have.length(1);
    });
    expect(await forbidden.recorded()).to.have.length(1);
  });

  it('never rejects, even when the endpoint cannot be reached', async () => {
    await captureConsole(async ({ error: errors }) => {
      // Port 9 (discard) on loopback refuses the connection at once.
      expect(await sendConsentProof('http://127.0.0.1:9/x', detail, inventory)).to.equal(false);
      expect(errors).to.have.length(1);
    });
  });

  it('finds the token in the page when the cookie is HttpOnly, and in a custom cookie', () => {
    expect(csrfToken()).to.equal(undefined);
    const meta = Object.assign(document.createElement('meta'), {
      name: 'csrf-token',
      content: 'from-meta',
    });
    meta.dataset.testCsrf = '';
    document.head.append(meta);
    expect(csrfToken()).to.equal('from-meta');
    const field = Object.assign(document.createElement('input'), {
      type: 'hidden',
      name: 'csrfmiddlewaretoken',
      value: 'from-form',
    });
    field.dataset.testCsrf = '';
    document.body.append(field);
    expect(csrfToken()).to.equal('from-form');
    document.cookie = 'othertoken=from-cookie; Path=/';
    expect(csrfToken('othertoken')).to.equal('from-cookie');
  });

  it('hashes equal inventories equally, whatever their key order, and others differently', async () => {
    const reordered: CookieInventory = {
      cookies: [{ category: 'necessary', name: 'sessionid' }],
      categories: [
        { label: 'Necessary', required: true, id: 'necessary' },
        { label: { fr: 'Statistiques', en: 'Statistics' }, id: 'statistics' },
      ],
      revision: 3,
    };
    const hash = await inventoryHash(inventory);
    expect(hash).to.match(/^sha256:[0-9a-f]{64}$/);
    expect(await inventoryHash(reordered)).to.equal(hash);
    expect(await inventoryHash({ ...inventory, revision: 4 })).to.not.equal(hash);
  });
});

describe('proof of consent from the store', () => {
  it('sends each decision taken in this tab once, to the configured endpoint', async () => {
    const { consentStore } = await import('../../src/consent/registry.js');
    const { setConsentEndpoint } = await import('../../src/consent/api.js');
    const { url, recorded } = endpoint();
    const store = consentStore('proof_store_test');
    store.setInventory(inventory);
    setConsentEndpoint(url, {}, 'proof_store_test');
    const accepted = store.acceptAll()!;
    const saved = store.save({ statistics: false })!;
    await waitUntil(async () => (await recorded()).length === 2, 'two proofs', { timeout: 3000 });
    // Each is sent on its own, so they may arrive in either order.
    const proofs = (await recorded()).map((request) => JSON.parse(request.body!));
    const received = proofs.map((proof) => `${proof.id} ${proof.action}`).sort();
    expect(received).to.deep.equal([`${accepted.id} accept-all`, `${saved.id} save`].sort());
    setConsentEndpoint('', {}, 'proof_store_test');
    const refused = store.rejectAll()!;
    // A proof of this decision would be on its way before that of the next one,
    // taken once the endpoint is back.
    setConsentEndpoint(url, {}, 'proof_store_test');
    const later = store.acceptAll()!;
    const ids = async () => (await recorded()).map((request) => JSON.parse(request.body!).id);
    await waitUntil(async () => (await ids()).includes(later.id), 'the later proof', {
      timeout: 3000,
    });
    expect(await ids()).to.have.length(3);
    expect(await ids()).to.not.include(refused.id);
    document.cookie = 'proof_store_test=; Path=/; Max-Age=0';
  });
});
