import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Every page is rendered per request, by Node: the banner depends on the visitor's cookies.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  devToolbar: { enabled: false },
});
