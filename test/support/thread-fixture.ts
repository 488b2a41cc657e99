/**
 * One store, one in-process server and the readers a test connects, torn down together.
 * Integration suites call `useThreadFixture` inside a `describe.each(STORE_KINDS)`.
 */
import { afterEach, beforeEach } from 'vitest';
import type { ThreadSnapshot } from '../../protocol/events.ts';
import { connectReader, request, type ReaderOptions, type ReaderSocket } from './reader-client.ts';
import { openStore, type OpenedStore, type StoreKind } from './stores.ts';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app.ts';

export interface ThreadFixture {
  readonly opened: OpenedStore;
  readonly server: TestApp;
  /** Replace the server (same store) with one built from other options. */
  restart(options: TestAppOptions): Promise<void>;
  /** A connected reader, disconnected after the test. */
  reader(options?: ReaderOptions): Promise<ReaderSocket>;
  /** A connected reader that has joined `page`, with the snapshot it got. */
  joined(page: string, options?: ReaderOptions): Promise<{ socket: ReaderSocket; snapshot: ThreadSnapshot }>;
}

export function useThreadFixture(kind: StoreKind, options: TestAppOptions = {}): ThreadFixture {
  let opened: OpenedStore | undefined;
  let server: TestApp | undefined;
  const sockets: ReaderSocket[] = [];

  beforeEach(async () => {
    opened = await openStore(kind);
    server = await startTestApp(opened.store, options);
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await server?.close();
    await opened?.dispose();
  });

  const fixture: ThreadFixture = {
    get opened() {
      if (!opened) throw new Error('fixture used outside a test');
      return opened;
    },
    get server() {
      if (!server) throw new Error('fixture used outside a test');
      return server;
    },
    async restart(next) {
      await server?.close();
      server = await startTestApp(fixture.opened.store, next);
    },
    async reader(readerOptions = {}) {
      const socket = await connectReader(fixture.server.url, readerOptions);
      sockets.push(socket);
      return socket;
    },
    async joined(page, readerOptions = {}) {
      const socket = await fixture.reader(readerOptions);
      const snapshot = await request(socket, 'thread:join', { page });
      if (!snapshot.ok) throw new Error(snapshot.error.message);
      return { socket, snapshot: snapshot.data };
    },
  };
  return fixture;
}
