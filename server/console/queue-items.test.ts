import { describe, expect, it } from 'vitest';
import { addTestModerator } from '../../test/support/moderators.ts';
import { storedComment } from '../../test/support/stored-comment.ts';
import { storePerTest } from '../../test/support/stores.ts';
import type { CommentStore, NewComment, StoredComment } from '../store/types.ts';
import { loadQueueItems } from './queue-items.ts';

const HOLD = {
  action: 'hold' as const,
  reasons: [{ rule: 'new-author' as const, action: 'hold' as const, message: { en: 'A new author.', id: 'Penulis baru.' }, spans: [] }],
};

let n = 0;
function comment(over: Partial<NewComment> = {}): NewComment {
  n += 1;
  return {
    ...storedComment({ id: `c${n}`, text: `Komentar ke-${n}`, createdAt: 1_800_000_000_000 + n, moderation: HOLD }),
    status: 'pending',
    ...over,
  };
}

describe('loadQueueItems on the embedded store', () => {
  const freshStore = storePerTest('embedded');

  const setup: () => Promise<CommentStore> = freshStore;

  async function stored(store: CommentStore, c: NewComment): Promise<StoredComment> {
    const found = await store.getComment('demo', c.page, c.id);
    if (!found) throw new Error(`comment ${c.id} is not stored`);
    return found;
  }

  const deps = (store: CommentStore) => ({ store, pageUrlOf: (site: string, page: string) => `https://${site}.example${page}` });

  it('gives each comment its author as stored, its parent, and its page link, in the order given', async () => {
    const store = await setup();
    const parent = comment({
      id: 'p1',
      authorId: 'a2',
      authorName: 'Budi',
      text: 'Tarif naik?',
      status: 'published',
      moderation: { action: 'publish', reasons: [] },
    });
    await store.createComment(parent, 'key-p1');
    const reply = comment({ parentId: 'p1' });
    const other = comment({ authorId: 'a2', authorName: 'Budi' });
    for (const c of [reply, other]) await store.createComment(c, `key-${c.id}`);
    const items = await loadQueueItems(deps(store), 'demo', [await stored(store, other), await stored(store, reply)]);
    expect(items.map((i) => i.comment.id)).toEqual([other.id, reply.id]);
    expect(items[0]?.author).toMatchObject({ authorId: 'a2', name: 'Budi', approvedCount: 1 });
    expect(items[0]?.parent).toBeNull();
    expect(items[1]?.author).toMatchObject({ authorId: 'a1', name: 'Wati', approvedCount: 0, firstSeen: reply.createdAt });
    expect(items[1]?.parent).toEqual({ id: 'p1', authorName: 'Budi', text: 'Tarif naik?' });
    expect(items[1]?.pageUrl).toBe('https://demo.example/2025/berita/');
    expect(items[1]?.reasons).toEqual(HOLD.reasons);
  });

  it('names the deciding moderator by email', async () => {
    const store = await setup();
    await addTestModerator(store, 1_700_000_000_000);
    const held = comment();
    await store.createComment(held, 'key-held');
    const decided = await store.decideComment(
      'demo',
      held.page,
      held.id,
      { action: 'reject', moderatorId: 'mod-dewi', reason: 'spam', at: 1_800_000_100_000 },
      {
        revision: 0,
        audit: { id: 'audit-1', moderatorEmail: 'dewi@example.com' },
      },
    );
    if (!decided.ok) throw new Error(decided.code);
    const [item] = await loadQueueItems(deps(store), 'demo', [decided.comment]);
    expect(item?.decision).toEqual({ action: 'reject', by: 'dewi@example.com', at: 1_800_000_100_000, reason: 'spam' });
    expect(item?.revision).toBe(decided.comment.revision);
  });

  it('shows no parent when the replied-to comment is not stored', async () => {
    const store = await setup();
    const orphan = comment({ parentId: 'gone' });
    await store.createComment(orphan, 'key-orphan');
    const [item] = await loadQueueItems(deps(store), 'demo', [await stored(store, orphan)]);
    expect(item?.parent).toBeNull();
  });

  it('answers an empty page with no items', async () => {
    expect(await loadQueueItems(deps(await setup()), 'demo', [])).toEqual([]);
  });
});
