import { describe, expect, it } from 'vitest';
import { defaultPolicy, parsePolicy } from '../../moderation/index.ts';
import { storePerTest } from '../../test/support/stores.ts';
import { createSiteModeration, type SiteModerationSettings } from '../comments/moderate.ts';
import type { CommentStore } from '../store/types.ts';
import { createSitePolicies } from './site-policies.ts';

const FILE_JSON = { words: { suspect: ['tambang'] } };

function fileSettings(): SiteModerationSettings {
  const parsed = parsePolicy(FILE_JSON);
  if (!parsed.ok) throw new Error('bad test policy');
  return { policy: parsed.policy, preModerated: true, closedPages: ['/tutup/'] };
}

describe('site policies over the embedded store', () => {
  const freshStore = storePerTest('embedded');

  const setup = freshStore;

  /** One server's view: `demo` has a SITES_FILE policy, `other` has none. */
  function policiesOver(store: CommentStore) {
    const demoFile = { json: FILE_JSON, settings: fileSettings() };
    return createSitePolicies({
      store,
      fromFile: (site) => (site === 'demo' ? demoFile : undefined),
      sites: () => ['demo', 'other'],
    });
  }

  const history = { approvedCount: 9, rejectedCount: 0, recentPosts: [], bannedUntil: null, trusted: false, firstSeen: null, name: null };
  const post = (site: string, text: string) => ({
    site,
    page: '/2025/berita/',
    text,
    authorName: 'Wati',
    authorId: 'a1',
    history,
    now: 1_800_000_000_000,
  });

  it('uses the file’s settings for a site that has them and the default for one that has not', async () => {
    const policies = policiesOver(await setup());
    await policies.refresh();
    expect(policies.settingsFor('demo')).toMatchObject({ preModerated: true, closedPages: ['/tutup/'] });
    expect(policies.settingsFor('demo').policy.words.suspect).toEqual(['tambang']);
    expect(policies.settingsFor('other')).toEqual({ policy: defaultPolicy, preModerated: false, closedPages: [] });
    expect(policies.policyJsonFor('demo')).toEqual(FILE_JSON);
    expect(policies.policyJsonFor('other')).toEqual({});
    expect(policies.savedFor('demo')).toBeNull();
  });

  it('puts a saved policy over the file’s, keeping the file’s thread settings, and stores it', async () => {
    const store = await setup();
    const policies = policiesOver(store);
    const json = { words: { banned: ['batubara'] } };
    const saved = await policies.save('demo', json, 'dewi@example.com', 1_800_000_000_000);
    expect(saved).toMatchObject({ ok: true, record: { policy: json, updatedAt: 1_800_000_000_000, updatedBy: 'dewi@example.com' } });
    const settings = policies.settingsFor('demo');
    expect(settings.policy.words.banned).toEqual(['batubara']);
    expect(settings.policy.words.suspect).toEqual([]);
    expect(settings).toMatchObject({ preModerated: true, closedPages: ['/tutup/'] });
    expect(policies.policyJsonFor('demo')).toEqual(json);
    expect(policies.savedFor('demo')).toEqual({ policy: json, updatedAt: 1_800_000_000_000, updatedBy: 'dewi@example.com' });
    expect(await store.getSitePolicy('demo')).toEqual({ policy: json, updatedAt: 1_800_000_000_000, updatedBy: 'dewi@example.com' });
    // The other site is untouched.
    expect(policies.settingsFor('other').policy).toBe(defaultPolicy);
  });

  it('refuses an invalid policy with every error at once, and stores and changes nothing', async () => {
    const store = await setup();
    const policies = policiesOver(store);
    const before = policies.settingsFor('demo');
    const result = await policies.save(
      'demo',
      { links: { maximum: 3 }, words: { banned: 'batubara' }, shouting: { ratio: 7 } },
      'dewi@example.com',
      1,
    );
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path).sort();
    expect(paths).toHaveLength(3);
    expect(paths.join(' ')).toMatch(/links.*maximum/);
    expect(paths.join(' ')).toMatch(/shouting.*ratio/);
    expect(paths.join(' ')).toMatch(/words.*banned/);
    expect(policies.settingsFor('demo')).toBe(before);
    expect(policies.savedFor('demo')).toBeNull();
    expect(await store.getSitePolicy('demo')).toBeNull();
  });

  it('adopts a policy another server saved at its next refresh, not before', async () => {
    const store = await setup();
    const here = policiesOver(store);
    const there = policiesOver(store);
    await here.refresh();
    await there.save('demo', { words: { banned: ['batubara'] } }, 'dewi@example.com', 1_800_000_000_000);
    expect(here.settingsFor('demo').policy.words.banned).toEqual([]);
    await here.refresh();
    expect(here.settingsFor('demo').policy.words.banned).toEqual(['batubara']);
    expect(here.savedFor('demo')?.updatedBy).toBe('dewi@example.com');
    await there.save('demo', { words: { banned: ['nikel'] } }, 'budi@example.com', 1_800_000_060_000);
    await here.refresh();
    expect(here.settingsFor('demo').policy.words.banned).toEqual(['nikel']);
  });

  it('ignores a stored policy this version no longer accepts, keeping the file’s', async () => {
    const store = await setup();
    await store.setSitePolicy('demo', { policy: { words: { retired: true } }, updatedAt: 5, updatedBy: 'old@example.com' });
    const policies = policiesOver(store);
    await policies.refresh();
    expect(policies.settingsFor('demo').policy.words.suspect).toEqual(['tambang']);
    expect(policies.savedFor('demo')).toBeNull();
  });

  it('returns the same settings object until the policy changes, so the post path recompiles only then', async () => {
    const store = await setup();
    const policies = policiesOver(store);
    const other = policiesOver(store);
    await policies.refresh();
    const fromFile = policies.settingsFor('demo');
    expect(policies.settingsFor('demo')).toBe(fromFile);
    await other.save('demo', { words: { banned: ['batubara'] } }, 'dewi@example.com', 10);
    await policies.refresh();
    const adopted = policies.settingsFor('demo');
    expect(adopted).not.toBe(fromFile);
    // Refreshing again reads the same record: nothing changed, the same object comes back.
    await policies.refresh();
    await policies.refresh();
    expect(policies.settingsFor('demo')).toBe(adopted);
    expect(policies.settingsFor('other')).toBe(policies.settingsFor('other'));
  });

  it('moderates posts by the policy in force, before and after a save', async () => {
    const policies = policiesOver(await setup());
    await policies.refresh();
    const moderate = createSiteModeration((site) => policies.settingsFor(site));
    expect(moderate(post('other', 'Harga batubara naik')).action).toBe('publish');
    await policies.save('other', { words: { banned: ['batubara'] } }, 'dewi@example.com', 10);
    expect(moderate(post('other', 'Harga batubara naik'))).toMatchObject({ action: 'reject', reasons: [{ rule: 'banned-word' }] });
  });

  it('stops refreshing when told to', async () => {
    const store = await setup();
    const policies = policiesOver(store);
    const other = policiesOver(store);
    const stop = policies.start(20);
    await other.save('demo', { words: { banned: ['batubara'] } }, 'dewi@example.com', 10);
    await expect.poll(() => policies.settingsFor('demo').policy.words.banned, { timeout: 2_000 }).toEqual(['batubara']);
    stop();
    await other.save('demo', { words: { banned: ['nikel'] } }, 'dewi@example.com', 20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(policies.settingsFor('demo').policy.words.banned).toEqual(['batubara']);
  });
});
