import { defineConfig } from 'vite';
import { iifeBuild } from './widget/iife-build.ts';
import { minifyTemplates } from './widget/thread/minify-templates.ts';

/**
 * Builds the one script a site pastes: dist/embed.js, a single minified IIFE with Lit, the
 * widget and its own Socket.IO client (widget/transport, decision 0203) inside (no chunks, no
 * CSS file: styles live in the Shadow DOM). socket.io-client is not in it, so the console's
 * websocket-only plugin (vite.console.config.ts) has nothing to do here. `npm run build` runs
 * widget/build.ts, which also enforces the size budget.
 */
export default defineConfig({
  plugins: [minifyTemplates()],
  publicDir: false,
  build: iifeBuild('widget/embed.ts', 'Rembuk', 'embed.js'),
});
