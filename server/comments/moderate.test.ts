import { describe, expect, it } from 'vitest';
import { defaultPolicy, parsePolicy } from '../../moderation/index.ts';
import { createSiteModeration, type ModerationRequest } from './moderate.ts';

const emptyHistory = { approvedCount: 0, rejectedCount: 0, recentPosts: [], bannedUntil: null, trusted: false, firstSeen: null, name: null };
const request = (over: Partial<ModerationRequest> = {}): ModerationRequest => ({
  site: 'demo',
  page: '/a',
  text: 'Hilirisasi nikel harus ramah lingkungan.',
  authorName: 'Budi',
  authorId: 'a_1',
  history: emptyHistory,
  now: 1_000_000,
  ...over,
});

const strict = parsePolicy({ words: { banned: ['tambang ilegal'] } });
if (!strict.ok) throw new Error('test policy invalid');
const moderate = createSiteModeration((site) =>
  site === 'demo'
    ? { policy: strict.policy, preModerated: false, closedPages: ['/closed'] }
    : site === 'premod'
      ? { policy: defaultPolicy, preModerated: true, closedPages: [] }
      : undefined,
);

describe('site moderation', () => {
  it('publishes an ordinary comment with no reasons', () => {
    expect(moderate(request())).toEqual({ action: 'publish', reasons: [] });
  });

  it('holds disguised profanity and marks it in the original text', () => {
    const text = 'dasar anjiiing kau';
    const outcome = moderate(request({ text }));
    expect(outcome.action).toBe('hold');
    const spans = outcome.reasons.flatMap((r) => r.spans.map((s) => text.slice(s.start, s.end)));
    expect(spans.join(' ')).toMatch(/anjiiing/);
    expect(outcome.reasons[0]?.message.id.length).toBeGreaterThan(5);
  });

  it('applies the site’s own banned phrases', () => {
    const outcome = moderate(request({ text: 'Ini jelas tambang ilegal di hutan lindung.' }));
    expect(outcome.action).toBe('reject');
    expect(outcome.reasons.map((r) => r.rule)).toContain('banned-word');
  });

  it('holds everything on a pre-moderated site', () => {
    expect(moderate(request({ site: 'premod' })).reasons.map((r) => r.rule)).toEqual(['pre-moderated']);
  });

  it('refuses a post on a closed page', () => {
    expect(moderate(request({ page: '/closed' })).reasons.map((r) => r.rule)).toContain('closed-thread');
  });

  it('refuses a banned author until the ban ends', () => {
    const banned = { ...emptyHistory, bannedUntil: 2_000_000 };
    expect(moderate(request({ history: banned })).reasons.map((r) => r.rule)).toContain('banned-author');
    expect(moderate(request({ history: banned, now: 3_000_000 })).action).toBe('publish');
  });

  it('refuses an author posting too fast and says when to retry', () => {
    const recentPosts = Array.from({ length: 5 }, (_, i) => ({ text: `post ${i}`, at: 990_000 + i, page: '/a' }));
    const outcome = moderate(request({ history: { ...emptyHistory, recentPosts } }));
    expect(outcome.action).toBe('reject');
    expect(outcome.retryAfterMs).toBeGreaterThan(0);
  });

  it('uses the default policy for a site without settings', () => {
    expect(moderate(request({ site: 'elsewhere', text: 'Scunthorpe dan Essex, kasus asuransi.' })).action).toBe('publish');
  });

  it('holds a new author but lets one a moderator trusts skip the hold', () => {
    const holdNew = parsePolicy({ newAuthor: { holdFirst: 2 } });
    if (!holdNew.ok) throw new Error('test policy invalid');
    const settings = { policy: holdNew.policy, preModerated: false, closedPages: [] };
    const site = createSiteModeration(() => settings);
    expect(site(request({ site: 'x' })).action).toBe('hold');
    expect(site(request({ site: 'x', history: { ...emptyHistory, trusted: true } })).action).toBe('publish');
  });

  it('follows a site whose settings change (a moderator saved a policy) from the next comment on', () => {
    let current = { policy: defaultPolicy, preModerated: false, closedPages: [] as string[] };
    const site = createSiteModeration(() => current);
    expect(site(request({ site: 'x' })).action).toBe('publish');
    current = { ...current, policy: strict.policy };
    expect(site(request({ site: 'x', text: 'Ada tambang ilegal di sini.' })).action).not.toBe('publish');
  });
});
