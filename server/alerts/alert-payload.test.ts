import { describe, expect, it } from 'vitest';
import type { StoredComment } from '../store/types.ts';
import { storedComment } from '../../test/support/stored-comment.ts';
import { AlertEvent, heldCommentAlert, QUOTED_CHARACTERS, reportedCommentAlert } from './alert-payload.ts';

function held(overrides: Partial<StoredComment> = {}): StoredComment {
  return storedComment({
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
  });
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

  it('says why it waits, leaving out the words the rules let through', () => {
    const letThrough = {
      rule: 'literal-sense' as const,
      action: 'publish' as const,
      message: { en: '"anjing" is read literally (a pet).', id: '"anjing" dibaca harfiah (hewan peliharaan).' },
      spans: [],
    };
    const base = held();
    const { text, reasons } = heldCommentAlert(
      'demo',
      held({ moderation: { ...base.moderation, reasons: [...base.moderation.reasons, letThrough] } }),
    );
    expect(text).toContain(': Contains profanity. “');
    expect(text).not.toContain('literally');
    expect(reasons.map((r) => r.rule)).toEqual(['profanity', 'literal-sense']);
  });

  it('names pre-moderation when no rule gave a reason', () => {
    const { text, reasons } = heldCommentAlert('demo', held({ moderation: { action: 'hold', reasons: [] } }));
    expect(reasons).toEqual([]);
    expect(text).toContain('the site reviews every comment first');
  });
});

describe('reportedCommentAlert', () => {
  const reported = (over: Partial<StoredComment> = {}) =>
    held({
      status: 'published',
      text: 'Beli obat murah di sini',
      moderation: { action: 'publish', reasons: [] },
      reports: [
        { reporterId: 'r3', reason: 'off_topic', note: null, at: 1_700_000_003_000 },
        { reporterId: 'r2', reason: 'spam', note: 'iklan <b>lagi</b>', at: 1_700_000_002_000 },
        { reporterId: 'r1', reason: 'spam', note: null, at: 1_700_000_001_000 },
      ],
      ...over,
    });

  it('lists the open reports, newest first, without who reported, and says whether they hid it', () => {
    const alert = reportedCommentAlert('demo', reported(), false);
    expect(alert).toMatchObject({ event: AlertEvent.reported, site: 'demo', page: '/2025/berita/', hidden: false, reasons: [] });
    expect(alert.reports).toEqual([
      { reason: 'off_topic', note: null, at: 1_700_000_003_000 },
      { reason: 'spam', note: 'iklan <b>lagi</b>', at: 1_700_000_002_000 },
      { reason: 'spam', note: null, at: 1_700_000_001_000 },
    ]);
    expect(JSON.stringify(alert)).not.toContain('r1');
  });

  it('says how many readers reported it and why, each reason once', () => {
    const { text } = reportedCommentAlert('demo', reported(), false);
    expect(text).toBe('Comment reported on demo /2025/berita/ by Wati: 3 readers (off-topic, spam) “Beli obat murah di sini”');
    expect(reportedCommentAlert('demo', reported({ reports: [{ reporterId: 'r1', reason: 'abuse', note: null, at: 1 }] }), false).text).toContain(
      ': 1 reader (abuse) ',
    );
  });

  it('says when the reports hid the comment', () => {
    const alert = reportedCommentAlert('demo', reported({ status: 'pending' }), true);
    expect(alert.hidden).toBe(true);
    expect(alert.text.startsWith('Comment hidden after reports on demo ')).toBe(true);
  });

  it('escapes Slack markup in the name, the page and the text', () => {
    const { text } = reportedCommentAlert(
      'demo',
      reported({ page: '/a<b>/', authorName: '<!here> & co', text: 'klik <https://evil.example|di sini>' }),
      false,
    );
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain('/a&lt;b&gt;/');
    expect(text).toContain('&lt;!here&gt; &amp; co');
    expect(text).toContain('klik &lt;https://evil.example|di sini&gt;');
  });

  it('keeps the engine’s reasons of a comment that was held before it was published', () => {
    const alert = reportedCommentAlert('demo', reported({ moderation: held().moderation }), false);
    expect(alert.reasons).toEqual([{ rule: 'profanity', message: 'Contains profanity.' }]);
  });
});
