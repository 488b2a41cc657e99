/**
 * A site's moderation policy edited from the console, on a real server over both stores: a dry
 * run says what a new policy would change on recent comments, an invalid one is refused with
 * the field, and a saved one governs the next post (also after a restart) and is audited.
 */
import { describe, expect, it } from 'vitest';
import { newKey, useModerationFixture } from '../support/moderation-fixture.ts';
import { moderate, moderateOk } from '../support/moderator-client.ts';
import { request } from '../support/reader-client.ts';
import { STORE_KINDS } from '../support/stores.ts';

const PAGE = '/2025/03/kebijakan/';
const BANNING = { words: { banned: ['tambang ilegal'] } };

describe.each(STORE_KINDS)('the moderation policy on the %s store', (kind) => {
  const fx = useModerationFixture(kind);

  it('dry-runs a policy with a banned phrase: how many recent comments it examined and changed, with examples', async () => {
    const dewi = await fx.console();
    const reader = await fx.watching(PAGE);
    const plain = await reader.post('Harga nikel dunia sedang turun.');
    const target = await reader.post('Tambang ilegal di hutan lindung harus ditutup.');
    if (!plain.ok || !target.ok) throw new Error('posting failed');
    expect(target.data.comment.status).toBe('published');

    const dry = await moderateOk(dewi.socket, 'policy:dry-run', { policy: BANNING });
    expect(dry.examined).toBe(2);
    expect(dry.changed).toBe(1);
    expect(dry.examples).toHaveLength(1);
    const [example] = dry.examples;
    expect(example).toMatchObject({ comment: { id: target.data.comment.id }, before: 'publish', after: 'reject' });
    const banned = example?.reasons.find((r) => r.rule === 'banned-word');
    expect(banned?.spans.map((s) => target.data.comment.text.slice(s.start, s.end))).toEqual(['Tambang ilegal']);
    // A dry run saves nothing.
    const after = await reader.post('Tambang ilegal lagi-lagi dibiarkan.');
    expect(after.ok && after.data.comment.status).toBe('published');
    expect((await moderateOk(dewi.socket, 'policy:get', {})).updatedAt).toBeNull();
  });

  it('answers an invalid policy with INVALID_INPUT naming the field, for a dry run and a save alike, and saves nothing', async () => {
    const dewi = await fx.console();
    for (const event of ['policy:dry-run', 'policy:save'] as const) {
      const answer = await moderate(dewi.socket, event, { policy: { links: { maximum: 3 } } });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'policy.links.maximum' } });
    }
    expect(await moderate(dewi.socket, 'policy:save', { policy: { length: { max: 'banyak' } } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'policy.length.max' },
    });
    expect(await moderateOk(dewi.socket, 'policy:get', {})).toEqual({ policy: {}, updatedAt: null, updatedBy: null });
    expect((await moderateOk(dewi.socket, 'audit:list', { cursor: null })).entries).toEqual([]);
  });

  it('makes the next post follow a saved policy, keeps it across a restart, and audits the save', async () => {
    const dewi = await fx.console();
    const saved = await moderateOk(dewi.socket, 'policy:save', { policy: BANNING });
    expect(saved).toEqual({ policy: BANNING, updatedAt: expect.any(Number), updatedBy: 'dewi@example.com' });
    expect(await moderateOk(dewi.socket, 'policy:get', {})).toEqual(saved);

    const reader = await fx.watching(PAGE);
    const refused = await reader.post('Ini jelas tambang ilegal!');
    expect(refused.ok && refused.data.comment.status).toBe('rejected');
    expect(refused.ok && refused.data.reasons.map((r) => r.rule)).toContain('banned-word');

    const audit = await moderateOk(dewi.socket, 'audit:list', { cursor: null });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      action: 'policy',
      target: { policy: true },
      moderatorEmail: 'dewi@example.com',
      at: saved.updatedAt,
      before: 'the site’s file policy',
    });
    expect(JSON.parse(audit.entries[0]?.after ?? 'null')).toEqual(BANNING);

    await fx.restart({});
    const later = await fx.reader();
    const again = await request(later, 'comment:create', { page: PAGE, text: 'Tambang ilegal masih ada.', authorName: 'Wati', key: newKey() });
    expect(again.ok && again.data.comment.status).toBe('rejected');
  });
});
