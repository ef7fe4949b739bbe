/**
 * Every story has a decision cookie of its own (`cookie-name`), so that a
 * choice made in one story never shows in another, and a play function can
 * check exactly what its story wrote.
 */
import type { Loader, StoryContext } from '@storybook/web-components-vite';

/** A decision to find in the cookie before the story renders: category id → granted. */
export type PreviousDecision = Record<string, boolean>;

/** What a story's play function and render get in `loaded`. */
export interface StoryCookies {
  cookieName: string;
}

/** The record the elements store, as a server reads it back. */
export interface StoredDecision {
  categories: Record<string, boolean>;
  vendors?: { granted?: string; refused?: string };
  gpc?: boolean;
  revision?: string | number;
  timestamp: string;
  id: string;
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

/** The raw value of cookie `name` on this page, or `undefined`. */
function rawCookie(name: string): string | undefined {
  for (const pair of document.cookie.split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) return pair.slice(equals + 1).trim();
  }
  return undefined;
}

/** Deletes cookie `name` (path `/`), e.g. one a previous Storybook session left behind. */
export function forgetCookie(name: string): void {
  document.cookie = `${name}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax`;
}

/** The decision stored in cookie `name`, parsed the way a server does, or `undefined`. */
export function readDecisionCookie(name: string): StoredDecision | undefined {
  const raw = rawCookie(name);
  return raw === undefined ? undefined : (JSON.parse(decodeURIComponent(raw)) as StoredDecision);
}

/** Writes a decision into cookie `name` in the elements' format (as if taken on an earlier visit). */
export function writeDecisionCookie(
  name: string,
  categories: PreviousDecision,
  revision: string | number | undefined,
): void {
  const record: StoredDecision = {
    categories,
    revision,
    timestamp: new Date().toISOString(),
    id: 'decided-on-an-earlier-visit',
  };
  const value = encodeURIComponent(JSON.stringify(record));
  document.cookie = `${name}=${value}; Path=/; Max-Age=3600; SameSite=Lax`;
}

/**
 * Loader that gives the story a fresh decision cookie name, deletes any cookie
 * of that name, and writes `parameters.previousDecision` into it when the
 * story asks for one (with `parameters.previousRevision`, default 1, the seed's).
 */
export const decisionCookieLoader: Loader = async ({ id, parameters }) => {
  const cookieName = nextCookieName(id);
  forgetCookie(cookieName);
  const previous = parameters.previousDecision as PreviousDecision | undefined;
  if (previous) {
    writeDecisionCookie(cookieName, previous, (parameters.previousRevision as number) ?? 1);
  }
  return { cookieName } satisfies StoryCookies;
};

/** The decision cookie name the loader chose for this story. */
export function storyCookieName(context: Pick<StoryContext, 'loaded'>): string {
  return (context.loaded as StoryCookies).cookieName;
}
