/**
 * What the moderators' consoles see when an author changes a held comment themselves
 * (decision 0021), on a real server over both stores: deleted, it leaves Pending; edited clean,
 * it leaves Pending and is published; a published comment edited into a hold enters Pending.
 */
import { describe, expect, it } from 'vitest';
import { useModerationFixture } from '../support/moderation-fixture.ts';
import { request } from '../support/reader-client.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { moderationSettings } from '../support/test-app.ts';

const PAGE = '/2025/05/penulis-mengubah/';

describe.each(STORE_KINDS)('an author’s own changes in the moderation queues on the %s store', (kind) => {
  const fx = useModerationFixture(kind, {
    moderation: {
      demo: moderationSettings({ words: { banned: ['tambang ilegal'] }, duplicate: { enabled: false }, velocity: { enabled: false } }),
    },
  });

  it('takes a held comment its author deletes out of Pending on every console', async () => {
    const dewi = await fx.console();
    const author = await fx.watching(PAGE);
    const held = await author.post('you are a fucking idiot', 'Budi');
    if (!held.ok) throw new Error(held.error.message);
    const id = held.data.comment.id;
    await dewi.events.until('queue:added', (e) => e.item.comment.id === id);
    expect(await request(author.socket, 'comment:delete', { page: PAGE, id })).toEqual({ ok: true, data: {} });
    expect(await dewi.events.until('queue:resolved', (e) => e.id === id)).toMatchObject({ queue: 'pending', id, page: PAGE, decision: null });
    await dewi.events.until('queue:counts', (c) => c.pending === 0);
  });

  it('moves a comment between Pending and the thread as its author edits it', async () => {
    const dewi = await fx.console();
    const author = await fx.watching(PAGE);
    const posted = await author.post('Komentar yang biasa saja.', 'Budi');
    if (!posted.ok) throw new Error(posted.error.message);
    const id = posted.data.comment.id;
    expect(posted.data.comment.status).toBe('published');

    const held = await request(author.socket, 'comment:edit', { page: PAGE, id, text: 'you are a fucking idiot' });
    expect(held.ok && held.data.comment.status).toBe('pending');
    const added = await dewi.events.until('queue:added', (e) => e.item.comment.id === id);
    expect(added).toMatchObject({ queue: 'pending', item: { comment: { text: 'you are a fucking idiot' } } });

    const clean = await request(author.socket, 'comment:edit', { page: PAGE, id, text: 'Maaf, saya tarik kata-kata tadi.' });
    expect(clean.ok && clean.data.comment.status).toBe('published');
    expect(await dewi.events.until('queue:resolved', (e) => e.id === id)).toMatchObject({ queue: 'pending', decision: null });
  });

  it('shows a comment its author edits into a rejection in Rejected, and takes it out of the thread', async () => {
    const dewi = await fx.console();
    const author = await fx.watching(PAGE);
    const other = await fx.watching(PAGE);
    const posted = await author.post('Soal tambang di daerah kami.', 'Budi');
    if (!posted.ok) throw new Error(posted.error.message);
    const id = posted.data.comment.id;
    const rejected = await request(author.socket, 'comment:edit', { page: PAGE, id, text: 'Ini tambang ilegal semua.' });
    expect(rejected.ok && rejected.data.comment.status).toBe('rejected');
    expect(rejected.ok && rejected.data.reasons.map((r) => r.rule)).toEqual(['banned-word']);
    expect(await dewi.events.until('queue:added', (e) => e.item.comment.id === id)).toMatchObject({ queue: 'rejected' });
    expect(await other.events.until('comment:deleted', (e) => e.id === id)).toMatchObject({ count: 0 });
  });
});

describe.each(STORE_KINDS)('a moderator commenting on the %s store', (kind) => {
  const fx = useModerationFixture(kind, {
    moderation: { demo: moderationSettings({ newAuthor: { holdFirst: 1 }, duplicate: { enabled: false }, velocity: { enabled: false } }) },
  });

  it('is trusted: their first comment is published where a new reader’s waits', async () => {
    const dewi = await fx.console();
    const moderator = await fx.watching(PAGE, { headers: { cookie: dewi.cookie } });
    expect(moderator.authorId).toBe(`mod:${dewi.account.id}`);
    const own = await moderator.post('Catatan redaksi: artikel sudah diperbarui.');
    expect(own.ok && own.data.comment).toMatchObject({ status: 'published', authorKind: 'moderator' });
    const reader = await fx.watching(PAGE);
    const first = await reader.post('Komentar pertama saya.', 'Budi');
    expect(first.ok && first.data.comment.status).toBe('pending');
  });
});
