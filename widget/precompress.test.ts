import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { writePrecompressed } from './precompress.ts';

describe('precompressing a built file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes .gz and .br beside it that decompress to the same bytes, brotli the smaller, and no temp files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rembuk-precompress-'));
    dirs.push(dir);
    const file = join(dir, 'embed.js');
    const source = Array.from({ length: 400 }, (_, i) => `export const value${i} = "komentar ${i}";`).join('\n');
    writeFileSync(file, source);
    const sizes = await writePrecompressed(file);
    expect(readdirSync(dir).sort()).toEqual(['embed.js', 'embed.js.br', 'embed.js.gz']);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(source);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(source);
    expect(sizes.raw).toBe(Buffer.byteLength(source));
    expect(sizes.gzip).toBe(readFileSync(`${file}.gz`).length);
    expect(sizes.brotli).toBe(readFileSync(`${file}.br`).length);
    expect(sizes.brotli).toBeLessThan(sizes.gzip);
  });
});
