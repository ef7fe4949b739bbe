// dist/consent-mode-default.js is a classic script for the page's <head>: it
// exports nothing, and imported (for its effect) it sets Google Consent
// Mode's defaults on `window` once.
export {};
