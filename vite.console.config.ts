import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { websocketOnly } from './widget/websocket-only.ts';

/**
 * Builds the moderation console served at /moderate: dist/moderate/index.html and one hashed
 * module script under dist/moderate/assets/. The HTML has no inline script or style (the
 * server sends CSP script-src 'self'); Lit's styles are adopted stylesheets. Paths are
 * absolute under /moderate/, so the page works at /moderate and /moderate/ alike.
 */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./widget/console'),
  base: '/moderate/',
  plugins: [websocketOnly()],
  publicDir: false,
  build: {
    outDir: here('./dist/moderate'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: 'hidden',
    reportCompressedSize: false,
    // The polyfill would be a second script for browsers the console does not target.
    modulePreload: { polyfill: false },
    // Never inline an asset as a data: URL (the CSP allows none).
    assetsInlineLimit: 0,
  },
});
