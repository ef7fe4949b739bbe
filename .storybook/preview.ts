import {
  setCustomElementsManifest,
  type Decorator,
  type Preview,
} from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { setLanguage } from '../src/consent/api.js';
import { uiLocales, uiSourceLocale } from '../src/i18n/localize.js';
import { publicManifest, type CustomElementsManifest } from './public-manifest.js';
import { watchStoryConsole } from '../stories/support/play.js';

setCustomElementsManifest(publicManifest(manifest as CustomElementsManifest));

/** A language's own name ("français", "العربية"), for the toolbar. */
function nativeName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Shows every consent element of the story in the toolbar's language, through
 * the same API a host uses (`setLanguage`), so it wins over `<html lang>`.
 */
const withLocale: Decorator = (story, { globals }) => {
  setLanguage(typeof globals.locale === 'string' ? globals.locale : undefined);
  return story();
};

/**
 * The stories render from attributes and custom properties only; the other
 * rows of autodocs (properties, events, parts) are documentation, without a
 * control that would do nothing.
 */
type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

const controlsWhereStoriesUseThem: ArgTypesEnhancer = Object.assign(
  ({ argTypes }: Parameters<ArgTypesEnhancer>[0]): typeof argTypes =>
    Object.fromEntries(
      Object.entries(argTypes).map(([name, argType]) => {
        const category = argType.table?.category;
        const used = category === 'attributes' || category === 'css custom properties';
        return [name, used ? argType : { ...argType, control: false as const }];
      }),
    ),
  // After Storybook has read the manifest and merged each file's own argTypes.
  { secondPass: true },
);

const preview: Preview = {
  decorators: [withLocale],
  argTypesEnhancers: [controlsWhereStoriesUseThem],
  globalTypes: {
    locale: {
      description: 'Language of the consent elements (setLanguage)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        // The UI languages grow as translations land: read them from the code.
        items: [uiSourceLocale, ...uiLocales.filter((code) => code !== uiSourceLocale)].map(
          (code) => ({ value: code, title: `${nativeName(code)} (${code})`, right: code }),
        ),
      },
    },
  },
  initialGlobals: {
    locale: uiSourceLocale,
  },
  parameters: {
    a11y: {
      // Any axe violation fails the story's test.
      test: 'error',
    },
    controls: {
      expanded: true,
    },
    viewport: {
      options: {
        reflow320: {
          name: '320 px wide (WCAG 1.4.10 reflow)',
          styles: { width: '320px', height: '640px' },
          type: 'mobile',
        },
        short320: {
          name: '320 × 256 (WCAG 1.4.10 reflow, 2.4.11 focus not obscured)',
          styles: { width: '320px', height: '256px' },
          type: 'mobile',
        },
      },
    },
  },
  beforeEach() {
    // The smoke check of each play function (expectRendered) fails on a console error.
    const stopWatching = watchStoryConsole();
    // "Customise" and `[data-cookie-preferences]` add a <cookie-preferences> to
    // <body> when the story has none; it must not outlive the story.
    return () => {
      stopWatching();
      for (const element of document.querySelectorAll('body > cookie-preferences')) {
        element.remove();
      }
    };
  },
};

export default preview;
