// dist/consent-mode-default.js is a classic script for the page's <head>: run
// here as a page runs it, without module support, after `npm run build`. It
// must hold everything it imports (Rollup bundles it in), push Google's
// defaults as its shim does, and do nothing where there is no page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Script, createContext } from 'node:vm';

const source = readFileSync(new URL('../../dist/consent-mode-default.js', import.meta.url), 'utf8');

describe('dist/consent-mode-default.js', () => {
  it('is a classic script: no import or export', () => {
    assert.doesNotThrow(() => new Script(source));
    assert.doesNotMatch(source, /(^|[;}\s])(import|export)\b\s*[{*"']/);
  });

  it('denies every consent type but security_storage, as an arguments object', () => {
    const page = {};
    page.window = page;
    new Script(source).runInContext(createContext(page));
    assert.equal(page.dataLayer.length, 1);
    const [entry] = page.dataLayer;
    assert.equal(Object.prototype.toString.call(entry), '[object Arguments]');
    assert.equal(typeof page.gtag, 'function');
    assert.deepEqual(JSON.parse(JSON.stringify(Array.from(entry))), [
      'consent',
      'default',
      {
        ad_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
        analytics_storage: 'denied',
        functionality_storage: 'denied',
        personalization_storage: 'denied',
        security_storage: 'granted',
        wait_for_update: 500,
      },
    ]);
  });

  it('does nothing where there is no window', () => {
    const context = createContext({});
    new Script(source).runInContext(context);
    assert.equal(context.dataLayer, undefined);
  });
});
