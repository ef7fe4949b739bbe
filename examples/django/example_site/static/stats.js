// Stands for a statistics tool (Matomo, a first-party counter…): it sets the
// cookie the inventory declares for "statistics", and shows that it ran. The
// page only loads it once the visitor granted statistics.
const YEAR_AND_A_MONTH = 390 * 24 * 60 * 60;
// Set once, not pushed back on each visit (CNIL: at most 13 months).
if (!document.cookie.split('; ').some((cookie) => cookie.startsWith('example_stats='))) {
  document.cookie = `example_stats=${Date.now()}; Path=/; Max-Age=${YEAR_AND_A_MONTH}; SameSite=Lax`;
}
document.documentElement.dataset.statistics = 'loaded';
