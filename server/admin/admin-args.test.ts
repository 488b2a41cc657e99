import { describe, expect, it } from 'vitest';
import { parseAdminArgs } from './admin-args.ts';

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
  ])('reads %j', (argv, command) => {
    expect(parseAdminArgs(argv)).toEqual({ ok: true, command });
  });

  it.each([
    [[], /^Usage:/],
    [['--help'], /^Usage:/],
    [['moderator'], /needs a command: add, list, remove or passwd/],
    [['moderator', 'promote', '--email', 'a@b.co'], /Unknown command "moderator promote"/],
    [['site', 'add'], /Unknown command "site"/],
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
});
