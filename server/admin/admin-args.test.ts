import { describe, expect, it } from 'vitest';
import { EDIT_WINDOW_MAX_MINUTES, parseAdminArgs } from './admin-args.ts';

/** What a site command carries when it gives no reader setting. */
const noSettings = { closePages: [], openPages: [] };

describe('the admin command line', () => {
  it.each([
    [
      ['moderator', 'add', '--email', ' Dewi@Example.com ', '--site', 'demo'],
      { kind: 'moderator-add', email: 'dewi@example.com', role: 'moderator', sites: ['demo'], generatePassword: false },
    ],
    [
      ['moderator', 'add', '--email', 'a@b.co', '--site', 'demo', '--site', 'berita-2'],
      { kind: 'moderator-add', email: 'a@b.co', role: 'moderator', sites: ['demo', 'berita-2'], generatePassword: false },
    ],
    [
      ['moderator', 'add', '--email', 'boss@b.co', '--admin', '--generate-password'],
      { kind: 'moderator-add', email: 'boss@b.co', role: 'admin', sites: [], generatePassword: true },
    ],
    [['moderator', 'list'], { kind: 'moderator-list' }],
    [['moderator', 'remove', '--email', 'a@b.co'], { kind: 'moderator-remove', email: 'a@b.co' }],
    [['moderator', 'passwd', '--email', 'a@b.co', '--generate-password'], { kind: 'moderator-passwd', email: 'a@b.co', generatePassword: true }],
    [
      ['site', 'add', '--name', 'Situs Energi', '--origin', 'https://situsenergi.com/', '--origin', 'https://WWW.situsenergi.com'],
      {
        kind: 'site-add',
        id: 'situs-energi',
        name: 'Situs Energi',
        origins: ['https://situsenergi.com', 'https://www.situsenergi.com'],
        ...noSettings,
      },
    ],
    [
      ['site', 'add', '--name', 'Situs Energi', '--id', 'se', '--origin', 'https://situsenergi.com'],
      { kind: 'site-add', id: 'se', name: 'Situs Energi', origins: ['https://situsenergi.com'], ...noSettings },
    ],
    [['site', 'list'], { kind: 'site-list' }],
    [['site', 'show', '--id', 'se'], { kind: 'site-show', id: 'se' }],
    [
      [
        'site',
        'update',
        '--id',
        'se',
        '--name',
        'SE',
        '--origin',
        'https://a.example',
        '--add-origin',
        'https://b.example',
        '--remove-origin',
        'https://c.example',
      ],
      {
        kind: 'site-update',
        id: 'se',
        name: 'SE',
        origins: ['https://a.example'],
        addOrigins: ['https://b.example'],
        removeOrigins: ['https://c.example'],
        ...noSettings,
      },
    ],
    [
      ['moderator', 'add', '--email', 'a@b.co', '--site', 'demo', '--name', '  Tim   Redaksi '],
      { kind: 'moderator-add', email: 'a@b.co', role: 'moderator', sites: ['demo'], generatePassword: false, name: 'Tim Redaksi' },
    ],
    [['moderator', 'update', '--email', 'a@b.co', '--name', 'Pemred'], { kind: 'moderator-update', email: 'a@b.co', name: 'Pemred' }],
    [['moderator', 'update', '--email', 'a@b.co', '--name', ''], { kind: 'moderator-update', email: 'a@b.co', name: null }],
    [
      ['site', 'add', '--name', 'SE', '--origin', 'https://se.id', '--reserved-names', 'Redaksi, Admin ,,Redaksi', '--edit-window', '30'],
      {
        kind: 'site-add',
        id: 'se',
        name: 'SE',
        origins: ['https://se.id'],
        reservedNames: ['Redaksi', 'Admin'],
        editWindowMinutes: 30,
        ...noSettings,
      },
    ],
    [
      ['site', 'update', '--id', 'se', '--close-page', '/a', '--close-page', '/b', '--open-page', '/c', '--edit-window', '0', '--reserved-names', ''],
      {
        kind: 'site-update',
        id: 'se',
        addOrigins: [],
        removeOrigins: [],
        reservedNames: [],
        editWindowMinutes: 0,
        closePages: ['/a', '/b'],
        openPages: ['/c'],
      },
    ],
    [
      ['site', 'update', '--id', 'se', '--add-origin', 'http://localhost:8080'],
      { kind: 'site-update', id: 'se', addOrigins: ['http://localhost:8080'], removeOrigins: [], ...noSettings },
    ],
    [['site', 'remove', '--id', 'se'], { kind: 'site-remove', id: 'se' }],
  ])('reads %j', (argv, command) => {
    expect(parseAdminArgs(argv)).toEqual({ ok: true, command });
  });

  it.each([
    [[], /^Usage:/],
    [['--help'], /^Usage:/],
    [['moderator'], /needs a command: add, update, list, remove or passwd/],
    [['moderator', 'promote', '--email', 'a@b.co'], /Unknown command "moderator promote"/],
    [['site', 'add'], /"site add" needs --name/],
    [['site'], /"site" needs a command: add, list, show, update or remove/],
    [['site', 'update', '--id', 'se', '--edit-window', 'lima'], /--edit-window must be a whole number of minutes/],
    [['site', 'update', '--id', 'se', '--edit-window', String(EDIT_WINDOW_MAX_MINUTES + 1)], /--edit-window must be a whole number/],
    [['site', 'update', '--id', 'se', '--close-page', 'has space'], /"has space" is not a page id/],
    [['site', 'update', '--id', 'se', '--close-page', '/a', '--open-page', '/a'], /cannot be closed and opened at once/],
    [['site', 'update', '--id', 'se', '--reserved-names', 'x'.repeat(61)], /over 60 characters/],
    [['site', 'add', '--name', 'SE', '--origin', 'https://se.id', '--open-page', '/a'], /"site add" takes --close-page/],
    [['moderator', 'update', '--email', 'a@b.co'], /"moderator update" needs --name/],
    [['moderator', 'add', '--email', 'a@b.co', '--admin', '--name', 'n'.repeat(61)], /--name must be at most 60/],
    [['site', 'add', '--name', 'Situs Energi'], /Give the page origins the site is embedded on/],
    [['site', 'add', '--name', '—!—', '--origin', 'https://a.example'], /No site id can be made from "—!—": give one with --id/],
    [['site', 'add', '--name', 'X', '--id', 'Bad Id', '--origin', 'https://a.example'], /"Bad Id" is not a site id/],
    [['site', 'update', '--name', 'X'], /"site update" needs --id/],
    [['site', 'update', '--id', 'x'], /needs something to change/],
    [['site', 'remove'], /"site remove" needs --id/],
    [['site', 'add', '--name', 'X', '--origin', 'https://a.example', '--email', 'a@b.co'], /"site" commands take no --email/],
    [['moderator', 'list', '--origin', 'https://a.example'], /"moderator" commands take no --origin/],
    [['moderator', 'add', '--site', 'demo'], /needs --email/],
    [['moderator', 'add', '--email', 'not-an-email', '--site', 'demo'], /is not an email address/],
    [['moderator', 'add', '--email', 'a@b.co'], /Give the sites this moderator may moderate/],
    [['moderator', 'add', '--email', 'a@b.co', '--site', 'Not A Site'], /is not a site id/],
    [['moderator', 'add', '--email', 'a@b.co', '--site', 'demo', '--admin'], /not both/],
    [['moderator', 'list', '--emial', 'a@b.co'], /Unknown option '--emial'/],
    [['moderator', 'list', 'extra'], /Unexpected argument "extra"/],
  ])('answers %j with its usage and what is wrong', (argv, message) => {
    const parsed = parseAdminArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
    expect(!parsed.ok && parsed.message).toContain('Usage: npm run admin -- <command>');
  });

  it('names every origin without a scheme at once, never dropping one silently', () => {
    const parsed = parseAdminArgs([
      'site',
      'add',
      '--name',
      'Situs Energi',
      '--origin',
      'situsenergi.com',
      '--origin',
      'https://ok.example',
      '--origin',
      'www.situsenergi.com',
    ]);
    expect(parsed.ok).toBe(false);
    const message = parsed.ok ? '' : parsed.message;
    expect(message).toContain('"situsenergi.com" is not an origin: give its scheme, e.g. https://situsenergi.com');
    expect(message).toContain('"www.situsenergi.com" is not an origin: give its scheme, e.g. https://www.situsenergi.com');
    expect(parseAdminArgs(['site', 'update', '--id', 'se', '--add-origin', 'situsenergi.com'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('"situsenergi.com" is not an origin'),
    });
  });
});
