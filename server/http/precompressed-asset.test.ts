import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrecompressedAsset, etagFor, ifNoneMatchHits } from './precompressed-asset.ts';

describe('If-None-Match', () => {
  const tag = '"abc"';
  it.each([
    [undefined, false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x",W/"abc" ', true],
    ['*', true],
    ['"abd"', false],
    ['abc', false],
    ['', false],
  ])('%j matches %s: %s', (header, hit) => {
    expect(ifNoneMatchHits(header, tag)).toBe(hit);
  });

  it('tags different bytes differently and the same bytes alike', () => {
    expect(etagFor(Buffer.from('a'))).toBe(etagFor(Buffer.from('a')));
    expect(etagFor(Buffer.from('a'))).not.toBe(etagFor(Buffer.from('b')));
  });
});

describe('a precompressed asset', () => {
  let dir: string;
  let server: Server;
  let url: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rembuk-asset-'));
    const app = express();
    const asset = createPrecompressedAsset({ file: join(dir, 'app.js'), contentType: 'text/javascript; charset=utf-8', cacheControl: 'no-cache' });
    app.get('/app.js', async (req, res) => {
      if (!(await asset(req, res))) res.status(404).end('missing');
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app.js`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves a missing file to the caller', async () => {
    expect((await fetch(url)).status).toBe(404);
  });

  it('never serves a compressed file older than the script (left from an earlier build)', async () => {
    writeFileSync(join(dir, 'app.js.gz'), gzipSync('old();'));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'app.js.gz'), past, past);
    writeFileSync(join(dir, 'app.js'), 'fresh();');
    const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe('fresh();');
  });

  it('notices a rebuilt file: new bytes, new ETag', async () => {
    writeFileSync(join(dir, 'app.js'), 'one();');
    const first = await fetch(url);
    expect(await first.text()).toBe('one();');
    writeFileSync(join(dir, 'app.js'), 'two(); // longer');
    const future = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'app.js'), future, future);
    const second = await fetch(url, { headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
    expect(second.status).toBe(200);
    expect(await second.text()).toBe('two(); // longer');
    expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });
});
