import { defineConfig } from 'vite';
import { iifeBuild } from './widget/iife-build.ts';
import { minifyTemplates } from './widget/thread/minify-templates.ts';
import { websocketOnly } from './widget/websocket-only.ts';

/**
 * Builds the one script a site pastes: dist/embed.js, a single minified IIFE with Lit,
 * socket.io-client and the widget inside (no chunks, no CSS file: styles live in the
 * Shadow DOM). `npm run build` runs widget/build.ts, which also enforces the size budget.
 */
export default defineConfig({
  plugins: [websocketOnly(), minifyTemplates()],
  publicDir: false,
  build: iifeBuild('widget/embed.ts', 'Rembuk', 'embed.js'),
});
