/** `text` (the CSS of a `css` template) without the comments and whitespace CSS does not need. */
export function minifyCss(text: string): string;
