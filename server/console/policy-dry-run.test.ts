import { describe, expect, it } from 'vitest';
import { parsePolicy, type Policy } from '../../moderation/index.ts';
import type { AuthorHistory, StoredComment } from '../store/types.ts';
import { storedComment } from '../../test/support/stored-comment.ts';
import { DRY_RUN_EXAMPLES, dryRunPolicy } from './policy-dry-run.ts';

function policy(json: unknown): Policy {
  const parsed = parsePolicy(json);
  if (!parsed.ok) throw new Error(`bad test policy: ${JSON.stringify(parsed.errors)}`);
  return parsed.policy;
}

let nextId = 0;
function comment(text: string, over: Partial<StoredComment> = {}): StoredComment {
  nextId += 1;
  return storedComment({ id: `c${nextId}`, text, createdAt: 1_800_000_000_000 + nextId, ...over });
}

function history(over: Partial<AuthorHistory> = {}): AuthorHistory {
  return { approvedCount: 0, rejectedCount: 0, recentPosts: [], bannedUntil: null, trusted: false, firstSeen: null, name: null, ...over };
}

const noHistory = () => undefined;

describe('dryRunPolicy', () => {
  it('counts a comment a new banned word would reject, and shows it with the new reasons and spans', () => {
    const text = 'Harga listrik naik lagi gara-gara batubara.';
    const recent = [comment(text), comment('Terima kasih atas beritanya.')];
    const run = dryRunPolicy(policy({}), policy({ words: { banned: ['batubara'] } }), recent, noHistory);
    expect(run).toMatchObject({ examined: 2, changed: 1 });
    expect(run.examples).toHaveLength(1);
    const [example] = run.examples;
    expect(example).toMatchObject({ comment: { id: recent[0]?.id, text }, before: 'publish', after: 'reject' });
    const banned = example?.reasons.find((r) => r.rule === 'banned-word');
    expect(banned?.action).toBe('reject');
    expect(banned?.spans).toEqual([{ start: text.indexOf('batubara'), end: text.indexOf('batubara') + 'batubara'.length }]);
    // The example is the public comment: nothing of the stored moderation record or the site leaks.
    expect(Object.keys(example?.comment ?? {}).sort()).toEqual([
      'authorId',
      'authorKind',
      'authorName',
      'avatarUrl',
      'createdAt',
      'depth',
      'editedAt',
      'id',
      'likes',
      'page',
      'parentId',
      'replyCount',
      'replyTo',
      'rootId',
      'status',
      'text',
    ]);
  });

  it('changes nothing when the proposed policy is the policy in force', () => {
    const current = policy({ words: { suspect: ['tambang'] }, newAuthor: { holdFirst: 2 } });
    const recent = [comment('Tambang batu bara lagi'), comment('Setuju sekali'), comment('Dasar kadrun', { authorId: 'a2' })];
    expect(dryRunPolicy(current, current, recent, noHistory)).toEqual({ examined: 3, changed: 0, examples: [] });
  });

  it(`shows at most ${DRY_RUN_EXAMPLES} examples but counts every change`, () => {
    const recent = Array.from({ length: DRY_RUN_EXAMPLES + 5 }, (_, i) => comment(`Komentar nomor ${i} soal batubara`));
    const run = dryRunPolicy(policy({}), policy({ words: { banned: ['batubara'] } }), recent, noHistory);
    expect(run.changed).toBe(DRY_RUN_EXAMPLES + 5);
    expect(run.examples.map((e) => e.comment.id)).toEqual(recent.slice(0, DRY_RUN_EXAMPLES).map((c) => c.id));
  });

  it('judges both runs with the author’s history as it is now, so only the policy makes a difference', () => {
    const histories = new Map([
      ['veteran', history({ approvedCount: 5 })],
      ['trusted', history({ trusted: true })],
    ]);
    const recent = [
      comment('Setuju, tarif harus turun', { authorId: 'newcomer' }),
      comment('Setuju, tarif harus turun', { authorId: 'veteran' }),
      comment('Setuju, tarif harus turun', { authorId: 'trusted' }),
    ];
    const run = dryRunPolicy(policy({}), policy({ newAuthor: { holdFirst: 3 } }), recent, (id) => histories.get(id));
    // Only the author with fewer than 3 approved comments, and not trusted, would now be held.
    expect(run.changed).toBe(1);
    expect(run.examples.map((e) => [e.comment.authorId, e.before, e.after])).toEqual([['newcomer', 'publish', 'hold']]);
  });

  it('does not let one author’s repeated text count as a duplicate in one run and not the other', () => {
    // No recent posts are given to either run: the same text twice is judged the same way twice.
    const recent = [comment('Listrik padam tiga kali minggu ini'), comment('Listrik padam tiga kali minggu ini')];
    const run = dryRunPolicy(policy({}), policy({ duplicate: { enabled: false } }), recent, () => history({ approvedCount: 9 }));
    expect(run).toEqual({ examined: 2, changed: 0, examples: [] });
  });
});
