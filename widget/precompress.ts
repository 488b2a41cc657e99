/**
 * Precompression at build time: `<file>.gz` and `<file>.br` beside a built file, so the
 * server sends compressed bytes without compressing per request (server/http/precompressed-asset.ts).
 * Both at their highest settings: the cost is paid once per build, the saving on every page.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface CompressedSizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Written beside and renamed into place, so a running server never reads half a file. */
async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}

/** Writes `<file>.gz` (level 9) and `<file>.br` (quality 11, text mode); resolves with the sizes. */
export async function writePrecompressed(file: string): Promise<CompressedSizes> {
  const bytes = await readFile(file);
  const [gz, br] = await Promise.all([
    gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
    brotliAsync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  ]);
  await Promise.all([writeWhole(`${file}.gz`, gz), writeWhole(`${file}.br`, br)]);
  return { raw: bytes.length, gzip: gz.length, brotli: br.length };
}
