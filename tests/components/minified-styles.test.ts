/**
 * The bundle ships the elements' styles minified (scripts/minify-css.mjs, run
 * by rollup.config.mjs): each engine must read the same rules from them as
 * from the styles as written.
 */
import { expect } from '@open-wc/testing';
import type { CSSResult, CSSResultGroup } from 'lit';
import { minifyCss } from '../../scripts/minify-css.mjs';
import { bannerStyles } from '../../src/components/cookie-banner/cookie-banner.styles.js';
import { embedStyles } from '../../src/components/cookie-embed/cookie-embed.styles.js';
import { preferencesStyles } from '../../src/components/cookie-preferences/cookie-preferences.styles.js';
import { tableStyles } from '../../src/components/cookie-table/cookie-table.styles.js';

const groups: Record<string, CSSResultGroup> = {
  bannerStyles,
  embedStyles,
  preferencesStyles,
  tableStyles,
};

function flatten(group: CSSResultGroup): CSSResult[] {
  return Array.isArray(group)
    ? group.flatMap((item) => flatten(item as CSSResultGroup))
    : [group as CSSResult];
}

/**
 * The rules an engine reads from `text`, as it writes them back. Values with
 * `var()` (custom properties' among them) are kept as written, so their
 * whitespace around commas and parentheses is not compared.
 */
function rulesOf(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return Array.from(sheet.cssRules, (rule) =>
    rule.cssText.replace(/\s+/g, ' ').replace(/ ?([,()]) ?/g, '$1'),
  );
}

describe('minified styles', () => {
  for (const [name, group] of Object.entries(groups)) {
    it(`${name} keep every rule`, () => {
      for (const styles of flatten(group)) {
        const minified = minifyCss(styles.cssText);
        expect(minified.length).to.be.below(styles.cssText.length * 0.8);
        const rules = rulesOf(styles.cssText);
        expect(rules.length).to.be.above(0);
        expect(rulesOf(minified)).to.deep.equal(rules);
      }
    });
  }

  it('keeps the spaces that carry meaning', () => {
    const css = `
      .a :focus { margin: calc(1rem + 2px) }
      @media screen and (min-width: 40rem) { p { font-family: 'Segoe UI' , serif } }
    `;
    expect(minifyCss(css)).to.equal(
      ".a :focus{margin:calc(1rem + 2px)}@media screen and (min-width:40rem){p{font-family:'Segoe UI',serif}}",
    );
    expect(rulesOf(minifyCss(css))).to.deep.equal(rulesOf(css));
  });
});
