import type { StrResult } from '@lit/localize';

/** What a generated locale module (lit-localize runtime output) exports. */
export interface LocaleModule {
  templates: Record<string, string | StrResult>;
}
