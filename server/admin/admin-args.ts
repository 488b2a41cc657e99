/**
 * `npm run admin -- …`: the command line, parsed into one command or a usage message. Pure, so
 * every spelling mistake is a test case rather than a stack trace.
 */
import { parseArgs } from 'node:util';
import { SITE_ID_PATTERN } from '../../protocol/limits.ts';

export type AdminCommand =
  | { kind: 'moderator-add'; email: string; role: 'admin' | 'moderator'; sites: string[]; generatePassword: boolean }
  | { kind: 'moderator-list' }
  | { kind: 'moderator-remove'; email: string }
  | { kind: 'moderator-passwd'; email: string; generatePassword: boolean };

export type ParsedAdminArgs = { ok: true; command: AdminCommand } | { ok: false; message: string };

export const ADMIN_USAGE = `Usage: npm run admin -- <command>

  moderator add --email <e> --site <id> [--site <id> …] [--generate-password]
  moderator add --email <e> --admin [--generate-password]
      Adds a moderator of the given sites, or an admin of every site. The password is asked
      for on a terminal, read from standard input otherwise, or generated and printed once.
  moderator list
  moderator remove --email <e>            removes the account and signs it out everywhere
  moderator passwd --email <e> [--generate-password]
      Sets a new password and signs the account out everywhere.

It works on the store the server uses (REDIS_URL, else DATA_DIR), also while the server runs.`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseAdminArgs(argv: readonly string[]): ParsedAdminArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        email: { type: 'string' },
        site: { type: 'string', multiple: true },
        admin: { type: 'boolean' },
        'generate-password': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usage(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return usage(null);
  const [noun, verb, ...extra] = positionals;
  if (noun !== 'moderator') return usage(noun === undefined ? null : `Unknown command "${noun}".`);
  if (extra.length > 0) return usage(`Unexpected argument "${extra[0]}".`);
  const email = values.email?.trim().toLowerCase();
  const needEmail = (): string | ParsedAdminArgs => {
    if (email === undefined) return usage(`"moderator ${verb}" needs --email.`);
    if (!EMAIL.test(email)) return usage(`"${values.email}" is not an email address.`);
    return email;
  };
  const generatePassword = values['generate-password'] ?? false;
  switch (verb) {
    case 'add': {
      const e = needEmail();
      if (typeof e !== 'string') return e;
      const sites = values.site ?? [];
      const bad = sites.find((s) => !SITE_ID_PATTERN.test(s));
      if (bad !== undefined) return usage(`"${bad}" is not a site id (lower-case letters, digits and dashes).`);
      if (values.admin && sites.length > 0) return usage('An admin moderates every site: give --admin or --site, not both.');
      if (!values.admin && sites.length === 0) return usage('Give the sites this moderator may moderate (--site <id>), or --admin.');
      return { ok: true, command: { kind: 'moderator-add', email: e, role: values.admin ? 'admin' : 'moderator', sites, generatePassword } };
    }
    case 'list':
      return { ok: true, command: { kind: 'moderator-list' } };
    case 'remove': {
      const e = needEmail();
      return typeof e === 'string' ? { ok: true, command: { kind: 'moderator-remove', email: e } } : e;
    }
    case 'passwd': {
      const e = needEmail();
      return typeof e === 'string' ? { ok: true, command: { kind: 'moderator-passwd', email: e, generatePassword } } : e;
    }
    case undefined:
      return usage('"moderator" needs a command: add, list, remove or passwd.');
    default:
      return usage(`Unknown command "moderator ${verb}".`);
  }
}

function usage(problem: string | null): ParsedAdminArgs {
  return { ok: false, message: problem === null ? ADMIN_USAGE : `${problem}\n\n${ADMIN_USAGE}` };
}
