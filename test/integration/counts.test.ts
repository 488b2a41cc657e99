/**
 * The count API behind `<rembuk-count>`, against a real server on each store: several pages'
 * counts in one request (held comments not counted, repeated pages answered once), the thread
 * API's origin rules and CORS, no caching, and every bad request refused with a code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_PAGES_MAX } from '../../protocol/counts.ts';
import { connectReader, request, type ReaderSocket } from '../support/reader-client.ts';
import { openStore, STORE_KINDS, type OpenedStore } from '../support/stores.ts';
import { moderationSettings, OTHER_ALLOWED_ORIGIN, startTestApp, type TestApp } from '../support/test-app.ts';

const q = (pages: string[]) => pages.map((p) => `page=${encodeURIComponent(p)}`).join('&');

describe.each(STORE_KINDS)('comment counts on the %s store', (kind) => {
  let opened: OpenedStore;
  let server: TestApp;
  let socket: ReaderSocket;

  beforeAll(async () => {
    opened = await openStore(kind);
    // Pre-moderated on "other": its comments are held, so they must not be counted.
    server = await startTestApp(opened.store, { moderation: { other: moderationSettings({}, { preModerated: true }) } });
    socket = await connectReader(server.url);
    let n = 0;
    const post = async (page: string) => {
      n += 1;
      const result = await request(socket, 'comment:create', {
        page,
        text: `Komentar nomor ${n}.`,
        authorName: 'Rina',
        key: `count-key-${String(n).padStart(4, '0')}`,
      });
      expect(result.ok).toBe(true);
    };
    await post('/artikel/satu');
    await post('/artikel/satu');
    await post('/artikel/dua');
  });
  afterAll(async () => {
    socket.disconnect();
    await server.close();
    await opened.dispose();
  });

  it('answers the counts of several pages in one request, 0 for a page with no comments', async () => {
    const res = await fetch(`${server.url}/api/v1/counts/demo?${q(['/artikel/satu', '/artikel/dua', '/artikel/tiga', '/artikel/satu'])}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true, data: { counts: { '/artikel/satu': 2, '/artikel/dua': 1, '/artikel/tiga': 0 } } });
  });

  it('does not count a held comment', async () => {
    const reader = await connectReader(server.url, { site: 'other', origin: 'https://other.example' });
    try {
      const held = await request(reader, 'comment:create', {
        page: '/tertahan',
        text: 'Menunggu moderator.',
        authorName: 'Budi',
        key: 'count-held-0001',
      });
      expect(held.ok && held.data.comment.status).toBe('pending');
    } finally {
      reader.disconnect();
    }
    const res = await fetch(`${server.url}/api/v1/counts/other?page=%2Ftertahan`);
    expect(await res.json()).toEqual({ ok: true, data: { counts: { '/tertahan': 0 } } });
  });

  it('lets a page on an allowed origin read the counts (CORS) and refuses any other origin', async () => {
    const allowed = await fetch(`${server.url}/api/v1/counts/demo?page=%2Fartikel%2Fdua`, { headers: { Origin: OTHER_ALLOWED_ORIGIN } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(OTHER_ALLOWED_ORIGIN);
    expect(allowed.headers.get('vary')).toMatch(/Origin/i);
    const preflight = await fetch(`${server.url}/api/v1/counts/demo?page=%2Fa`, { method: 'OPTIONS', headers: { Origin: OTHER_ALLOWED_ORIGIN } });
    expect(preflight.status).toBe(204);
    const refused = await fetch(`${server.url}/api/v1/counts/demo?page=%2Fartikel%2Fdua`, { headers: { Origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ORIGIN_NOT_ALLOWED');
  });

  it.each([
    ['no page at all', 'demo', '', 400, 'INVALID_INPUT'],
    ['a page id with spaces', 'demo', 'page=has%20spaces', 400, 'INVALID_INPUT'],
    ['a page id given as an object', 'demo', 'page[x]=1', 400, 'INVALID_INPUT'],
    [`${COUNT_PAGES_MAX + 1} pages`, 'demo', q(Array.from({ length: COUNT_PAGES_MAX + 1 }, (_, i) => `/p${i}`)), 400, 'INVALID_INPUT'],
    ['an unknown site', 'nope', 'page=%2Fa', 404, 'UNKNOWN_SITE'],
    ['a malformed site id', 'Not_A_Site', 'page=%2Fa', 400, 'INVALID_INPUT'],
  ])('refuses %s with a code', async (_label, site, query, status, code) => {
    const res = await fetch(`${server.url}/api/v1/counts/${site}?${query}`);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it(`answers ${COUNT_PAGES_MAX} pages at once`, async () => {
    const pages = Array.from({ length: COUNT_PAGES_MAX }, (_, i) => `/p${i}`).concat();
    pages[0] = '/artikel/satu';
    const res = await fetch(`${server.url}/api/v1/counts/demo?${q(pages)}`);
    const body = (await res.json()) as { data: { counts: Record<string, number> } };
    expect(Object.keys(body.data.counts)).toHaveLength(COUNT_PAGES_MAX);
    expect(body.data.counts['/artikel/satu']).toBe(2);
  });
});
