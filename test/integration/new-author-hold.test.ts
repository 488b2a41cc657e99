/**
 * A new reader on a site that holds newcomers' first comments: held until a moderator has
 * approved enough of them, told how many remain, and published directly after that — the
 * hold ends (it used to last for ever, since held comments never counted). Both stores.
 */
import { describe, expect, it } from 'vitest';
import { request } from '../support/reader-client.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { moderationSettings } from '../support/test-app.ts';
import { useThreadFixture } from '../support/thread-fixture.ts';

const PAGE = '/new-author';
let n = 0;
const key = () => `newauthor-${Date.now().toString(36)}-${(n += 1)}`;

describe.each(STORE_KINDS)('a new author on the %s store', (kind) => {
  const fx = useThreadFixture(kind, {
    moderation: { demo: moderationSettings({ newAuthor: { holdFirst: 2 }, duplicate: { enabled: false }, velocity: { enabled: false } }) },
  });

  it('is held with the number left, and published directly once a moderator approved enough comments', async () => {
    const { socket, snapshot } = await fx.joined(PAGE);
    const post = (text: string) => request(socket, 'comment:create', { page: PAGE, text, authorName: 'Budi', key: key() });
    const approve = async (id: string) => {
      const decided = await fx.opened.store.decideComment(
        'demo',
        PAGE,
        id,
        { action: 'approve', moderatorId: 'mod-1', reason: null, at: Date.now() },
        { revision: 0, audit: { id: `audit-${id}`, moderatorEmail: 'mod@example.com' } },
      );
      expect(decided.ok).toBe(true);
    };

    const first = await post('Harga nikel dunia sedang turun, semoga smelter tetap jalan.');
    expect(first.ok && first.data.comment.status).toBe('pending');
    expect(first.ok && first.data.reasons.map((r) => r.message.en)).toEqual([
      "A moderator reviews a new commenter's first 2 comments before they appear; 2 to go.",
    ]);
    if (first.ok) await approve(first.data.comment.id);

    const second = await post('Pelatihan tenaga kerja lokal juga perlu disebut dalam kerja sama ini.');
    expect(second.ok && second.data.reasons.map((r) => r.message.id)).toEqual([
      'Moderator memeriksa 2 komentar pertama dari komentator baru sebelum ditampilkan; tinggal 1 lagi.',
    ]);
    if (second.ok) await approve(second.data.comment.id);

    const third = await post('Terima kasih atas liputannya.');
    expect(third.ok && third.data.comment.status).toBe('published');
    expect((await fx.opened.store.getAuthorHistory('demo', snapshot.viewer.authorId)).approvedCount).toBe(3);
  });

  it('tells the author only why the comment waits, not which words the rules let through', async () => {
    const { socket } = await fx.joined(PAGE);
    const held = await request(socket, 'comment:create', {
      page: PAGE,
      text: 'Anjing saya menggonggong tiap kali truk tambang lewat depan rumah.',
      authorName: 'Budi',
      key: key(),
    });
    expect(held.ok && held.data.comment.status).toBe('pending');
    // The moderator's queue keeps the let-through reason (literal sense); the author's notice does not.
    expect(held.ok && held.data.reasons.map((r) => r.rule)).toEqual(['new-author']);
    const stored = held.ok ? await fx.opened.store.getComment('demo', PAGE, held.data.comment.id) : null;
    expect(stored?.moderation.reasons.map((r) => r.rule)).toContain('literal-sense');
  });
});
