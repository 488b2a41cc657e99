import type { BuildEnvironmentOptions } from 'vite';

/**
 * The build options of a script a site pastes (embed.js, count.js): one minified IIFE in
 * dist/, no chunks, no CSS file, and a map for debugging without a sourceMappingURL comment
 * (no 404 for readers' devtools).
 */
export function iifeBuild(entry: string, name: string, file: string): BuildEnvironmentOptions {
  return {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: 'hidden',
    reportCompressedSize: false,
    lib: { entry, formats: ['iife'], name, fileName: () => file },
  };
}
