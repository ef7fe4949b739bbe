/**
 * Every story has a decision cookie of its own (`cookie-name`), so that a
 * choice made in one story never shows in another, and a play function can
 * check exactly what its story wrote.
 */
import type { Loader, StoryContext } from '@storybook/web-components-vite';
import { deleteCookie } from '../../tests/support/cookies.js';
import { setStoredDecision } from '../../tests/support/decision.js';

/** A decision to find in the cookie before the story renders: category id → granted. */
export type PreviousDecision = Record<string, boolean>;

/** What a story's play function and render get in `loaded`. */
export interface StoryCookies {
  cookieName: string;
}

// A page keeps a decision in memory once it has read or made it, so each
// mount of a story (coming back to it, "Remount", a re-run) takes a new name.
const mounts = new Map<string, number>();

function nextCookieName(storyId: string): string {
  const count = (mounts.get(storyId) ?? 0) + 1;
  mounts.set(storyId, count);
  const name = `story-${storyId}`;
  return count === 1 ? name : `${name}-${count}`;
}

/**
 * Loader that gives the story a fresh decision cookie name, deletes any cookie
 * of that name, and writes `parameters.previousDecision` into it when the
 * story asks for one (with `parameters.previousRevision`, default 1, the seed's).
 */
export const decisionCookieLoader: Loader = async ({ id, parameters }) => {
  const cookieName = nextCookieName(id);
  deleteCookie(cookieName);
  const previous = parameters.previousDecision as PreviousDecision | undefined;
  if (previous) {
    setStoredDecision(cookieName, {
      categories: previous,
      revision: (parameters.previousRevision as number) ?? 1,
      id: 'decided-on-an-earlier-visit',
    });
  }
  return { cookieName } satisfies StoryCookies;
};

/** The decision cookie name the loader chose for this story. */
export function storyCookieName(context: Pick<StoryContext, 'loaded'>): string {
  return (context.loaded as StoryCookies).cookieName;
}
