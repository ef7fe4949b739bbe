// cookie-consent-elements/server (lib/server.js, after `npm run build`): the
// banner rendered on a server from the element itself, as declarative shadow
// DOM, in the visitor's language, only when the visitor has no decision.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  bannerStyleSource,
  needsDecision,
  renderBanner,
  renderBannerShadowRoot,
} from 'cookie-consent-elements/server';

const inventory = {
  revision: 3,
  categories: [
    { id: 'necessary', required: true, label: { fr: 'Nécessaires', en: 'Necessary' } },
    { id: 'statistics', label: { fr: 'Statistiques', en: 'Statistics' } },
  ],
};

function decision({ revision = 3, timestamp = new Date().toISOString(), vendors } = {}) {
  const record = {
    categories: { necessary: true, statistics: false },
    revision,
    timestamp,
    id: 'd1',
  };
  if (vendors) record.vendors = vendors;
  return encodeURIComponent(JSON.stringify(record));
}

const shadowRoots = (html) => html.match(/<template shadowroot/g)?.length ?? 0;

describe('renderBanner', () => {
  it('renders the banner in declarative shadow DOM, with its styles, for a visitor without a decision', () => {
    const html = renderBanner({ inventory, language: 'en', policyHref: '/cookies/' });
    assert.equal(shadowRoots(html), 1);
    assert.match(html, /^<!--lit-part [^>]*--><!--lit-node 0--><cookie-banner\s/);
    assert.match(html, /<style>[^<]*\.banner \{/);
    assert.match(html, /<h2 id="title" part="title">\s*<!--lit-part-->Your choice about cookies/);
    assert.match(html, /<a part="policy-link" href="\/cookies\/"/);
    for (const part of ['accept-button', 'reject-button', 'customise-button']) {
      assert.match(html, new RegExp(`<button\\s+part="button ${part}"`));
    }
    // The markers hydration reads.
    assert.match(html, /<!--lit-part [\w+/=]+-->\s*<!--lit-node 0--><div part="base"/);
  });

  it("writes the visitor's language, from a Django code, and English for one the elements lack", () => {
    const french = renderBanner({ inventory, language: 'fr' });
    assert.match(french, /Vos choix en matière de cookies/);
    assert.match(french, /Tout refuser/);
    assert.match(renderBanner({ inventory, language: 'pt-br' }), /<!--lit-part-->Rejeitar todos/);
    assert.match(renderBanner({ inventory, language: 'zh-hans' }), /lit-part-->全部拒绝/);
    assert.match(renderBanner({ inventory, language: 'xx' }), /Reject all/);
    // One render does not leak its language into the next.
    assert.match(renderBanner({ inventory }), /Reject all/);
  });

  it('renders no shadow root for a visitor whose decision is in force', () => {
    const html = renderBanner({
      inventory,
      language: 'fr',
      cookieHeader: `csrftoken=x; cookies_preferences=${decision()}`,
    });
    assert.equal(shadowRoots(html), 0);
    assert.match(html, /<cookie-banner[^>]*><script type="application\/json">/);
  });

  it('asks again for another revision, an expired, garbled or future decision', () => {
    const old = new Date(Date.now() - 200 * 24 * 3600 * 1000).toISOString();
    const future = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    for (const value of [
      decision({ revision: 2 }),
      decision({ timestamp: old }),
      decision({ timestamp: future }),
      '%7Bnot-json',
    ]) {
      assert.equal(shadowRoots(renderBanner({ inventory, decisionCookie: value })), 1, value);
    }
    // A longer lifetime keeps the old one.
    assert.equal(
      shadowRoots(
        renderBanner({ inventory, decisionCookie: decision({ timestamp: old }), cookieDays: 300 }),
      ),
      0,
    );
  });

  it('reads the newest of several copies, and the cookie named by cookieName', () => {
    const older = decision({ revision: 2, timestamp: new Date(Date.now() - 1000).toISOString() });
    assert.equal(shadowRoots(renderBanner({ inventory, decisionCookie: [older, decision()] })), 0);
    assert.equal(shadowRoots(renderBanner({ inventory, decisionCookie: [decision(), older] })), 0);
    const header = `site_consent=${decision()}`;
    assert.equal(shadowRoots(renderBanner({ inventory, cookieHeader: header })), 1);
    const named = renderBanner({ inventory, cookieHeader: header, cookieName: 'site_consent' });
    assert.equal(shadowRoots(named), 0);
    assert.match(named, /cookie-name="site_consent"/);
  });

  it('asks again when a vendor was added since to a category the visitor granted', () => {
    const withVendors = {
      revision: 1,
      categories: [
        { id: 'necessary', required: true, label: 'Necessary' },
        { id: 'media', label: 'Media' },
      ],
      vendors: [
        { id: 'youtube', category: 'media', label: 'YouTube' },
        { id: 'maps', category: 'media', label: 'Maps' },
      ],
    };
    const record = (granted) => [
      encodeURIComponent(
        JSON.stringify({
          categories: { necessary: true, media: false },
          vendors: { granted, refused: '' },
          revision: 1,
          timestamp: new Date().toISOString(),
          id: 'v',
        }),
      ),
    ];
    assert.equal(needsDecision(withVendors, record('youtube maps')), false);
    assert.equal(needsDecision(withVendors, record('youtube')), true);
    assert.equal(needsDecision(withVendors, []), true);
  });

  it('writes attributes and the inventory escaped: no text of it can end its script', () => {
    const hostile = {
      ...inventory,
      categories: [
        ...inventory.categories,
        { id: 'x', label: '</script><img src=x onerror=alert(1)>' },
      ],
    };
    const html = renderBanner({ inventory: hostile, policyHref: '/a"b<c>/', position: 'top' });
    assert.equal(html.match(/<\/script>/g).length, 1);
    assert.match(html, /\\u003C\/script\\u003E\\u003Cimg/);
    assert.match(html, /policy-href="\/a&quot;b&lt;c&gt;\/"/);
    assert.match(html, /position="top"/);
    assert.match(html, /class="banner top"/);
  });

  it('puts the buttons in a form posting to decisionAction, with the CSRF token, escaped', () => {
    const html = renderBanner({
      inventory,
      decisionAction: '/decide/?next=/a%20b&x="1"',
      csrfToken: 'tok"<en>',
    });
    assert.match(html, /decision-action="\/decide\/\?next=\/a%20b&amp;x=&quot;1&quot;"/);
    assert.match(
      html,
      /<form\s+part="actions"\s+class="actions"\s+method="post"\s+action="\/decide\/\?next=\/a%20b&amp;x=&quot;1&quot;"/,
    );
    assert.match(
      html,
      /<input type="hidden" name="csrfmiddlewaretoken" value="tok&quot;&lt;en&gt;"/,
    );
    assert.match(html, /type="submit"\s+name="action"\s+value="accept-all"/);
    assert.match(html, /type="submit"\s+name="action"\s+value="reject-all"/);
    // Without an action, the buttons stay buttons: nothing to post to.
    const plain = renderBanner({ inventory });
    assert.doesNotMatch(plain, /type="submit"|csrfmiddlewaretoken/);
    assert.match(plain, /<form[^>]*\saction=""/);
  });

  it('writes the note that Global Privacy Control is honoured for a request that sends it', () => {
    const marked = {
      ...inventory,
      categories: [...inventory.categories, { id: 'ads', gpc: true, label: 'Ads' }],
    };
    const note = /<p part="gpc" class="gpc"><!--lit-part-->([^<]+)<!--\/lit-part--><\/p>/;
    const french = renderBanner({ inventory: marked, language: 'fr', globalPrivacyControl: true });
    assert.match(french.match(note)?.[1] ?? '', /^Votre navigateur .*Global Privacy Control/);
    const english = renderBanner({ inventory: marked, globalPrivacyControl: true });
    assert.match(english.match(note)?.[1] ?? '', /^Your browser asks us not to sell or share/);
    // Not without the signal, nor where the inventory marks nothing for it.
    assert.doesNotMatch(renderBanner({ inventory: marked, language: 'fr' }), /part="gpc"/);
    assert.doesNotMatch(renderBanner({ inventory, globalPrivacyControl: true }), /part="gpc"/);
  });

  it('renders nothing for an invalid inventory', () => {
    const errors = [];
    const error = console.error;
    console.error = (...args) => errors.push(args.join(' '));
    try {
      assert.equal(renderBanner({ inventory: { categories: 'none' } }), '');
    } finally {
      console.error = error;
    }
    assert.equal(errors.length > 0, true);
  });
});

describe('renderBannerShadowRoot', () => {
  it('is the declarative shadow root alone, whatever the decision', () => {
    const root = renderBannerShadowRoot({ inventory, language: 'de', decisionCookie: decision() });
    assert.match(root, /^<template shadowroot="open" shadowrootmode="open"><style>/);
    assert.match(root, /<\/template>$/);
    assert.match(root, /Alle ablehnen/);
    assert.doesNotMatch(root, /<cookie-banner/);
  });
});

describe('bannerStyleSource', () => {
  it("is the sha256 of the banner's <style>, for a Content-Security-Policy", () => {
    const root = renderBannerShadowRoot({ inventory, language: 'ar', position: 'top' });
    const style = /<style>([\s\S]*?)<\/style>/.exec(root)[1];
    const hash = createHash('sha256').update(style).digest('base64');
    assert.equal(bannerStyleSource, `'sha256-${hash}'`);
  });
});
