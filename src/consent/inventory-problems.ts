/**
 * The inventory's problems in words: what `findInventoryProblems()` returns
 * and what the console shows for an invalid inventory. Apart from the checks
 * (inventory.ts), which find them as codes, so that the script tag's entry
 * carries none of these words: it fetches this module for an invalid
 * inventory only. Once it is loaded (the package's entry exports
 * `findInventoryProblems()`, the server imports that entry), reports are
 * written at once.
 */
import {
  DURATION_UNITS,
  findProblems,
  PARTIES,
  setProblemReport,
  STORAGES,
  type Finding,
  type InventoryProblem,
} from './inventory.js';

/** Each problem's message, from the values the checks name. */
const MESSAGES = {
  inventory: () => 'must be an object with "categories"',
  unreadable: (reason: string) => `cannot be read as JSON data (${reason})`,
  revision: () => 'must be a string or a finite number',
  required: () => 'is required',
  noText: () => 'has no text in any language',
  text: () => 'must be a string or an object from locale code to string',
  unit: () => `is not one of ${DURATION_UNITS.join(', ')}`,
  amount: () => 'must be a number of 0 or more',
  array: () => 'must be an array',
  nonEmptyArray: () => 'must be a non-empty array',
  object: () => 'must be an object',
  nonEmptyString: () => 'must be a non-empty string',
  boolean: () => 'must be true or false',
  proto: () => 'cannot be "__proto__"',
  spaces: () => 'must not contain spaces',
  categoryTwice: (id: string) => `"${id}" is already the id of another category`,
  vendorTwice: (id: string) => `"${id}" is already the id of another vendor`,
  categoryTaken: (id: string) => `"${id}" is already the id of a category`,
  categoryId: () => 'must be the id of a category',
  notCategory: (id: string) => `"${id}" is not a category`,
  notVendor: (id: string) => `"${id}" is not a vendor`,
  vendorCategory: (category: string, vendor: string) =>
    `must be "${category}", the category of vendor "${vendor}"`,
  consentMode: () => 'must be a list of Google consent types',
  party: () => `must be ${PARTIES.map((name) => `"${name}"`).join(' or ')}`,
  storage: () => `must be one of ${STORAGES.join(', ')}`,
  href: () => 'must be an http(s) or relative URL',
} satisfies Record<string, (...values: string[]) => string>;

export type ProblemCode = keyof typeof MESSAGES;

function inWords([path, code, ...values]: Finding): InventoryProblem {
  return { path, message: (MESSAGES[code] as (...values: string[]) => string)(...values) };
}

/**
 * Every problem of `value` as an inventory; an empty list means it is valid.
 * Never throws: a value whose getters throw (a hostile Proxy) is one problem.
 */
export function findInventoryProblems(value: unknown): InventoryProblem[] {
  return findProblems(value).map(inWords);
}

/** Reports every problem in one `console.error`, prefixed with `source` (e.g. the tag name). */
export function reportProblems(problems: Finding[], source: string): void {
  console.error(
    `${source}: invalid cookie inventory, nothing is shown until it is fixed:\n` +
      problems
        .map(inWords)
        .map((problem) => `  ${problem.path}: ${problem.message}`)
        .join('\n'),
  );
}

setProblemReport(reportProblems);
