import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../storage.ts';
import { FakeModerationClient } from './fake-moderation-client.ts';
import { SessionController } from './session-controller.ts';
import { settle, TestHost } from './test-host.ts';

const view = (sites = [{ id: 'demo', name: 'Demo' }]) => ({ email: 'ana@news.example', role: 'moderator' as const, sites, expiresAt: 9e12 });
const memory = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
};

async function start(client = new FakeModerationClient(), storage = memory()) {
  const host = new TestHost();
  const session = new SessionController(host, client, storage);
  host.connect();
  await settle();
  return { host, session, client, storage };
}

describe('the console’s session', () => {
  it('shows sign-in when nobody is signed in, and connects nowhere', async () => {
    const { session, client } = await start();
    expect(session.phase).toBe('signed-out');
    expect(session.signInError).toBeNull();
    expect(client.connections).toEqual([]);
  });

  it('opens the site’s connection for a moderator already signed in', async () => {
    const client = new FakeModerationClient();
    client.session = { ok: true, data: view() };
    const { session } = await start(client);
    expect(session.phase).toBe('signed-in');
    expect(session.site).toBe('demo');
    expect(client.latest?.site).toBe('demo');
  });

  it('keeps the sign-in error to show it, and connects after a successful sign-in', async () => {
    const client = new FakeModerationClient();
    client.signInAnswer = (email, password) =>
      password === 'right' ? { ok: true, data: view() } : { ok: false, error: { code: 'SIGN_IN_FAILED', message: 'No.' } };
    const { session } = await start(client);
    await session.signIn('ana@news.example', 'wrong');
    expect(session.signInError?.code).toBe('SIGN_IN_FAILED');
    await session.signIn('ana@news.example', 'right');
    expect(session.phase).toBe('signed-in');
    expect(client.connections.length).toBe(1);
  });

  it('remembers the site picked among several, and reconnects for it', async () => {
    const client = new FakeModerationClient();
    client.session = {
      ok: true,
      data: view([
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ]),
    };
    const { session, storage } = await start(client);
    const first = client.latest!;
    session.chooseSite('b');
    expect(first.closed).toBe(true);
    expect(client.latest?.site).toBe('b');
    session.chooseSite('not-mine');
    expect(session.site).toBe('b');
    const again = await start(client, storage);
    expect(again.session.site).toBe('b');
  });

  it('goes back to sign-in when the session ends, by broadcast or by a refused handshake', async () => {
    const client = new FakeModerationClient();
    client.session = { ok: true, data: view() };
    const { session } = await start(client);
    client.latest!.broadcast('session:ended', {});
    expect(session.phase).toBe('signed-out');
    expect(client.connections[0]!.closed).toBe(true);

    const second = await start(client);
    client.latest!.setStatus({ state: 'refused', error: { code: 'UNAUTHENTICATED', message: 'expired' } });
    expect(second.session.phase).toBe('signed-out');
  });

  it('keeps other refusals on screen, signed in', async () => {
    const client = new FakeModerationClient();
    client.session = { ok: true, data: view() };
    const { session } = await start(client);
    client.latest!.setStatus({ state: 'refused', error: { code: 'FORBIDDEN', message: 'not yours' } });
    expect(session.phase).toBe('signed-in');
    expect(session.status).toEqual({ state: 'refused', error: { code: 'FORBIDDEN', message: 'not yours' } });
  });

  it('signs out: closes the connection and tells the server', async () => {
    const client = new FakeModerationClient();
    client.session = { ok: true, data: view() };
    const { session, host } = await start(client);
    await session.signOut();
    expect(client.signedOut).toBe(1);
    expect(client.latest!.closed).toBe(true);
    expect(session.phase).toBe('signed-out');
    host.disconnect();
  });
});
