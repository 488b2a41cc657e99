/**
 * `npm run build`: builds dist/embed.js with Vite (vite.config.ts), prints its size raw and
 * gzip-compressed, and fails when the gzip size is over the budget. The budget is the size a
 * site owner pays on every article page, so it is checked on every build, not now and then.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** 35 KB gzip for Lit, socket.io-client and the widget together (issue 2). */
export const EMBED_BUDGET_BYTES = 35 * 1024;

const root = fileURLToPath(new URL('..', import.meta.url));

await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'warn' });

const file = `${root}dist/embed.js`;
const bytes = await readFile(file);
// Level 6 is what nginx, Express compression and CDNs use by default.
const gzip = gzipSync(bytes, { level: 6 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const verdict = gzip <= EMBED_BUDGET_BYTES ? 'within' : 'OVER';
console.log(`dist/embed.js: ${kb(bytes.length)} raw, ${kb(gzip)} gzip (${gzip} bytes; ${verdict} the ${kb(EMBED_BUDGET_BYTES)} budget)`);
if (gzip > EMBED_BUDGET_BYTES) {
  console.error(`dist/embed.js is ${gzip - EMBED_BUDGET_BYTES} bytes over its gzip budget.`);
  process.exit(1);
}
