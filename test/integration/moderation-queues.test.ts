/**
 * The console's lists on a real server over both stores: a queue filtered by page, rule and
 * search, paged with cursors in either order, and the overview of the last 30 days.
 */
import { describe, expect, it } from 'vitest';
import type { QueueListRequest } from '../../protocol/moderation.ts';
import { newKey, useModerationFixture } from '../support/moderation-fixture.ts';
import { moderateOk, type ModeratorSocket } from '../support/moderator-client.ts';
import { request } from '../support/reader-client.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { moderationSettings } from '../support/test-app.ts';

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe.each(STORE_KINDS)('the console’s queues and overview on the %s store', (kind) => {
  const fx = useModerationFixture(kind, {
    moderation: { demo: moderationSettings({ words: { suspect: ['smelter'] }, duplicate: { enabled: false }, velocity: { enabled: false } }) },
  });

  /** Five held comments over two pages, by three authors, for two rules; and one published. Ids in posting order. */
  async function heldComments() {
    const sockets = { Budi: await fx.reader(), Sari: await fx.reader(), Tono: await fx.reader() };
    const posts = [
      { page: '/a', by: 'Budi', text: 'Smelter di sini menyerap tenaga kerja.' },
      { page: '/a', by: 'Sari', text: 'Pejabatnya goblok semua.' },
      { page: '/a', by: 'Budi', text: 'Smelter kedua juga perlu diawasi.' },
      { page: '/b', by: 'Sari', text: 'Smelter di Morowali sudah jalan.' },
      { page: '/b', by: 'Tono', text: 'Dasar goblok, tidak becus.' },
    ] as const;
    const ids: string[] = [];
    for (const post of posts) {
      const ack = await request(sockets[post.by], 'comment:create', { page: post.page, text: post.text, authorName: post.by, key: newKey() });
      if (!ack.ok || ack.data.comment.status !== 'pending') throw new Error(`not held: ${JSON.stringify(ack)}`);
      ids.push(ack.data.comment.id);
      // Distinct queued times, so "oldest first" is the posting order on every store.
      await new Promise((r) => setTimeout(r, 3));
    }
    const published = await request(sockets.Tono, 'comment:create', {
      page: '/a',
      text: 'Terima kasih atas liputannya.',
      authorName: 'Tono',
      key: newKey(),
    });
    expect(published.ok && published.data.comment.status).toBe('published');
    return ids;
  }

  const list = async (socket: ModeratorSocket, query: Partial<QueueListRequest>) =>
    moderateOk(socket, 'queue:list', { queue: 'pending', order: 'oldest', cursor: null, ...query });
  const idsOf = async (socket: ModeratorSocket, query: Partial<QueueListRequest>) => (await list(socket, query)).items.map((i) => i.comment.id);

  it('filters a queue by page, by rule and by a search in the author’s name or the text, and counts the whole queue', async () => {
    const dewi = await fx.console();
    const [budi1, sari1, budi2, sari2, tono1] = await heldComments();
    const all = await list(dewi.socket, {});
    expect(all.items.map((i) => i.comment.id)).toEqual([budi1, sari1, budi2, sari2, tono1]);
    expect(all.counts).toEqual({ pending: 5, reported: 0, rejected: 0, approved: 0 });
    expect(all.nextCursor).toBeNull();

    const onA = await list(dewi.socket, { page: '/a' });
    expect(onA.items.map((i) => i.comment.id)).toEqual([budi1, sari1, budi2]);
    expect(onA.counts.pending).toBe(5);
    expect(await idsOf(dewi.socket, { rule: 'profanity' })).toEqual([sari1, tono1]);
    expect(await idsOf(dewi.socket, { rule: 'suspect-word', page: '/b' })).toEqual([sari2]);
    expect(await idsOf(dewi.socket, { search: 'budi' })).toEqual([budi1, budi2]);
    expect(await idsOf(dewi.socket, { search: 'MOROWALI' })).toEqual([sari2]);
    expect(await idsOf(dewi.socket, { search: 'tidak ada di mana pun' })).toEqual([]);
    expect(await idsOf(dewi.socket, { rule: 'links' })).toEqual([]);
    // The other queues have none of them.
    expect(await idsOf(dewi.socket, { queue: 'approved' })).toEqual([]);
  });

  it('pages a queue with cursors, oldest or newest first, with and without a filter', async () => {
    const dewi = await fx.console();
    const ids = await heldComments();
    const walk = async (query: Partial<QueueListRequest>) => {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page = await list(dewi.socket, { ...query, cursor, limit: 2 });
        pages.push(page.items.map((i) => i.comment.id));
        cursor = page.nextCursor;
      } while (cursor !== null && pages.length < 10);
      return pages;
    };
    const [a, b, c, d, e] = ids;
    expect(await walk({ order: 'oldest' })).toEqual([[a, b], [c, d], [e]]);
    expect(await walk({ order: 'newest' })).toEqual([[e, d], [c, b], [a]]);
    expect(await walk({ order: 'oldest', rule: 'suspect-word' })).toEqual([[a, c], [d]]);
  });

  it('gives the overview of the last 30 days, oldest first, with today’s created outcomes, decisions and top rules', async () => {
    const dewi = await fx.console();
    const [budi1, sari1] = await heldComments();
    const items = (await list(dewi.socket, {})).items;
    const item = (id: string | undefined) => items.find((i) => i.comment.id === id);
    await moderateOk(dewi.socket, 'queue:decide', { page: '/a', id: budi1 ?? '', revision: item(budi1)?.revision ?? 0, action: 'approve' });
    await moderateOk(dewi.socket, 'queue:decide', { page: '/a', id: sari1 ?? '', revision: item(sari1)?.revision ?? 0, action: 'reject' });

    const overview = await moderateOk(dewi.socket, 'overview:get', {});
    const now = Date.now();
    expect(overview.days).toHaveLength(30);
    expect(overview.days.map((d) => d.day)).toEqual(Array.from({ length: 30 }, (_, i) => dayOf(now - (29 - i) * DAY_MS)));
    expect(overview.days.at(-1)).toEqual({ day: dayOf(now), published: 1, held: 5, rejected: 0, approvedByModerator: 1, rejectedByModerator: 1 });
    for (const day of overview.days.slice(0, -1)) expect(day).toMatchObject({ published: 0, held: 0, approvedByModerator: 0 });
    expect(overview.topRules).toEqual([
      { rule: 'suspect-word', count: 3 },
      { rule: 'profanity', count: 2 },
    ]);
    expect(await idsOf(dewi.socket, { queue: 'approved' })).toEqual([budi1]);
    expect(await idsOf(dewi.socket, { queue: 'rejected' })).toEqual([sari1]);
  });
});
