import { html, type TemplateResult } from 'lit';

/** Stands for the inventory text in a translated sentence; a private-use character no translation holds. */
const MARK = '\uE000';

/**
 * A translated sentence with an inventory text in it, that text in a `<bdi>`:
 * a French provider name in an Arabic sentence keeps its own direction, and
 * the sentence its own. `sentence` is the `msg()` call, given the text's place.
 */
export function withIsolatedText(sentence: (text: string) => string, text: string): TemplateResult {
  const [first, ...rest] = sentence(MARK).split(MARK);
  return html`${first}${rest.map((part) => html`<bdi>${text}</bdi>${part}`)}`;
}
