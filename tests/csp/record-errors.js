// Collects what the page reports in its console and what escapes it uncaught, for the test.
window.consoleErrors = [];
window.uncaught = [];
const consoleError = console.error.bind(console);
console.error = (...args) => {
  window.consoleErrors.push(args.map(String).join(' '));
  consoleError(...args);
};
window.addEventListener('error', (event) =>
  window.uncaught.push(String(event.error ?? event.message)),
);
window.addEventListener('unhandledrejection', (event) =>
  window.uncaught.push(String(event.reason)),
);
