import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/index.js';
import { saveConsent, setInventory } from '../src/index.js';
import { consentChangeAction } from './support/actions.js';
import { mediaInventory } from './support/inventories.js';
import { expectRendered, shadowQueries } from './support/play.js';
import { decisionCookieLoader, storyCookieName } from './support/story-cookies.js';
import { themeArgTypes, themeStyle } from './support/theme.js';

type Args = Record<string, unknown>;

// The templates' URLs are written in them: Lit takes no expression inside a <template>.

/** An article with a video and a map, each held back until its provider is allowed. */
function articlePage(args: Args, context: StoryContext) {
  const cookieName = storyCookieName(context);
  return html`
    <main style="max-inline-size: 44rem; font-family: system-ui, sans-serif; line-height: 1.5">
      <h1>Our visit to Paris</h1>
      <p>The video of the day, then where we walked.</p>
      <cookie-embed
        vendor="youtube"
        cookie-name=${cookieName}
        style=${themeStyle(args)}
        .inventory=${mediaInventory}
        @consent-change=${consentChangeAction(args)}
      >
        <template>
          <iframe
            src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
            width="560"
            height="315"
            title="Big Buck Bunny, a short film (YouTube)"
            allow="encrypted-media; picture-in-picture"
            allowfullscreen
          ></iframe>
        </template>
      </cookie-embed>
      <p>The walk along the Seine:</p>
      <cookie-embed
        vendor="openstreetmap"
        cookie-name=${cookieName}
        style=${themeStyle(args)}
        @consent-change=${consentChangeAction(args)}
      >
        <template>
          <iframe
            src="https://www.openstreetmap.org/export/embed.html?bbox=2.2945%2C48.8530%2C2.3050%2C48.8610&amp;layer=mapnik"
            width="600"
            height="400"
            title="Map of the walk (OpenStreetMap)"
          ></iframe>
        </template>
      </cookie-embed>
    </main>
  `;
}

function embedOf(canvasElement: HTMLElement, vendor: string) {
  const embed = canvasElement.querySelector(`cookie-embed[vendor="${vendor}"]`);
  if (!embed) throw new Error(`the story has no <cookie-embed vendor="${vendor}">`);
  return embed;
}

/**
 * Third-party content (a video, a map) written inside a `<template>`: nothing
 * of it is fetched until the visitor allows its provider. Until then a
 * placeholder of the content's size names the provider, says what loading it
 * means, and offers to allow it or to open the preferences.
 */
const meta = {
  title: 'Elements/cookie-embed',
  component: 'cookie-embed',
  tags: ['autodocs'],
  loaders: [decisionCookieLoader],
  argTypes: { ...themeArgTypes },
  render: (args, context) => articlePage(args, context),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Before any decision: two placeholders, of the video's and of the map's size. */
export const Placeholder: Story = {
  globals: { locale: 'en' },
  play: ({ canvasElement }) =>
    expectRendered(embedOf(canvasElement, 'youtube'), 'button', {
      name: 'Allow YouTube and load the content',
    }),
};

/** Both providers allowed on an earlier visit: the content is there at once, in the same boxes. */
export const Granted: Story = {
  globals: { locale: 'en' },
  // After the loader has chosen the story's decision cookie, before the story renders.
  beforeEach: (context) => {
    const cookieName = storyCookieName(context);
    setInventory(mediaInventory, cookieName);
    saveConsent({ youtube: true, openstreetmap: true }, cookieName);
  },
  play: async ({ canvasElement }) => {
    for (const vendor of ['youtube', 'openstreetmap']) {
      const embed = embedOf(canvasElement, vendor);
      await waitFor(() => expect(embed.querySelector(':scope > iframe')).not.toBeNull());
      await expect(shadowQueries(embed).queryByRole('button')).toBeNull();
    }
  },
};
