/**
 * Every kind of bad request gets a stable code and a message, the server keeps serving,
 * and nothing stored changes. Run once per store.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isResultOf } from '../../protocol/guards.ts';
import { connectReader, request, requestRaw, type ReaderSocket } from '../support/reader-client.ts';
import { openStore, STORE_KINDS, type OpenedStore } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const isAnything = (_value: unknown): _value is unknown => true;

const PAGE = '/bad-input';
const valid = { page: PAGE, text: 'Komentar yang sah.', authorName: 'Rina', key: 'valid-key-0001' };

const cases: [string, string, unknown, string, string?][] = [
  ['empty text', 'comment:create', { ...valid, text: '' }, 'INVALID_INPUT', 'text'],
  ['whitespace-only text', 'comment:create', { ...valid, text: ' \n\t  \u00a0 ' }, 'INVALID_INPUT', 'text'],
  ['text over 5,000 characters', 'comment:create', { ...valid, text: 'a'.repeat(5_001) }, 'INVALID_INPUT', 'text'],
  ['a name over 60 characters', 'comment:create', { ...valid, authorName: 'n'.repeat(61) }, 'INVALID_INPUT', 'authorName'],
  ['an empty name', 'comment:create', { ...valid, authorName: '   ' }, 'INVALID_INPUT', 'authorName'],
  ['a missing text', 'comment:create', { page: PAGE, authorName: 'Rina', key: 'valid-key-0002' }, 'INVALID_INPUT', 'text'],
  ['a missing idempotency key', 'comment:create', { page: PAGE, text: 'x', authorName: 'Rina' }, 'INVALID_INPUT', 'key'],
  ['text of the wrong type', 'comment:create', { ...valid, text: 42 }, 'INVALID_INPUT', 'text'],
  ['a payload that is not an object', 'comment:create', 'hello', 'INVALID_INPUT'],
  ['a null payload', 'comment:create', null, 'INVALID_INPUT'],
  ['an unknown field', 'comment:create', { ...valid, status: 'published' }, 'INVALID_INPUT'],
  ['a malformed page id', 'comment:create', { ...valid, page: 'has spaces {and braces}' }, 'INVALID_INPUT', 'page'],
  ['an empty page id', 'thread:join', { page: '' }, 'INVALID_INPUT', 'page'],
  ['a page id of the wrong type', 'thread:join', { page: ['x'] }, 'INVALID_INPUT', 'page'],
  ['a bad cursor', 'thread:more', { page: PAGE, cursor: 'DROP TABLE' }, 'INVALID_INPUT', 'cursor'],
  ['a negative resync sequence', 'thread:resync', { page: PAGE, afterSeq: -1 }, 'INVALID_INPUT', 'afterSeq'],
  ['a malformed idempotency key', 'comment:create', { ...valid, key: 'short' }, 'INVALID_INPUT', 'key'],
  ['a payload over 64 KB', 'comment:create', { ...valid, text: 'x'.repeat(70_000) }, 'PAYLOAD_TOO_LARGE'],
  ['an unknown event', 'comment:explode', { page: PAGE }, 'UNKNOWN_EVENT'],
];

describe.each(STORE_KINDS)('bad input on the %s store', (kind) => {
  let opened: OpenedStore;
  let server: TestApp;
  let socket: ReaderSocket;

  beforeAll(async () => {
    opened = await openStore(kind);
    server = await startTestApp(opened.store);
    socket = await connectReader(server.url);
    const first = await request(socket, 'comment:create', valid);
    expect(first.ok).toBe(true);
  });
  afterAll(async () => {
    socket.disconnect();
    await server.close();
    await opened.dispose();
  });

  it.each(cases)('answers %s with a stable code and a message', async (_label, event, payload, code, field) => {
    const before = await request(socket, 'thread:join', { page: PAGE });
    const result = await requestRaw(socket, event, payload);
    if (!isResultOf(isAnything)(result)) throw new Error(`not a Result: ${JSON.stringify(result)}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(5);
    if (field) expect(result.error.field).toBe(field);
    const after = await request(socket, 'thread:join', { page: PAGE });
    expect(after.ok && after.data.count).toBe(before.ok && before.data.count);
    expect(after.ok && after.data.seq).toBe(before.ok && before.data.seq);
    expect(after.ok && after.data.mine).toEqual(before.ok && before.data.mine);
  });

  it('keeps serving the same connection after all of them', async () => {
    expect(socket.connected).toBe(true);
    const ok = await request(socket, 'comment:create', { ...valid, key: 'valid-key-0099' });
    expect(ok.ok).toBe(true);
  });

  it('ignores a request sent without an acknowledgement callback', async () => {
    const raw: Socket = socket;
    raw.emit('comment:create', valid);
    const still = await request(socket, 'thread:join', { page: PAGE });
    expect(still.ok).toBe(true);
  });
});
