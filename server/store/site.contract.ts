/**
 * The site directory of CommentStore (SiteDirectory), written once. Each implementation's test
 * file calls `describeSiteDirectoryContract` with the same harness as the other contracts.
 */
import { describe, expect, it } from 'vitest';
import { freshHarness, type StoreHarness } from './contract-fixtures.ts';
import type { SiteRecord } from './site-types.ts';

function site(id: string, over: Partial<SiteRecord> = {}): SiteRecord {
  return {
    id,
    name: `Site ${id}`,
    origins: [`https://${id}.example`],
    ssoSecret: 'c2l0ZS1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXMtLS0',
    preModerated: false,
    closedPages: [],
    moderation: null,
    alerts: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  };
}

export function describeSiteDirectoryContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`${name} store (site directory contract)`, () => {
    const fresh = freshHarness(open);

    it('keeps a site whole: origins, secret, settings, a policy with empty lists and nested keys, and alerts', async () => {
      const { store } = await fresh();
      const energi = site('situs-energi', {
        name: 'Situs Energi',
        origins: ['https://situsenergi.com', 'https://www.situsenergi.com'],
        preModerated: true,
        closedPages: ['/2019/01/lama/'],
        moderation: { words: { banned: ['tambang ilegal'], suspect: [] }, links: { max: 1 } },
        alerts: { webhook: { url: 'https://hooks.example.com/rembuk', secret: 'x'.repeat(32) } },
      });
      expect(await store.createSite(energi)).toBe(true);
      expect(await store.getSite('situs-energi')).toEqual(energi);
      expect(await store.getSite('nope')).toBeNull();
    });

    it('keeps a site’s reserved names and edit window, lets an update change them, and reads a site without them as it was written', async () => {
      const { store } = await fresh();
      const withThem = site('berita', { reservedNames: ['Redaksi', 'Admin Berita'], editWindowMinutes: 0 });
      const without = site('lama');
      await store.createSite(withThem);
      await store.createSite(without);
      expect(await store.getSite('berita')).toEqual(withThem);
      expect(await store.getSite('lama')).toEqual(without);
      expect(await store.updateSite('berita', { reservedNames: [], editWindowMinutes: 30, updatedAt: 1_800_000_000_000 })).toBe(true);
      expect(await store.getSite('berita')).toEqual({ ...withThem, reservedNames: [], editWindowMinutes: 30, updatedAt: 1_800_000_000_000 });
      expect(await store.updateSite('lama', { name: 'Lama', updatedAt: 1_800_000_000_000 })).toBe(true);
      expect(await store.getSite('lama')).not.toHaveProperty('editWindowMinutes');
    });

    it('refuses a second site with the same id and keeps the first', async () => {
      const { store } = await fresh();
      const first = site('berita');
      expect(await store.createSite(first)).toBe(true);
      expect(await store.createSite(site('berita', { name: 'Impostor', origins: ['https://evil.example'] }))).toBe(false);
      expect(await store.getSite('berita')).toEqual(first);
      expect(await store.listSites()).toEqual([first]);
    });

    it('lists every site ordered by id, and none when there are none', async () => {
      const { store } = await fresh();
      expect(await store.listSites()).toEqual([]);
      const [c, a, b] = [site('zeta'), site('alpha'), site('mid-1')];
      for (const s of [c, a, b]) await store.createSite(s);
      expect(await store.listSites()).toEqual([a, b, c]);
    });

    it('changes only the fields an update gives, and answers false for a site it does not have', async () => {
      const { store } = await fresh();
      const before = site('berita', { moderation: { links: { max: 2 } }, closedPages: ['/a/'] });
      await store.createSite(before);
      expect(await store.updateSite('berita', { name: 'Berita Baru', origins: [], updatedAt: 1_800_000_000_000 })).toBe(true);
      expect(await store.getSite('berita')).toEqual({ ...before, name: 'Berita Baru', origins: [], updatedAt: 1_800_000_000_000 });
      expect(await store.updateSite('berita', { moderation: null, alerts: null, preModerated: true, updatedAt: 1_800_000_000_001 })).toBe(true);
      expect(await store.getSite('berita')).toMatchObject({ moderation: null, preModerated: true, closedPages: ['/a/'], name: 'Berita Baru' });
      expect(await store.updateSite('nope', { name: 'x', updatedAt: 1 })).toBe(false);
      expect(await store.getSite('nope')).toBeNull();
      expect(await store.listSites()).toHaveLength(1);
    });

    it('removes a site once: then it is gone from reads and lists, and its id is free again', async () => {
      const { store } = await fresh();
      await store.createSite(site('berita'));
      await store.createSite(site('lain'));
      expect(await store.removeSite('berita')).toBe(true);
      expect(await store.removeSite('berita')).toBe(false);
      expect(await store.getSite('berita')).toBeNull();
      expect((await store.listSites()).map((s) => s.id)).toEqual(['lain']);
      expect(await store.createSite(site('berita', { name: 'Again' }))).toBe(true);
      expect(await store.getSite('berita')).toMatchObject({ name: 'Again' });
    });

    it('still has its sites after the store is closed and opened again', async () => {
      const harness = await fresh();
      const kept = site('berita', { moderation: { newAuthor: { holdFirst: 2 } } });
      await harness.store.createSite(kept);
      const reopened = await harness.reopen();
      expect(await reopened.listSites()).toEqual([kept]);
    });
  });
}
