/**
 * The dialog's switches in forced colours (Windows High Contrast, WCAG
 * 1.4.11): off, on, partly and locked must still look different, drawn in
 * system colours. The browser repaints most colours in that mode (a
 * switch's track and thumb both became Canvas), so the switch paints itself.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CookiePreferences } from '../../src/index.js';
import { uniqueCookieName } from '../support/cookies.js';
import { rulesInMedia } from '../support/dom.js';
import { mediaInventory, testInventory } from '../support/inventories.js';
import { usePageDefaults, warmUpAxe } from '../support/page.js';

const SYSTEM_COLOURS = ['Canvas', 'CanvasText', 'Highlight', 'HighlightText', 'GrayText'];

interface SwitchLook {
  track: string;
  border: string;
  thumb: string;
}

async function openPreferences(inventory = testInventory()): Promise<CookiePreferences> {
  const preferences = await fixture<CookiePreferences>(html`
    <cookie-preferences
      cookie-name=${uniqueCookieName()}
      .inventory=${inventory}
    ></cookie-preferences>
  `);
  preferences.show();
  await waitUntil(
    () => preferences.shadowRoot!.querySelector('dialog')?.open,
    'the dialog opens',
    // With vendors, the dialog waits for their rules.
    { timeout: 5000 },
  );
  return preferences;
}

/** The switch named `name`, found by its role and label as assistive technologies find it. */
function control(preferences: CookiePreferences, name: string): HTMLInputElement {
  const input = [...preferences.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].find(
    (candidate) => candidate.labels?.[0]?.textContent?.trim() === name,
  );
  expect(input, `a control named ${name}`).to.exist;
  return input!;
}

function lookOf(input: HTMLInputElement): SwitchLook {
  const style = getComputedStyle(input);
  return {
    track: style.backgroundColor,
    border: style.borderTopColor,
    thumb: getComputedStyle(input, '::before').backgroundColor,
  };
}

/** The system colours as the engine resolves them now, read from a probe in `root`. */
function systemColours(root: ShadowRoot): Set<string> {
  const probe = document.createElement('span');
  root.append(probe);
  const colours = SYSTEM_COLOURS.map((colour) => {
    probe.style.cssText = `forced-color-adjust: none; color: ${colour}`;
    return getComputedStyle(probe).color;
  });
  probe.remove();
  return new Set(colours);
}

/**
 * Off, on and locked (the statistics and necessary switches), and partly (a
 * category with one of its two vendors on), as they look now; `adopt` is
 * called on each dialog's shadow root before it is measured.
 */
async function looks(
  adopt: (root: ShadowRoot) => void = () => {},
): Promise<{ states: Record<string, SwitchLook>; root: ShadowRoot }> {
  const preferences = await openPreferences();
  adopt(preferences.shadowRoot!);
  const statistics = control(preferences, 'Statistics cookies');
  const off = lookOf(statistics);
  statistics.click();
  await preferences.updateComplete;
  expect(statistics.checked).to.equal(true);
  const on = lookOf(statistics);
  const locked = lookOf(control(preferences, 'Necessary cookies'));
  const withVendors = await openPreferences(mediaInventory());
  adopt(withVendors.shadowRoot!);
  control(withVendors, 'YouTube').click();
  await withVendors.updateComplete;
  const media = control(withVendors, 'Embedded content');
  expect(media.indeterminate).to.equal(true);
  const partly = lookOf(media);
  return { states: { off, on, locked, partly }, root: preferences.shadowRoot! };
}

function expectDistinctStates(states: Record<string, SwitchLook>, system: Set<string>): void {
  for (const [state, look] of Object.entries(states)) {
    expect(look.thumb, `${state}: the thumb stands out from the track`).to.not.equal(look.track);
    for (const [part, colour] of Object.entries(look)) {
      expect(system.has(colour), `${state}: ${part} ${colour} is a system colour`).to.equal(true);
    }
  }
  const { off, on, locked, partly } = states;
  const fill = (look: SwitchLook) => `${look.track} ${look.border} ${look.thumb}`;
  expect(fill(on), 'on and off differ').to.not.equal(fill(off));
  expect(fill(locked), 'locked and off differ').to.not.equal(fill(off));
  expect(fill(locked), 'locked and on differ').to.not.equal(fill(on));
  expect(fill(partly), 'partly and off differ').to.not.equal(fill(off));
  expect(fill(partly), 'partly and on differ').to.not.equal(fill(on));
}

describe('switches in forced colours (Windows High Contrast)', () => {
  usePageDefaults();
  warmUpAxe();

  /**
   * Every engine: the element's own `@media (forced-colors: active)` rules,
   * applied as they stand (outside the media query), give each state its
   * own system colours. This is how Firefox and WebKit are checked, whose
   * drivers here cannot emulate forced colours.
   */
  it('its forced-colours rules give off, on, partly and locked their own system colours', async () => {
    const preferences = await openPreferences();
    const rules = rulesInMedia(preferences.shadowRoot!, 'forced-colors: active');
    expect(rules.length, 'the styles have forced-colours rules').to.be.above(0);
    preferences.remove();

    const unwrapped = new CSSStyleSheet();
    unwrapped.replaceSync(rules.join('\n'));
    const { states, root } = await looks((shadowRoot) => {
      shadowRoot.adoptedStyleSheets = [...shadowRoot.adoptedStyleSheets, unwrapped];
    });
    expectDistinctStates(states, systemColours(root));
  });

  // Firefox ESR's WebDriver BiDi has no forced-colours emulation, nor has
  // WebKitWebDriver (the command answers false there): the test above stands
  // for them. Chromium emulates the real mode, the browser's repainting included.
  if (navigator.userAgent.includes('Chrome/')) {
    it('tells off, on, partly and locked apart with forced colours emulated (Chromium)', async () => {
      const emulated = await executeServerCommand<boolean, { active: boolean }>('forced-colors', {
        active: true,
      });
      try {
        expect(emulated, 'Chromium emulates forced colours').to.equal(true);
        expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
        const { states, root } = await looks();
        expectDistinctStates(states, systemColours(root));
        await expect(root.host).to.be.accessible();
      } finally {
        await executeServerCommand('forced-colors', { active: false });
      }
    });
  }
});
