/**
 * `npm run build`: builds dist/embed.js with Vite (vite.config.ts), writes it precompressed
 * beside it (embed.js.gz, embed.js.br: the server sends those, widget/precompress.ts), prints
 * its sizes, and fails when the gzip size is over the budget. The budget is the size a site
 * owner pays on every article page, so it is checked on every build, not now and then.
 * Then dist/count.js (`<rembuk-count>` alone, vite.count.config.ts), precompressed too, with its
 * own budget. Then it builds the moderation console (vite.console.config.ts → dist/moderate/) and prints
 * its size; only moderators load it, so it has no budget.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { writePrecompressed } from './precompress.ts';

/** 30 KB gzip for Lit, our Socket.IO client (0203) and the widget together: what a site owner pays on every article page. */
export const EMBED_BUDGET_BYTES = 30 * 1024;

/** 3 KB gzip for `<rembuk-count>` alone (dist/count.js): an article list pays it, so it has no Lit and no socket. */
export const COUNT_BUDGET_BYTES = 3 * 1024;

const root = fileURLToPath(new URL('..', import.meta.url));

await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'warn' });

const file = `${root}dist/embed.js`;
const bytes = await readFile(file);
// The budget is measured at level 6, what nginx, Express compression and CDNs use by default,
// so it holds for a site that recompresses; what we serve ourselves is smaller still.
const gzip = gzipSync(bytes, { level: 6 }).length;
const served = await writePrecompressed(file);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const verdict = gzip <= EMBED_BUDGET_BYTES ? 'within' : 'OVER';
console.log(`dist/embed.js: ${kb(bytes.length)} raw, ${kb(gzip)} gzip (${gzip} bytes; ${verdict} the ${kb(EMBED_BUDGET_BYTES)} budget)`);
console.log(
  `  served precompressed: ${kb(served.brotli)} brotli (embed.js.br, ${served.brotli} bytes), ${kb(served.gzip)} gzip -9 (embed.js.gz, ${served.gzip} bytes)`,
);
if (gzip > EMBED_BUDGET_BYTES) {
  console.error(`dist/embed.js is ${gzip - EMBED_BUDGET_BYTES} bytes over its gzip budget.`);
  process.exit(1);
}

// `<rembuk-count>` alone (vite.count.config.ts), for article lists: its own, smaller budget.
await build({ root, configFile: `${root}vite.count.config.ts`, logLevel: 'warn' });
const countFile = `${root}dist/count.js`;
const countBytes = await readFile(countFile);
const countGzip = gzipSync(countBytes, { level: 6 }).length;
const countServed = await writePrecompressed(countFile);
const countVerdict = countGzip <= COUNT_BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `dist/count.js: ${kb(countBytes.length)} raw, ${kb(countGzip)} gzip (${countGzip} bytes; ${countVerdict} the ${kb(COUNT_BUDGET_BYTES)} budget); served ${countServed.brotli} bytes brotli, ${countServed.gzip} bytes gzip -9`,
);
if (countGzip > COUNT_BUDGET_BYTES) {
  console.error(`dist/count.js is ${countGzip - COUNT_BUDGET_BYTES} bytes over its gzip budget.`);
  process.exit(1);
}

// Its root is widget/console (the config says so): passing ours would override it.
await build({ configFile: `${root}vite.console.config.ts`, logLevel: 'warn' });
const assets = `${root}dist/moderate/assets/`;
for (const name of (await readdir(assets)).filter((n) => n.endsWith('.js'))) {
  const js = await readFile(`${assets}${name}`);
  const zipped = gzipSync(js, { level: 6 }).length;
  console.log(`dist/moderate/assets/${name}: ${kb(js.length)} raw, ${kb(zipped)} gzip (${zipped} bytes)`);
}
