import { expect } from '@open-wc/testing';
import { CookieBanner, CookieEmbed, CookiePreferences, CookieTable } from '../src/index.js';
import { defineElement } from '../src/define.js';

describe('the public entry', () => {
  it('defines the four tags with the exported classes', () => {
    expect(customElements.get('cookie-banner')).to.equal(CookieBanner);
    expect(customElements.get('cookie-preferences')).to.equal(CookiePreferences);
    expect(customElements.get('cookie-table')).to.equal(CookieTable);
    expect(customElements.get('cookie-embed')).to.equal(CookieEmbed);
  });

  it('survives a second import of another copy of the module', async () => {
    // A query string makes the browser load and run the module a second time,
    // as a page that includes the script twice would.
    const again = await import(/* @vite-ignore */ `../src/index.ts?copy=${Date.now()}`);
    expect(again.CookieBanner).to.equal(CookieBanner);
    expect(customElements.get('cookie-banner')).to.equal(CookieBanner);
  });

  it('leaves a tag that another copy defined first alone', () => {
    class OtherCopy extends HTMLElement {}
    expect(() => defineElement('cookie-banner', OtherCopy)).to.not.throw();
    expect(customElements.get('cookie-banner')).to.equal(CookieBanner);
  });
});
