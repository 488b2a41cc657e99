import { defineConfig } from 'vite';
import { iifeBuild } from './widget/iife-build.ts';

/**
 * Builds dist/count.js: `<rembuk-count>` alone (widget/count/count.ts), a single minified IIFE
 * with no Lit and no socket.io-client, for article lists. `npm run build` runs widget/build.ts,
 * which also enforces its 3 KB gzip budget.
 */
export default defineConfig({
  publicDir: false,
  build: iifeBuild('widget/count/count.ts', 'RembukCount', 'count.js'),
});
