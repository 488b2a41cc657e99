import { describe, expect, it } from 'vitest';
import type { StoredComment } from '../store/types.ts';
import { AlertEvent, heldCommentAlert, QUOTED_CHARACTERS } from './alert-payload.ts';

function held(overrides: Partial<StoredComment> = {}): StoredComment {
  return {
    id: 'c1',
    site: 'demo',
    page: '/2025/berita/',
    parentId: null,
    authorId: 'a1',
    authorName: 'Wati',
    text: 'Dasar goblok semua',
    status: 'pending',
    createdAt: 1_700_000_000_000,
    moderation: {
      action: 'hold',
      reasons: [
        { rule: 'profanity', action: 'hold', message: { en: 'Contains profanity.', id: 'Mengandung kata kasar.' }, spans: [{ start: 6, end: 12 }] },
      ],
    },
    ...overrides,
  };
}

describe('heldCommentAlert', () => {
  it('carries the event, the site, the page, the comment and the English reasons', () => {
    const alert = heldCommentAlert('demo', held());
    expect(alert).toMatchObject({
      event: AlertEvent.held,
      site: 'demo',
      page: '/2025/berita/',
      comment: { id: 'c1', authorName: 'Wati', text: 'Dasar goblok semua', createdAt: 1_700_000_000_000 },
      reasons: [{ rule: 'profanity', message: 'Contains profanity.' }],
    });
    expect(Object.keys(alert.comment)).toEqual(['id', 'authorName', 'text', 'createdAt']);
  });

  it('says who, where, why and what in one Slack-ready line', () => {
    const { text } = heldCommentAlert('demo', held());
    expect(text).toBe('Comment held for review on demo /2025/berita/ by Wati: Contains profanity. “Dasar goblok semua”');
    expect(text).not.toContain('\n');
  });

  it('quotes only the first 200 characters, on one line, without cutting an emoji', () => {
    const long = `${'😀'.repeat(QUOTED_CHARACTERS + 5)}\n\nend`;
    const { text, comment } = heldCommentAlert('demo', held({ text: long }));
    expect(text.endsWith(`“${'😀'.repeat(QUOTED_CHARACTERS)}…”`)).toBe(true);
    expect(comment.text).toBe(long);
  });

  it('escapes Slack markup, so a comment cannot mention a channel or forge a link', () => {
    const { text } = heldCommentAlert('demo', held({ authorName: '<!channel>', text: 'see <https://evil.example|bank> & more' }));
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;https://evil.example|bank&gt; &amp; more');
  });

  it('names pre-moderation when no rule gave a reason', () => {
    const { text, reasons } = heldCommentAlert('demo', held({ moderation: { action: 'hold', reasons: [] } }));
    expect(reasons).toEqual([]);
    expect(text).toContain('the site reviews every comment first');
  });
});
