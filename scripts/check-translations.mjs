// Fails when a language misses a UI string or still shows the English source.
// A few strings are rightly the same in some languages ("Session" in French);
// locales/same-as-english.json lists them, per message id, with the languages.
import { readFileSync, readdirSync } from 'node:fs';

const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const allowed = JSON.parse(readFileSync('locales/same-as-english.json', 'utf8'));
const problems = [];

const units = (xliff) =>
  [...xliff.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)].map(
    ([, id, body]) => ({
      id,
      source: body.match(/<source>([\s\S]*?)<\/source>/)?.[1],
      target: body.match(/<target>([\s\S]*?)<\/target>/)?.[1],
    }),
  );

const files = readdirSync('locales').filter((file) => file.endsWith('.xlf'));
for (const locale of config.targetLocales) {
  if (!files.includes(`${locale}.xlf`))
    problems.push(`${locale}: locales/${locale}.xlf is missing`);
}
for (const file of files) {
  const locale = file.replace(/\.xlf$/, '');
  if (!config.targetLocales.includes(locale)) {
    problems.push(`${file}: ${locale} is not in lit-localize.json targetLocales`);
    continue;
  }
  for (const { id, source, target } of units(readFileSync(`locales/${file}`, 'utf8'))) {
    if (!target?.trim()) problems.push(`${locale}: "${id}" has no translation`);
    else if (target.trim() === source.trim() && !allowed[id]?.includes(locale)) {
      problems.push(`${locale}: "${id}" is still the English text "${source}"`);
    }
  }
}
// The README lists the languages; lit-localize.json is the one place they come from.
const readme = readFileSync('README.md', 'utf8');
const listed = [
  ...(readme.match(/^UI languages: ([\s\S]*?)\n\n/m)?.[1] ?? '').matchAll(/\(([\w-]+)\)/g),
].map(([, code]) => code);
const expected = [config.sourceLocale, ...config.targetLocales];
if (listed.join() !== expected.join()) {
  problems.push(
    `README.md: the "UI languages:" paragraph lists ${listed.join(', ') || 'nothing'}; lit-localize.json has ${expected.join(', ')}`,
  );
}

if (problems.length > 0) {
  console.error(`Translations are incomplete:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Translations complete: ${files.length} languages besides English.`);
