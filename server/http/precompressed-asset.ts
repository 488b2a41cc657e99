/**
 * Serves one built file (dist/embed.js, later bundles) the way a script pasted on other
 * sites should be served: compressed at build time (`.br`, `.gz` beside it; nothing is
 * compressed per request), chosen by Accept-Encoding, with a strong ETag per encoding so a
 * revalidation costs a 304 and no body.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Request, Response } from 'express';
import { chooseEncoding, ENCODINGS, type Encoding } from './accept-encoding.ts';

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz', identity: '' };

export interface PrecompressedAssetOptions {
  /** The uncompressed file; `<file>.br` and `<file>.gz` are used when they are at least as new. */
  file: string;
  contentType: string;
  cacheControl: string;
  /** Headers every answer carries (CORS, CORP). */
  headers?: Record<string, string>;
}

export interface Variant {
  encoding: Encoding;
  bytes: Buffer;
  etag: string;
}

/** A strong ETag from the bytes sent: each encoding is its own representation (RFC 9110 §8.8.3). */
export function etagFor(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/** Whether If-None-Match names `etag` (weak comparison, RFC 9110 §13.1.2), or is `*`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = strip(etag);
  return header.split(',').some((tag) => strip(tag) === wanted);
}

/** Reads each variant once per change of the file (size and mtime), not once per request. */
function createVariantCache(file: string) {
  const cache = new Map<Encoding, { key: string; variant: Variant }>();
  return async function variants(): Promise<Map<Encoding, Variant>> {
    const found = new Map<Encoding, Variant>();
    const identity = await stat(file).catch(() => null);
    if (!identity) return found;
    for (const encoding of ENCODINGS) {
      const path = file + SUFFIX[encoding];
      const info = encoding === 'identity' ? identity : await stat(path).catch(() => null);
      // A compressed file older than the script is left over from an earlier build: never
      // serve old code just because it is smaller.
      if (!info || info.mtimeMs < identity.mtimeMs) continue;
      const key = `${info.size}:${info.mtimeMs}:${info.ino}`;
      const cached = cache.get(encoding);
      if (cached?.key === key) {
        found.set(encoding, cached.variant);
        continue;
      }
      const bytes = await readFile(path).catch(() => null);
      if (!bytes) continue;
      const variant = { encoding, bytes, etag: etagFor(bytes) };
      cache.set(encoding, { key, variant });
      found.set(encoding, variant);
    }
    return found;
  };
}

/**
 * An Express handler for GET and HEAD. Resolves false when the file does not exist (the
 * caller answers that), true when it answered.
 */
export function createPrecompressedAsset(options: PrecompressedAssetOptions): (req: Request, res: Response) => Promise<boolean> {
  const variants = createVariantCache(options.file);
  return async (req, res) => {
    const available = await variants();
    if (!available.has('identity')) return false;
    const encoding = chooseEncoding(req.headers['accept-encoding'], [...available.keys()]);
    const variant = available.get(encoding) ?? available.get('identity');
    if (!variant) return false;
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    // Caches must keep one copy per encoding, whichever one this answer is.
    res.vary('Accept-Encoding');
    res.setHeader('Cache-Control', options.cacheControl);
    res.setHeader('ETag', variant.etag);
    if (ifNoneMatchHits(req.headers['if-none-match'], variant.etag)) {
      res.status(304).end();
      return true;
    }
    res.setHeader('Content-Type', options.contentType);
    if (variant.encoding !== 'identity') res.setHeader('Content-Encoding', variant.encoding);
    res.setHeader('Content-Length', String(variant.bytes.length));
    // Node sends no body for HEAD by itself.
    res.status(200).end(variant.bytes);
    return true;
  };
}
