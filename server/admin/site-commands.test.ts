import { describe, expect, it } from 'vitest';
import { STORE_KINDS, storePerTest } from '../../test/support/stores.ts';
import { parseAdminArgs, type AdminCommand } from './admin-args.ts';
import { runAdminCommand, type AdminDeps } from './admin-commands.ts';

function command(...argv: string[]): AdminCommand {
  const parsed = parseAdminArgs(argv);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.command;
}

const SECRET = 'c2VjcmV0LW9mLXRoZS1zaXRlLWF0LWxlYXN0LTMyLWJ5dGVz';

describe.each(STORE_KINDS)('site commands on the %s store', (kind) => {
  const freshStore = storePerTest(kind);

  async function setup(server: AdminDeps['server'] = { url: 'https://komentar.situsenergi.com', fromPublicUrl: true }) {
    const store = await freshStore();
    const printed: string[] = [];
    let now = 1_800_000_000_000;
    const deps: AdminDeps = {
      store,
      clock: () => now,
      newId: () => 'unused',
      newSecret: () => SECRET,
      server,
      readPassword: () => Promise.resolve(''),
      print: (line) => printed.push(line),
    };
    return { deps, printed, store, later: (ms: number) => (now += ms) };
  }

  it('adds a site with an id made from its name, and prints the id, its SSO secret and the snippet to paste', async () => {
    const { deps, printed, store } = await setup();
    expect(await runAdminCommand(command('site', 'add', '--name', 'Situs Energi', '--origin', 'https://situsenergi.com'), deps)).toBe(0);
    expect(printed).toEqual([
      'Added site situs-energi (Situs Energi) on https://situsenergi.com.',
      "Readers may edit a comment for 15 minutes; reserved names: none (and the moderators'); closed pages: none.",
      `SSO secret (keep it secret, on your own server; it signs your readers' sign-in tokens): ${SECRET}`,
      'Paste this where the comments should go:',
      '',
      '  <script src="https://komentar.situsenergi.com/embed.js" data-site="situs-energi" async></script>',
      '  <rembuk-thread></rembuk-thread>',
      '',
    ]);
    expect(await store.getSite('situs-energi')).toEqual({
      id: 'situs-energi',
      name: 'Situs Energi',
      origins: ['https://situsenergi.com'],
      ssoSecret: SECRET,
      preModerated: false,
      closedPages: [],
      reservedNames: [],
      editWindowMinutes: 15,
      moderation: null,
      alerts: null,
      createdAt: 1_800_000_000_000,
      updatedAt: 1_800_000_000_000,
    });
  });

  it('sets, changes and shows the readers’ settings: reserved names, the edit window, closed pages', async () => {
    const { deps, printed, store } = await setup();
    const add = command(
      'site',
      'add',
      '--name',
      'Berita',
      '--origin',
      'https://berita.example',
      '--reserved-names',
      'Redaksi',
      '--close-page',
      '/lama',
    );
    expect(await runAdminCommand(add, deps)).toBe(0);
    expect(await store.getSite('berita')).toMatchObject({ reservedNames: ['Redaksi'], closedPages: ['/lama'], editWindowMinutes: 15 });
    printed.length = 0;
    const update = command(
      'site',
      'update',
      '--id',
      'berita',
      '--edit-window',
      '0',
      '--close-page',
      '/baru',
      '--open-page',
      '/lama',
      '--reserved-names',
      'A,B',
    );
    expect(await runAdminCommand(update, deps)).toBe(0);
    expect(await store.getSite('berita')).toMatchObject({
      reservedNames: ['A', 'B'],
      closedPages: ['/baru'],
      editWindowMinutes: 0,
      origins: ['https://berita.example'],
    });
    expect(printed[1]).toBe("Readers may not edit their comments; reserved names: A, B (and the moderators'); closed pages: /baru.");
    printed.length = 0;
    await runAdminCommand(command('site', 'show', '--id', 'berita'), deps);
    expect(printed[1]).toBe("Readers may not edit their comments; reserved names: A, B (and the moderators'); closed pages: /baru.");
  });

  it('says the snippet points at this machine when PUBLIC_URL is not set', async () => {
    const { deps, printed } = await setup({ url: 'http://127.0.0.1:3000', fromPublicUrl: false });
    await runAdminCommand(command('site', 'add', '--name', 'Berita', '--origin', 'https://berita.example'), deps);
    expect(printed).toContain('  <script src="http://127.0.0.1:3000/embed.js" data-site="berita" async></script>');
    expect(printed.at(-1)).toMatch(/^\(http:\/\/127\.0\.0\.1:3000 is this machine: set PUBLIC_URL/);
  });

  it('refuses a taken id and keeps the first site', async () => {
    const { deps, printed, store } = await setup();
    await runAdminCommand(command('site', 'add', '--name', 'Berita', '--origin', 'https://berita.example'), deps);
    expect(await runAdminCommand(command('site', 'add', '--name', 'Berita', '--origin', 'https://evil.example'), deps)).toBe(1);
    expect(printed.at(-1)).toBe('A site with the id berita exists already (change it with "site update --id berita", or choose another --id).');
    expect((await store.getSite('berita'))?.origins).toEqual(['https://berita.example']);
  });

  it('lists the sites, and says how to add one when there are none', async () => {
    const { deps, printed } = await setup();
    await runAdminCommand(command('site', 'list'), deps);
    expect(printed).toEqual(['No sites yet. Add one with: npm run admin -- site add --name "My Site" --origin https://www.example.com']);
    await runAdminCommand(command('site', 'add', '--name', 'Zeta', '--origin', 'https://z.example', '--origin', 'https://www.z.example'), deps);
    await runAdminCommand(command('site', 'add', '--name', 'Alpha', '--id', 'alpha', '--origin', 'https://a.example'), deps);
    printed.length = 0;
    expect(await runAdminCommand(command('site', 'list'), deps)).toBe(0);
    expect(printed).toEqual([
      'alpha (Alpha) on https://a.example, added 2027-01-15',
      'zeta (Zeta) on https://z.example, https://www.z.example, added 2027-01-15',
    ]);
  });

  it('shows a site’s secret and snippet again', async () => {
    const { deps, printed } = await setup();
    await runAdminCommand(command('site', 'add', '--name', 'Berita', '--origin', 'https://berita.example'), deps);
    printed.length = 0;
    expect(await runAdminCommand(command('site', 'show', '--id', 'berita'), deps)).toBe(0);
    expect(printed[0]).toBe('berita (Berita) on https://berita.example.');
    expect(printed).toContain(`SSO secret (keep it secret, on your own server; it signs your readers' sign-in tokens): ${SECRET}`);
    expect(await runAdminCommand(command('site', 'show', '--id', 'nope'), deps)).toBe(1);
    expect(printed.at(-1)).toBe('No site has the id nope (see "site list").');
  });

  it('replaces, adds and removes origins and renames, keeping the secret', async () => {
    const { deps, printed, store, later } = await setup();
    await runAdminCommand(command('site', 'add', '--name', 'Berita', '--origin', 'https://berita.example'), deps);
    later(1_000);
    expect(await runAdminCommand(command('site', 'update', '--id', 'berita', '--add-origin', 'https://www.berita.example'), deps)).toBe(0);
    expect((await store.getSite('berita'))?.origins).toEqual(['https://berita.example', 'https://www.berita.example']);
    expect(
      await runAdminCommand(
        command(
          'site',
          'update',
          '--id',
          'berita',
          '--name',
          'Berita Baru',
          '--origin',
          'https://baru.example',
          '--remove-origin',
          'https://gone.example',
        ),
        deps,
      ),
    ).toBe(0);
    expect(printed.slice(-2)).toEqual([
      'Updated site berita (Berita Baru) on https://baru.example. Running servers take it up within a few seconds.',
      'It did not have https://gone.example.',
    ]);
    expect(await store.getSite('berita')).toMatchObject({
      name: 'Berita Baru',
      origins: ['https://baru.example'],
      ssoSecret: SECRET,
      updatedAt: 1_800_000_001_000,
    });
    expect(await runAdminCommand(command('site', 'update', '--id', 'berita', '--remove-origin', 'https://baru.example'), deps)).toBe(0);
    expect(printed.at(-1)).toMatch(/^It has no origins now: every page embedding it is refused/);
    expect(await runAdminCommand(command('site', 'update', '--id', 'nope', '--name', 'X'), deps)).toBe(1);
  });

  it('removes a site, and says so when there is none', async () => {
    const { deps, printed, store } = await setup();
    await runAdminCommand(command('site', 'add', '--name', 'Berita', '--origin', 'https://berita.example'), deps);
    expect(await runAdminCommand(command('site', 'remove', '--id', 'berita'), deps)).toBe(0);
    expect(printed.at(-1)).toBe(
      'Removed site berita (Berita) on https://berita.example. Pages embedding it are refused within a few seconds; its comments stay in the store.',
    );
    expect(await store.listSites()).toEqual([]);
    expect(await runAdminCommand(command('site', 'remove', '--id', 'berita'), deps)).toBe(1);
    expect(printed.at(-1)).toBe('No site has the id berita (see "site list").');
  });
});
