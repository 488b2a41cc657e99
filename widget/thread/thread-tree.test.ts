import { describe, expect, it } from 'vitest';
import type { PublicComment } from '../../protocol/comment.ts';
import { publicComment, replyFields } from '../../protocol/comment-fixtures.ts';
import { conversation, type ThreadNode } from './thread-tree.ts';

function comment(id: string, createdAt: number, over: Partial<PublicComment> = {}): PublicComment {
  return publicComment(id, createdAt, { authorName: id.toUpperCase(), ...over });
}

function reply(id: string, createdAt: number, parent: PublicComment, over: Partial<PublicComment> = {}): PublicComment {
  return comment(id, createdAt, { ...replyFields(parent), ...over });
}

/** The tree as [id, level, replyingTo, children]. */
function outline(n: ThreadNode | null): unknown {
  return n && [n.comment.id, n.level, n.replyingTo, n.children.map(outline)];
}

const root = comment('r', 1);
const d1 = reply('d1', 2, root);
const d2 = reply('d2', 3, d1);
const d3 = reply('d3', 4, d2);
const d4 = reply('d4', 5, d3);
const d5 = reply('d5', 6, d4);

describe('a conversation as shown', () => {
  it('nests replies to depth 3 and shows deeper ones flat under their depth-3 ancestor, saying whom they answer', () => {
    const late = reply('d4b', 7, d3);
    expect(outline(conversation(root, [d1, d2, d3, d4, d5, late]))).toEqual([
      'r',
      0,
      null,
      [
        [
          'd1',
          1,
          null,
          [
            [
              'd2',
              2,
              null,
              [
                [
                  'd3',
                  3,
                  null,
                  [
                    ['d4', 3, 'D3', []],
                    ['d5', 3, 'D4', []],
                    ['d4b', 3, 'D3', []],
                  ],
                ],
              ],
            ],
          ],
        ],
      ],
    ]);
  });

  it('hangs a reply whose parent is not here under its root, saying whom it answers', () => {
    expect(outline(conversation(root, [d1, d3]))).toEqual([
      'r',
      0,
      null,
      [
        ['d1', 1, null, []],
        ['d3', 1, 'D2', []],
      ],
    ]);
  });

  it('shows a tombstone only while something shown hangs under it', () => {
    const gone = { ...d1, status: 'deleted' as const, text: '' };
    expect(outline(conversation(root, [gone, d2]))).toEqual(['r', 0, null, [['d1', 1, null, [['d2', 2, null, []]]]]]);
    expect(outline(conversation(root, [gone]))).toEqual(['r', 0, null, []]);
    expect(conversation({ ...root, status: 'deleted' }, [gone])).toBeNull();
    expect(conversation({ ...root, status: 'deleted' }, [])).toBeNull();
  });

  it('ignores replies of other conversations', () => {
    const other = comment('o', 1);
    expect(outline(conversation(root, [reply('x', 2, other), d1]))).toEqual(['r', 0, null, [['d1', 1, null, []]]]);
  });
});
