// Statistics shared by the bench scripts. A module of its own because report.mjs imports
// big-inventory.mjs: big-inventory.mjs taking it from report.mjs would make the two import each
// other.

/** Median, min and max of the numbers among `values` (failed runs leave holes). */
export function summarize(values) {
  const numbers = values.filter((value) => typeof value === 'number' && Number.isFinite(value));
  if (numbers.length === 0) return null;
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length, sum };
}
