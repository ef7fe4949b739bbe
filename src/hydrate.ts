/**
 * dist/hydrate.js: for pages whose server rendered the banner (src/server.ts).
 * Loaded before dist/cookie-consent.js, it lets the elements adopt the
 * declarative shadow DOM the server sent instead of creating it again. A
 * build of its own, so that pages without server rendering download none of it.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
