// Where the bytes of a built file go: its minified bytes attributed, through its
// source map, to the source module each one comes from, with an estimate of each
// module's share of the brotli total (its bytes compressed alone, scaled so the
// shares add up to the file's real brotli size), and how many of its minified
// bytes are string and template literals (texts, CSS, markup, messages), roughly:
// a literal cut by a source-map segment is missed. After `npm run build`:
//   node scripts/size-breakdown.mjs [dist/cookie-consent.js]
import { readFileSync } from 'node:fs';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { brotliBytes } from './brotli-size.mjs';

const file = process.argv[2] ?? 'dist/cookie-consent.js';
const code = readFileSync(file, 'utf8');
const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));

// Offsets of each line's start, to turn (line, column) into an offset.
const lineStarts = [0];
for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);

const segments = [];
eachMapping(map, (m) => {
  segments.push({ at: lineStarts[m.generatedLine - 1] + m.generatedColumn, source: m.source });
});
segments.sort((a, b) => a.at - b.at);

const byModule = new Map();
const add = (source, text) => byModule.set(source, (byModule.get(source) ?? '') + text);
add('(unmapped)', code.slice(0, segments[0]?.at ?? code.length));
segments.forEach((segment, i) => {
  const end = segments[i + 1]?.at ?? code.length;
  add(segment.source ?? '(unmapped)', code.slice(segment.at, end));
});

const name = (source) =>
  source
    .replace(/^.*node_modules\//, '')
    .replace(/^(\.\.\/)+/, '')
    .replace(/^src\//, 'src/');
/** The bytes of a module's string and template literals: its texts, CSS and markup. */
const literalBytes = (text) =>
  (text.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? []).reduce(
    (sum, literal) => sum + Buffer.byteLength(literal),
    0,
  );
const rows = [...byModule].map(([source, text]) => ({
  module: name(source),
  bytes: Buffer.byteLength(text),
  // Lit's regular expressions hold quotes and backticks: counted for our sources only.
  literals: source.includes('node_modules') ? '-' : literalBytes(text),
  alone: brotliBytes(text),
}));
const total = brotliBytes(code);
const aloneSum = rows.reduce((sum, row) => sum + row.alone, 0);
rows.sort((a, b) => b.bytes - a.bytes);
console.log(`${file}: ${Buffer.byteLength(code)} B minified, ${total} B brotli`);
console.log('minified B  of which literals  ~brotli B  module');
for (const row of rows) {
  const share = Math.round((row.alone / aloneSum) * total);
  console.log(
    `${String(row.bytes).padStart(10)}  ${String(row.literals).padStart(16)}  ${String(share).padStart(9)}  ${row.module}`,
  );
}
