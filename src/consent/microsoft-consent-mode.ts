/**
 * Microsoft's tags hear of the visitor's decision from the same mapping as
 * Google's, the categories' `consentMode` (Google's type names, one source):
 * Microsoft Clarity takes `ad_Storage` and `analytics_Storage`
 * (`clarity('consentv2', …)`), Microsoft Advertising's UET tag `ad_storage`
 * (`uetq.push('consent', 'update', …)`). Each is told only where the page has
 * it (Clarity's snippet defines `window.clarity`, a queue until its tag has
 * loaded; UET's snippet or its defaults, `window.uetq`), and each state once.
 * Google Consent Mode's module calls this after each of its updates, and again
 * once the gate has run scripts, which may be those snippets: a tag released
 * by a decision hears of it before it has loaded.
 */
import type { ConsentModeState, ConsentModeType } from './google-consent-types.js';

type Tag = 'clarity' | 'uet';

interface MicrosoftTagsWindow {
  clarity?: (...args: unknown[]) => void;
  uetq?: { push(...args: unknown[]): unknown };
}

export class MicrosoftConsentMode {
  /** What each tag was last told. */
  private readonly told: Record<Tag, string> = { clarity: '', uet: '' };

  tell(states: Readonly<Record<ConsentModeType, ConsentModeState>>): void {
    const page = window as MicrosoftTagsWindow;
    const { clarity, uetq } = page;
    if (typeof clarity === 'function') {
      this.once(
        'clarity',
        { ad_Storage: states.ad_storage, analytics_Storage: states.analytics_storage },
        // Called on the window, as Clarity's own snippet and documentation call it.
        (consent) => clarity.call(window, 'consentv2', consent),
      );
    }
    if (typeof uetq?.push === 'function') {
      this.once('uet', { ad_storage: states.ad_storage }, (consent) =>
        uetq.push('consent', 'update', consent),
      );
    }
  }

  /** Sends `consent` to `tag` unless it was the last thing sent there; a tag that throws stops only itself. */
  private once<T>(tag: Tag, consent: T, send: (consent: T) => void): void {
    const key = JSON.stringify(consent);
    if (this.told[tag] === key) return;
    this.told[tag] = key;
    try {
      send(consent);
    } catch (error) {
      console.error(
        `cookie consent: ${tag === 'uet' ? 'UET' : 'Clarity'} refused the consent update`,
        error,
      );
    }
  }
}
