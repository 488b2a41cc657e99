/**
 * `npm run admin -- …`: the command line, parsed into one command or a usage message. Pure, so
 * every spelling mistake is a test case rather than a stack trace.
 */
import { parseArgs } from 'node:util';
import { SITE_ID_PATTERN } from '../../protocol/limits.ts';
import { siteIdFromName } from '../sites/site-id.ts';
import { parseSiteOrigin } from '../sites/site-origin.ts';

export type AdminCommand =
  | { kind: 'moderator-add'; email: string; role: 'admin' | 'moderator'; sites: string[]; generatePassword: boolean }
  | { kind: 'moderator-list' }
  | { kind: 'moderator-remove'; email: string }
  | { kind: 'moderator-passwd'; email: string; generatePassword: boolean }
  | { kind: 'site-add'; id: string; name: string; origins: string[] }
  | { kind: 'site-list' }
  | { kind: 'site-show'; id: string }
  /** `origins` replaces the site's; then `addOrigins` are added and `removeOrigins` removed. All normalized. */
  | { kind: 'site-update'; id: string; name?: string; origins?: string[]; addOrigins: string[]; removeOrigins: string[] }
  | { kind: 'site-remove'; id: string };

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

  site add --name <name> --origin <https://…> [--origin <…> …] [--id <id>]
      Registers a site and prints its id, its SSO secret and the snippet to paste. The id is
      made from the name when not given (lower-case letters, digits and dashes).
  site list
  site show --id <id>                     its origins, SSO secret and snippet
  site update --id <id> [--name <name>] [--origin <…> … (replaces them)] [--add-origin <…>] [--remove-origin <…>]
  site remove --id <id>                   pages embedding it are refused; its comments stay

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
        id: { type: 'string' },
        name: { type: 'string' },
        origin: { type: 'string', multiple: true },
        'add-origin': { type: 'string', multiple: true },
        'remove-origin': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usage(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return usage(null);
  const [noun, verb, ...extra] = positionals;
  if (noun !== 'moderator' && noun !== 'site') return usage(noun === undefined ? null : `Unknown command "${noun}".`);
  if (extra.length > 0) return usage(`Unexpected argument "${extra[0]}".`);
  const foreign = Object.keys(values).find((option) => !(noun === 'site' ? SITE_OPTIONS : MODERATOR_OPTIONS).has(option));
  if (foreign !== undefined) return usage(`"${noun}" commands take no --${foreign}.`);
  if (noun === 'site') return parseSiteCommand(verb, values);
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

const MODERATOR_OPTIONS = new Set(['email', 'site', 'admin', 'generate-password']);
const SITE_OPTIONS = new Set(['id', 'name', 'origin', 'add-origin', 'remove-origin']);

interface SiteOptions {
  id?: string | undefined;
  name?: string | undefined;
  origin?: string[] | undefined;
  'add-origin'?: string[] | undefined;
  'remove-origin'?: string[] | undefined;
}

function parseSiteCommand(verb: string | undefined, values: SiteOptions): ParsedAdminArgs {
  // Every bad origin of the command at once, each named: the owner fixes them in one go.
  const problems: string[] = [];
  const origins = (list: string[] | undefined): string[] =>
    (list ?? []).flatMap((text) => {
      const parsed = parseSiteOrigin(text);
      if (parsed.ok) return [parsed.origin];
      problems.push(parsed.message);
      return [];
    });
  const name = values.name?.trim();
  if (name !== undefined && (name.length === 0 || name.length > 120)) problems.push('--name must be 1 to 120 characters.');
  const givenId = values.id?.trim();
  if (givenId !== undefined && !SITE_ID_PATTERN.test(givenId)) {
    problems.push(`"${givenId}" is not a site id (lower-case letters, digits and dashes, at most 40).`);
  }
  const needId = (): string | null => {
    if (givenId === undefined) problems.push(`"site ${verb}" needs --id.`);
    return givenId ?? null;
  };
  const done = (command: AdminCommand): ParsedAdminArgs => (problems.length > 0 ? usage(problems.join('\n')) : { ok: true, command });
  switch (verb) {
    case 'add': {
      const list = origins(values.origin);
      if (values['add-origin'] || values['remove-origin']) problems.push('"site add" takes --origin (one per origin).');
      if (name === undefined) problems.push('"site add" needs --name.');
      else if (list.length === 0 && problems.length === 0)
        problems.push('Give the page origins the site is embedded on: --origin https://www.example.com');
      const id = givenId ?? (name === undefined ? null : siteIdFromName(name));
      if (id === null && name !== undefined && givenId === undefined) problems.push(`No site id can be made from "${name}": give one with --id.`);
      return done({ kind: 'site-add', id: id ?? '', name: name ?? '', origins: [...new Set(list)] });
    }
    case 'list':
      return done({ kind: 'site-list' });
    case 'show': {
      const id = needId();
      return done({ kind: 'site-show', id: id ?? '' });
    }
    case 'update': {
      const id = needId();
      const replace = values.origin === undefined ? undefined : [...new Set(origins(values.origin))];
      const addOrigins = origins(values['add-origin']);
      const removeOrigins = origins(values['remove-origin']);
      if (name === undefined && replace === undefined && addOrigins.length === 0 && removeOrigins.length === 0 && problems.length === 0) {
        problems.push('"site update" needs something to change: --name, --origin, --add-origin or --remove-origin.');
      }
      return done({
        kind: 'site-update',
        id: id ?? '',
        ...(name === undefined ? {} : { name }),
        ...(replace === undefined ? {} : { origins: replace }),
        addOrigins,
        removeOrigins,
      });
    }
    case 'remove': {
      const id = needId();
      return done({ kind: 'site-remove', id: id ?? '' });
    }
    case undefined:
      return usage('"site" needs a command: add, list, show, update or remove.');
    default:
      return usage(`Unknown command "site ${verb}".`);
  }
}

function usage(problem: string | null): ParsedAdminArgs {
  return { ok: false, message: problem === null ? ADMIN_USAGE : `${problem}\n\n${ADMIN_USAGE}` };
}
