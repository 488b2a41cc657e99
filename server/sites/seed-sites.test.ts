import { describe, expect, it } from 'vitest';
import { STORE_KINDS, storePerTest } from '../../test/support/stores.ts';
import { seedSites } from './seed-sites.ts';

describe.each(STORE_KINDS)('SITES_FILE seeding the %s store', (kind) => {
  const freshStore = storePerTest(kind);
  let now = 1_800_000_000_000;
  let secrets = 0;
  const deps = (store: Awaited<ReturnType<typeof freshStore>>) => ({
    store,
    clock: () => (now += 1_000),
    newSecret: () => `secret-${(secrets += 1)}-${'x'.repeat(40)}`,
  });

  it('creates a site the store has not, with defaults for what the file leaves out and a new SSO secret', async () => {
    const store = await freshStore();
    expect(await seedSites([{ id: 'berita', name: 'Berita', origins: ['https://berita.example'] }], deps(store))).toEqual({
      created: ['berita'],
      updated: [],
    });
    expect(await store.getSite('berita')).toMatchObject({
      name: 'Berita',
      origins: ['https://berita.example'],
      ssoSecret: expect.stringMatching(/^secret-\d+-x{40}$/),
      preModerated: false,
      closedPages: [],
      moderation: null,
      alerts: null,
    });
  });

  it('updates a stored site from the file, the file winning for what it says and the rest kept', async () => {
    const store = await freshStore();
    await seedSites([{ id: 'berita', name: 'Berita', origins: ['https://berita.example'], preModerated: true }], deps(store));
    const before = await store.getSite('berita');
    // The owner adds an origin with the admin command; the file, which names none, leaves them be.
    await store.updateSite('berita', { origins: ['https://berita.example', 'https://www.berita.example'], updatedAt: now });
    expect(await seedSites([{ id: 'berita', name: 'Berita Baru', moderation: { links: { max: 1 } } }], deps(store))).toEqual({
      created: [],
      updated: ['berita'],
    });
    const after = await store.getSite('berita');
    expect(after).toMatchObject({
      name: 'Berita Baru',
      origins: ['https://berita.example', 'https://www.berita.example'],
      preModerated: true,
      moderation: { links: { max: 1 } },
      ssoSecret: before?.ssoSecret,
      createdAt: before?.createdAt,
    });
    // A file that names origins replaces them.
    await seedSites([{ id: 'berita', name: 'Berita Baru', origins: ['https://satu.example'] }], deps(store));
    expect((await store.getSite('berita'))?.origins).toEqual(['https://satu.example']);
  });

  it('writes nothing when the store already says what the file says', async () => {
    const store = await freshStore();
    const seed = {
      id: 'berita',
      name: 'Berita',
      origins: ['https://berita.example'],
      closedPages: ['/a/'],
      reservedNames: ['Redaksi'],
      editWindowMinutes: 30,
      moderation: { links: { max: 1 } },
    };
    await seedSites([seed], deps(store));
    const stored = await store.getSite('berita');
    expect(await seedSites([seed], deps(store))).toEqual({ created: [], updated: [] });
    expect(await store.getSite('berita')).toEqual(stored);
  });

  it('seeds and changes a site’s reserved names and edit window like its other fields', async () => {
    const store = await freshStore();
    await seedSites([{ id: 'berita', name: 'Berita', reservedNames: ['Redaksi'], editWindowMinutes: 5 }], deps(store));
    expect(await store.getSite('berita')).toMatchObject({ reservedNames: ['Redaksi'], editWindowMinutes: 5 });
    expect(await seedSites([{ id: 'berita', name: 'Berita', editWindowMinutes: 0 }], deps(store))).toEqual({ created: [], updated: ['berita'] });
    expect(await store.getSite('berita')).toMatchObject({ reservedNames: ['Redaksi'], editWindowMinutes: 0 });
  });
});
