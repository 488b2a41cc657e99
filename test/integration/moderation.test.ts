/**
 * The moderation engine wired into the post pipeline: the server loads the author's history,
 * asks the site's policy, stores the whole verdict, and tells the author why. Both stores.
 */
import { describe, expect, it } from 'vitest';
import { request, type ReaderOptions, type ReaderSocket } from '../support/reader-client.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { moderationSettings } from '../support/test-app.ts';
import { useThreadFixture } from '../support/thread-fixture.ts';

const PAGE = '/moderated';
let n = 0;
const key = () => `modkey-${Date.now().toString(36)}-${(n += 1)}`;

describe.each(STORE_KINDS)('moderation on the %s store', (kind) => {
  const fx = useThreadFixture(kind, {
    moderation: {
      demo: moderationSettings({ words: { banned: ['tambang ilegal'] } }, { closedPages: ['/closed'] }),
      other: moderationSettings({}, { preModerated: true }),
    },
  });

  /** A reader that joined the page and counts the broadcasts it receives. */
  async function reader(options: ReaderOptions = {}) {
    const { socket, snapshot } = await fx.joined(PAGE, options);
    let received = 0;
    socket.on('comment:created', () => {
      received += 1;
    });
    return { socket, viewer: snapshot.viewer, received: () => received };
  }

  const post = (socket: ReaderSocket, text: string, page = PAGE, k = key()) =>
    request(socket, 'comment:create', { page, text, authorName: 'Wati', key: k });

  it('holds disguised Indonesian profanity, tells the author why in both languages, and keeps the spans', async () => {
    const a = await reader();
    const b = await reader();
    const text = 'Pejabatnya g.o.b.l.o.k semua, anjiiing';
    const ack = await post(a.socket, text);
    expect(ack.ok && ack.data.comment.status).toBe('pending');
    if (!ack.ok) return;
    expect(ack.data.reasons.map((r) => r.rule)).toContain('profanity');
    expect(ack.data.reasons[0]?.message.en).toMatch(/\w/);
    expect(ack.data.reasons[0]?.message.id).toMatch(/\w/);
    const stored = await fx.opened.store.getComment('demo', PAGE, ack.data.comment.id);
    const marked = stored?.moderation.reasons.flatMap((r) => r.spans.map((s) => text.slice(s.start, s.end)));
    expect(marked).toEqual(expect.arrayContaining(['g.o.b.l.o.k', 'anjiiing']));
    await new Promise((r) => setTimeout(r, 150));
    expect(b.received()).toBe(0);
  });

  it('publishes trap words that only look like profanity', async () => {
    const a = await reader();
    const ack = await post(a.socket, 'Asumsi analis: kasus asuransi di Scunthorpe dan Essex cukup cocok, kelas pasukan Basuki.');
    expect(ack.ok && ack.data.comment.status).toBe('published');
  });

  it('rejects a site’s banned phrase: the author is told why, nobody else sees it', async () => {
    const a = await reader();
    const b = await reader();
    const ack = await post(a.socket, 'Ini jelas tambang ilegal!');
    expect(ack.ok && ack.data.comment.status).toBe('rejected');
    expect(ack.ok && ack.data.reasons.map((r) => r.rule)).toContain('banned-word');
    await new Promise((r) => setTimeout(r, 150));
    expect(b.received()).toBe(0);
    const again = await reader({ token: a.viewer.token });
    const snapshot = await request(again.socket, 'thread:join', { page: PAGE });
    expect(snapshot.ok && snapshot.data.count).toBe(0);
    expect(snapshot.ok && snapshot.data.mine).toEqual([]);
  });

  it('refuses an author posting too fast with the wait, stores nothing, and still answers a retry of a stored post', async () => {
    const a = await reader();
    const keys: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      keys.push(key());
      const ack = await post(a.socket, `Komentar berbeda nomor ${i + 1}.`, PAGE, keys[i]);
      expect(ack.ok).toBe(true);
    }
    const sixth = await post(a.socket, 'Satu lagi, terlalu cepat.');
    expect(!sixth.ok && sixth.error.code).toBe('RATE_LIMITED');
    expect(!sixth.ok && sixth.error.retryAfterMs).toBeGreaterThan(0);
    const retry = await post(a.socket, 'Komentar berbeda nomor 1.', PAGE, keys[0]);
    expect(retry.ok).toBe(true);
    const fresh = await reader();
    const snapshot = await request(fresh.socket, 'thread:join', { page: PAGE });
    expect(snapshot.ok && snapshot.data.count).toBe(5);
  });

  it('refuses a banned author and a closed thread with their own codes, storing nothing', async () => {
    const a = await reader();
    await fx.opened.store.setAuthorBan('demo', a.viewer.authorId, Date.now() + 60_000);
    const banned = await post(a.socket, 'Boleh saya komentar?');
    expect(!banned.ok && banned.error.code).toBe('AUTHOR_BANNED');
    const b = await reader();
    const closed = await post(b.socket, 'Masih dibuka?', '/closed');
    expect(!closed.ok && closed.error.code).toBe('THREAD_CLOSED');
    const history = await fx.opened.store.getAuthorHistory('demo', b.viewer.authorId);
    expect(history.recentPosts).toEqual([]);
  });

  it('holds the author’s duplicate of their own recent comment', async () => {
    const a = await reader();
    expect((await post(a.socket, 'Mohon data produksi nikel tahun lalu dibuka.')).ok).toBe(true);
    const again = await post(a.socket, 'Mohon data produksi nikel tahun lalu dibuka.');
    expect(again.ok && again.data.comment.status).toBe('pending');
    expect(again.ok && again.data.reasons.map((r) => r.rule)).toContain('duplicate');
  });

  it('holds every comment on a pre-moderated site', async () => {
    const socket = await fx.reader({ site: 'other', origin: 'https://other.example' });
    const ack = await post(socket, 'Artikel yang bagus.');
    expect(ack.ok && ack.data.comment.status).toBe('pending');
    expect(ack.ok && ack.data.reasons.map((r) => r.rule)).toEqual(['pre-moderated']);
  });
});
