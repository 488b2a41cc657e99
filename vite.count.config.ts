import { defineConfig } from 'vite';

/**
 * Builds dist/count.js: `<rembuk-count>` alone (widget/count/count.ts), a single minified IIFE
 * with no Lit and no socket.io-client, for article lists. `npm run build` runs widget/build.ts,
 * which also enforces its 3 KB gzip budget.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: 'hidden',
    reportCompressedSize: false,
    lib: {
      entry: 'widget/count/count.ts',
      formats: ['iife'],
      name: 'RembukCount',
      fileName: () => 'count.js',
    },
  },
});
