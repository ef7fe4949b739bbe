// The build's CSS minifier (rollup.config.mjs), apart so that the browser tests can
// check that it changes no rule.

/**
 * The text of a `css` template, minified: comments and the whitespace CSS does
 * not need go, quoted strings are kept as they are (no comment may be in
 * one). Conservative on purpose: no space is removed before `:` (`.a :focus`
 * is not `.a:focus`) or `(` (`and (…)`), nor around `+` or `-` (`calc()`).
 */
export function minifyCss(text) {
  // Comments first: their words may hold quotes ("the content's size").
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('[^']*'|"[^"]*")/)
    .map((part, index) =>
      index % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/\( /g, '(')
            .replace(/ \)/g, ')')
            .replace(/;}/g, '}'),
    )
    .join('')
    .trim();
}
