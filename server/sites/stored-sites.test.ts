import { describe, expect, it } from 'vitest';
import { STORE_KINDS, storePerTest } from '../../test/support/stores.ts';
import type { SiteRecord } from '../store/site-types.ts';
import { createStoredSites } from './stored-sites.ts';

function record(id: string, over: Partial<SiteRecord> = {}): SiteRecord {
  return {
    id,
    name: `Site ${id}`,
    origins: [`https://${id}.example`],
    ssoSecret: 's'.repeat(43),
    preModerated: false,
    closedPages: [],
    moderation: null,
    alerts: null,
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}

describe.each(STORE_KINDS)('the sites served, read from the %s store', (kind) => {
  const freshStore = storePerTest(kind);

  it('serves a site once it is in the store, changes it, and stops serving it once removed, at each refresh', async () => {
    const store = await freshStore();
    const sites = createStoredSites({ store });
    expect(await sites.refresh()).toEqual({ added: [], changed: [], removed: [] });
    expect(sites.get('berita')).toBeUndefined();

    await store.createSite(record('berita'));
    expect(sites.isOriginAllowed('berita', 'https://berita.example')).toBe(false);
    expect(await sites.refresh()).toMatchObject({ added: [{ id: 'berita', origins: ['https://berita.example'] }], changed: [], removed: [] });
    expect(sites.isOriginAllowed('berita', 'https://berita.example')).toBe(true);
    expect(sites.anySiteAllows('https://berita.example')).toBe(true);
    expect(sites.get('berita')).toMatchObject({ name: 'Site berita', ssoSecret: 's'.repeat(43), reservedNames: [], closedPages: [] });
    expect(sites.get('berita')?.editWindowMinutes).toBeUndefined();

    await store.updateSite('berita', {
      origins: ['https://baru.example'],
      reservedNames: ['Redaksi'],
      editWindowMinutes: 0,
      closedPages: ['/tutup'],
      updatedAt: 2,
    });
    expect(await sites.refresh()).toMatchObject({ changed: [{ id: 'berita', origins: ['https://baru.example'] }] });
    expect(sites.isOriginAllowed('berita', 'https://berita.example')).toBe(false);
    expect(sites.isOriginAllowed('berita', 'https://baru.example')).toBe(true);
    // The readers' settings reach the handlers through the registry, changed at the same refresh.
    expect(sites.get('berita')).toMatchObject({ reservedNames: ['Redaksi'], editWindowMinutes: 0, closedPages: ['/tutup'] });
    expect(await sites.refresh()).toEqual({ added: [], changed: [], removed: [] });

    await store.removeSite('berita');
    expect(await sites.refresh()).toEqual({ added: [], changed: [], removed: ['berita'] });
    expect(sites.get('berita')).toBeUndefined();
    expect(sites.list()).toEqual([]);
  });

  it('keeps a fixed site and the origins it learnt at listen through every refresh, adding a stored site’s origins of the same id', async () => {
    const store = await freshStore();
    const sites = createStoredSites({ store, fixed: [{ id: 'demo', name: 'Demo', origins: [] }] });
    await sites.refresh();
    sites.allowOrigins('demo', ['http://127.0.0.1:3000']);
    await store.createSite(record('demo', { origins: ['https://demo.example'] }));
    await sites.refresh();
    expect(sites.isOriginAllowed('demo', 'http://127.0.0.1:3000')).toBe(true);
    expect(sites.isOriginAllowed('demo', 'https://demo.example')).toBe(true);
    await store.removeSite('demo');
    await sites.refresh();
    expect(sites.get('demo')).toMatchObject({ name: 'Demo', origins: ['http://127.0.0.1:3000'] });
  });

  it('gives each site’s own policy and thread settings as one object until the site changes, and its webhook', async () => {
    const store = await freshStore();
    const bad: string[] = [];
    const sites = createStoredSites({ store, onBadPolicy: (site, problems) => bad.push(`${site}: ${problems.join('; ')}`) });
    const webhook = { url: 'https://hooks.example/r', secret: 'w'.repeat(32) };
    await store.createSite(
      record('berita', { moderation: { words: { suspect: ['hoaks'] } }, preModerated: true, closedPages: ['/tutup/'], alerts: { webhook } }),
    );
    await store.createSite(record('lain', { moderation: { links: { max: 'many' } } }));
    await sites.refresh();
    const own = sites.settingsOf('berita');
    expect(own?.json).toEqual({ words: { suspect: ['hoaks'] } });
    expect(own?.settings).toMatchObject({ preModerated: true, closedPages: ['/tutup/'] });
    expect(own?.settings.policy.words.suspect).toEqual(['hoaks']);
    expect(sites.webhooks.get('berita')).toEqual(webhook);
    await sites.refresh();
    expect(sites.settingsOf('berita')).toBe(own);
    // A stored policy this version refuses is reported, and the site moderates by the default.
    expect(bad).toEqual([expect.stringMatching(/^lain: links\.max: /)]);
    expect(sites.settingsOf('lain')?.settings.preModerated).toBe(false);

    await store.updateSite('berita', { alerts: null, preModerated: false, updatedAt: 5 });
    await sites.refresh();
    expect(sites.settingsOf('berita')).not.toBe(own);
    expect(sites.settingsOf('berita')?.settings.preModerated).toBe(false);
    expect(sites.webhooks.has('berita')).toBe(false);
  });
});
