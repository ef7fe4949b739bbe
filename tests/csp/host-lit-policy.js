// The host page's own Lit, loaded first, has created its policy, `lit-html`.
if (window.trustedTypes && new window.URLSearchParams(window.location.search).has('host-lit')) {
  window.trustedTypes.createPolicy('lit-html', { createHTML: (html) => html });
}
