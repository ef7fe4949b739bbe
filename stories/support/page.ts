/** A stand-in host page behind the banner and the dialog, so stories look like a site. */
import { html } from 'lit';

export function hostPage(title = 'Cookie policy') {
  return html`
    <style>
      .host-page {
        box-sizing: border-box;
        max-inline-size: 44rem;
        padding: 1.5rem;
        font-family: system-ui, sans-serif;
        line-height: 1.5;
      }
    </style>
    <main class="host-page">
      <h1 id="cookie-policy">${title}</h1>
      <p>
        This stands for the site's own page. The banner sits at the bottom of the viewport, over the
        page, which gets room at its end so that nothing focused stays under the banner.
      </p>
    </main>
  `;
}
