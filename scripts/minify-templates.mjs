// The whitespace of the elements' `html` templates, collapsed: every run of
// whitespace that holds a line break becomes one space, which renders the same
// (no element of ours keeps white space as written). The bundle (rollup.config.mjs)
// and lib/ (`node scripts/minify-templates.mjs lib`, after tsc) are rewritten
// alike: Lit hydrates a server-rendered banner only if the server's templates
// (from lib/) are the client's (dist/), string for string.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remapping from '@jridgewell/remapping';
import MagicString from 'magic-string';
import { parseAst } from 'rollup/parseAst';

/** Whether a module's templates are rewritten: the elements' own, under components/. */
export const hasElementTemplates = (path) => /[\\/]components[\\/].*\.(ts|js)$/.test(path);

/** `code` (JavaScript) with its `html` templates' whitespace collapsed, in a MagicString. */
export function minifyTemplates(code) {
  const output = new MagicString(code);
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node.type !== 'string') return;
    if (
      node.type === 'TaggedTemplateExpression' &&
      node.tag.type === 'Identifier' &&
      node.tag.name === 'html'
    ) {
      for (const quasi of node.quasi.quasis) {
        const raw = code.slice(quasi.start, quasi.end);
        if (raw !== quasi.value.raw) throw new Error(`a template's text is not where expected`);
        const collapsed = raw.replace(/\s*\n\s*/g, ' ');
        if (collapsed !== raw) output.overwrite(quasi.start, quasi.end, collapsed);
      }
    }
    for (const key of Object.keys(node)) if (key !== 'type') visit(node[key]);
  };
  visit(parseAst(code));
  return output;
}

/** Rewrites the element modules of `dir` (lib/) and their source maps. */
function minifyDirectory(dir) {
  for (const name of readdirSync(dir, { recursive: true })) {
    const file = join(dir, name);
    if (!file.endsWith('.js') || !hasElementTemplates(file)) continue;
    const code = readFileSync(file, 'utf8');
    const output = minifyTemplates(code);
    if (!output.hasChanged()) continue;
    writeFileSync(file, output.toString());
    const mapFile = `${file}.map`;
    const original = JSON.parse(readFileSync(mapFile, 'utf8'));
    const map = remapping(
      [output.generateMap({ hires: true, source: name, includeContent: false }), original],
      () => null,
    );
    writeFileSync(mapFile, JSON.stringify({ ...map, file: original.file }));
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  minifyDirectory(process.argv[2] ?? 'lib');
}
