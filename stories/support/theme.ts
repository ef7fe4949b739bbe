/** The custom properties a host themes the elements with, as story controls. */
import type { ArgTypes } from '@storybook/web-components-vite';

const CATEGORY = 'css custom properties';

/** Controls for the main custom properties; stories apply them with `themeStyle`. */
export const themeArgTypes: Partial<ArgTypes> = {
  '--cookie-consent-accent': {
    control: 'color',
    description: 'Button colour (and links, switches when on).',
    table: { category: CATEGORY },
  },
  '--cookie-consent-background': {
    control: 'color',
    description: 'Background of the banner and the dialog.',
    table: { category: CATEGORY },
  },
  '--cookie-consent-color': {
    control: 'color',
    description: 'Text colour.',
    table: { category: CATEGORY },
  },
  '--cookie-consent-radius': {
    control: 'text',
    description: 'Corner radius, any CSS length.',
    table: { category: CATEGORY },
  },
  '--cookie-consent-font-family': {
    control: 'select',
    options: [
      'system-ui, sans-serif',
      "Georgia, 'Times New Roman', serif",
      "'Courier New', monospace",
      "'Trebuchet MS', Verdana, sans-serif",
    ],
    description: 'Font family (the page’s own fonts; the elements load none).',
    table: { category: CATEGORY },
  },
};

/** An inline style setting every `--cookie-consent-*` arg that has a value. */
export function themeStyle(args: Record<string, unknown>): string {
  return Object.entries(args)
    .filter(
      ([name, value]) =>
        name.startsWith('--cookie-consent-') && typeof value === 'string' && value.trim() !== '',
    )
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('; ');
}
