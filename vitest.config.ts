import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'data/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // Vitest's default on a 2-core machine is one worker, which runs the suite file by file; most
    // files spend their time waiting on servers, Redis, nginx and Chromium, so two share the cores
    // well and keep CI inside its 20 minutes (docs/decisions/0025).
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
