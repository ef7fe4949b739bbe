// Types for the TypeScript configs that import scripts/browsers.mjs.
export const CHROMIUM_PATH: string;
export const CHROMIUM_FLAGS: string[];
export const WEBKIT_MINIBROWSER: string;
export interface Engine {
  name: 'chromium' | 'firefox' | 'webkit';
  files: string[];
  debian: string[];
}
export const engines: Engine[];
export function selectedEngines(env?: Record<string, string | undefined>): Engine[];
export function missingEngines(list?: Engine[]): string[];
