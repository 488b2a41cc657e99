/**
 * `npm run admin -- …`: the command line, parsed into one command or a usage message. Pure, so
 * every spelling mistake is a test case rather than a stack trace.
 */
import { parseArgs } from 'node:util';
import { LIMITS, PAGE_ID_PATTERN, SITE_ID_PATTERN } from '../../protocol/limits.ts';
import { EDIT_WINDOW_MAX_MINUTES } from '../sites/reader-settings.ts';
import { siteIdFromName } from '../sites/site-id.ts';
import { parseSiteOrigin } from '../sites/site-origin.ts';

export type AdminCommand =
  /** `name`: what their comments go out under (absent: their email's local part). */
  | { kind: 'moderator-add'; email: string; role: 'admin' | 'moderator'; sites: string[]; generatePassword: boolean; name?: string }
  | { kind: 'moderator-list' }
  /** `name` null: back to their email's local part. */
  | { kind: 'moderator-update'; email: string; name: string | null }
  | { kind: 'moderator-remove'; email: string }
  | { kind: 'moderator-passwd'; email: string; generatePassword: boolean }
  | ({ kind: 'site-add'; id: string; name: string; origins: string[] } & SiteSettingsChange)
  | { kind: 'site-list' }
  | { kind: 'site-show'; id: string }
  /** `origins` replaces the site's; then `addOrigins` are added and `removeOrigins` removed. All normalized. */
  | ({ kind: 'site-update'; id: string; name?: string; origins?: string[]; addOrigins: string[]; removeOrigins: string[] } & SiteSettingsChange)
  | { kind: 'site-remove'; id: string }
  /** `out` null: standard output. */
  | { kind: 'comments-export'; site: string; out: string | null }
  | { kind: 'comments-import'; site: string; file: string }
  | { kind: 'comments-import-disqus'; site: string; file: string; pageFrom: DisqusPageFrom };

/** The readers' settings a site command may change (decision 0021); absent or empty: unchanged. */
export interface SiteSettingsChange {
  /** Replaces the site's list (empty: none). */
  reservedNames?: string[];
  editWindowMinutes?: number;
  /** Pages to close (no new comments) and to open again. */
  closePages: string[];
  openPages: string[];
}

export { EDIT_WINDOW_MAX_MINUTES };

/**
 * How a Disqus thread becomes a page id: `url`, its link's origin and path (the default: what the
 * widget uses when a page gives no page id, its canonical URL); `path`, the path alone (`/2024/05/nikel`),
 * for pages that name their thread by it;
 * `identifier`, the thread's disqus_identifier (its <id>), for sites that set one.
 */
export type DisqusPageFrom = 'path' | 'url' | 'identifier';
const DISQUS_PAGE_FROM: readonly DisqusPageFrom[] = ['path', 'url', 'identifier'];

export type ParsedAdminArgs = { ok: true; command: AdminCommand } | { ok: false; message: string };

export const ADMIN_USAGE = `Usage: npm run admin -- <command>

  moderator add --email <e> --site <id> [--site <id> …] [--name <name>] [--generate-password]
  moderator add --email <e> --admin [--name <name>] [--generate-password]
      Adds a moderator of the given sites, or an admin of every site. The password is asked
      for on a terminal, read from standard input otherwise, or generated and printed once.
      --name: what their comments go out under (else their email's local part); readers may not take it.
  moderator update --email <e> --name <name>   (--name "" goes back to the email's local part)
  moderator list
  moderator remove --email <e>            removes the account and signs it out everywhere
  moderator passwd --email <e> [--generate-password]
      Sets a new password and signs the account out everywhere.

  site add --name <name> --origin <https://…> [--origin <…> …] [--id <id>] [reader settings]
      Registers a site and prints its id, its SSO secret and the snippet to paste. The id is
      made from the name when not given (lower-case letters, digits and dashes).
  site list
  site show --id <id>                     its origins, settings, SSO secret and snippet
  site update --id <id> [--name <name>] [--origin <…> … (replaces them)] [--add-origin <…>] [--remove-origin <…>]
              [reader settings]
      Reader settings: --reserved-names "Redaksi,Admin" (names anonymous readers may not take,
      besides the moderators'; "" for none), --edit-window <minutes> (how long a comment stays
      editable; 0: never; default ${LIMITS.editWindowMinutesDefault}), --close-page <page id> / --open-page <page id>
      (a closed thread takes no new comments; each may be given several times).
  site remove --id <id>                   pages embedding it are refused; its comments stay

  comments export --site <id> [--out <file.jsonl>]
      Writes every comment of the site, every status, as JSON lines (standard output by default).
  comments import --site <id> <file.jsonl>
      Imports an export: each line checked first, comments already there left as they are;
      prints what was imported and each line skipped, and why.
  comments import-disqus --site <id> <export.xml> [--page-from url|path|identifier]
      Imports a Disqus XML export: threads, authors, dates and replies; deleted and spam
      posts are skipped and listed. A thread's page id is its link (origin and path) by default,
      as the widget names a thread by its canonical URL.

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
        'reserved-names': { type: 'string' },
        'edit-window': { type: 'string' },
        'close-page': { type: 'string', multiple: true },
        'open-page': { type: 'string', multiple: true },
        out: { type: 'string' },
        'page-from': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usage(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return usage(null);
  const [noun, verb, ...extra] = positionals;
  if (noun !== 'moderator' && noun !== 'site' && noun !== 'comments') return usage(noun === undefined ? null : `Unknown command "${noun}".`);
  if (noun === 'comments') return parseCommentsCommand(verb, extra, values);
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
      const name = moderatorName(values.name);
      if (name === false) return usage(`--name must be at most ${LIMITS.nameMax} characters.`);
      return {
        ok: true,
        command: { kind: 'moderator-add', email: e, role: values.admin ? 'admin' : 'moderator', sites, generatePassword, ...(name ? { name } : {}) },
      };
    }
    case 'update': {
      const e = needEmail();
      if (typeof e !== 'string') return e;
      if (values.name === undefined) return usage('"moderator update" needs --name (the name their comments go out under).');
      const name = moderatorName(values.name);
      if (name === false) return usage(`--name must be at most ${LIMITS.nameMax} characters.`);
      return { ok: true, command: { kind: 'moderator-update', email: e, name: name ?? null } };
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
      return usage('"moderator" needs a command: add, update, list, remove or passwd.');
    default:
      return usage(`Unknown command "moderator ${verb}".`);
  }
}

const MODERATOR_OPTIONS = new Set(['email', 'site', 'admin', 'generate-password', 'name']);

/** A moderator's display name, spaces collapsed: undefined when not given or empty, false when too long. */
function moderatorName(raw: string | undefined): string | undefined | false {
  const name = raw?.replace(/\s+/g, ' ').trim();
  if (!name) return undefined;
  return name.length <= LIMITS.nameMax ? name : false;
}
const COMMENTS_OPTIONS = new Set(['site', 'out', 'page-from']);

function parseCommentsCommand(verb: string | undefined, files: string[], values: Record<string, unknown>): ParsedAdminArgs {
  const foreign = Object.keys(values).find((option) => !COMMENTS_OPTIONS.has(option));
  if (foreign !== undefined) return usage(`"comments" commands take no --${foreign}.`);
  if (verb !== 'export' && verb !== 'import' && verb !== 'import-disqus') {
    return usage(verb === undefined ? '"comments" needs a command: export, import or import-disqus.' : `Unknown command "comments ${verb}".`);
  }
  const sites = Array.isArray(values['site']) ? values['site'].filter((s): s is string => typeof s === 'string') : [];
  const [site, ...more] = sites;
  if (site === undefined) return usage(`"comments ${verb}" needs --site <id>.`);
  if (more.length > 0) return usage(`"comments ${verb}" works on one site: give --site once.`);
  if (!SITE_ID_PATTERN.test(site)) return usage(`"${site}" is not a site id (lower-case letters, digits and dashes).`);
  const out = typeof values['out'] === 'string' ? values['out'] : undefined;
  const pageFrom = typeof values['page-from'] === 'string' ? values['page-from'] : undefined;
  if (verb !== 'export' && out !== undefined) return usage(`"comments ${verb}" takes no --out.`);
  if (verb !== 'import-disqus' && pageFrom !== undefined) return usage(`"comments ${verb}" takes no --page-from.`);
  if (verb === 'export') {
    if (files.length > 0) return usage(`"comments export" takes no file: write to one with --out <file>.`);
    return { ok: true, command: { kind: 'comments-export', site, out: out ?? null } };
  }
  const [file, ...rest] = files;
  if (file === undefined) return usage(`"comments ${verb}" needs the file to import.`);
  if (rest.length > 0) return usage(`Unexpected argument "${rest[0]}".`);
  if (verb === 'import') return { ok: true, command: { kind: 'comments-import', site, file } };
  // The link's origin and path: what the widget names a thread by default (its canonical URL).
  const from = (pageFrom ?? 'url') as DisqusPageFrom;
  if (!DISQUS_PAGE_FROM.includes(from)) return usage(`--page-from is url, path or identifier, not "${pageFrom}".`);
  return { ok: true, command: { kind: 'comments-import-disqus', site, file, pageFrom: from } };
}
const SITE_OPTIONS = new Set(['id', 'name', 'origin', 'add-origin', 'remove-origin', 'reserved-names', 'edit-window', 'close-page', 'open-page']);

interface SiteOptions {
  id?: string | undefined;
  name?: string | undefined;
  origin?: string[] | undefined;
  'add-origin'?: string[] | undefined;
  'remove-origin'?: string[] | undefined;
  'reserved-names'?: string | undefined;
  'edit-window'?: string | undefined;
  'close-page'?: string[] | undefined;
  'open-page'?: string[] | undefined;
}

/** The reader settings a site command gives, each problem named in `problems`. */
function siteSettingsChange(values: SiteOptions, problems: string[]): SiteSettingsChange {
  const change: SiteSettingsChange = { closePages: [], openPages: [] };
  const raw = values['reserved-names'];
  if (raw !== undefined) {
    const names = [...new Set(raw.split(',').map((n) => n.replace(/\s+/g, ' ').trim()))].filter((n) => n !== '');
    const long = names.find((n) => n.length > LIMITS.nameMax);
    if (long !== undefined) problems.push(`The reserved name "${long.slice(0, 20)}…" is over ${LIMITS.nameMax} characters.`);
    if (names.length > LIMITS.reservedNamesMax) problems.push(`At most ${LIMITS.reservedNamesMax} reserved names (${names.length} given).`);
    change.reservedNames = names;
  }
  const window = values['edit-window'];
  if (window !== undefined) {
    const minutes = /^\d{1,6}$/.test(window.trim()) ? Number(window.trim()) : Number.NaN;
    if (!(minutes <= EDIT_WINDOW_MAX_MINUTES))
      problems.push(`--edit-window must be a whole number of minutes, 0 to ${EDIT_WINDOW_MAX_MINUTES} (0: never).`);
    else change.editWindowMinutes = minutes;
  }
  const pages = (list: string[] | undefined) =>
    [...new Set((list ?? []).map((p) => p.trim()))].filter((page) => {
      if (PAGE_ID_PATTERN.test(page)) return true;
      problems.push(`"${page}" is not a page id (1 to 200 URL characters, no spaces).`);
      return false;
    });
  change.closePages = pages(values['close-page']);
  change.openPages = pages(values['open-page']);
  const both = change.closePages.find((p) => change.openPages.includes(p));
  if (both !== undefined) problems.push(`"${both}" cannot be closed and opened at once.`);
  return change;
}

function changesSettings(change: SiteSettingsChange): boolean {
  return change.reservedNames !== undefined || change.editWindowMinutes !== undefined || change.closePages.length + change.openPages.length > 0;
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
  const settings = siteSettingsChange(values, problems);
  switch (verb) {
    case 'add': {
      const list = origins(values.origin);
      if (values['add-origin'] || values['remove-origin']) problems.push('"site add" takes --origin (one per origin).');
      if (name === undefined) problems.push('"site add" needs --name.');
      else if (list.length === 0 && problems.length === 0)
        problems.push('Give the page origins the site is embedded on: --origin https://www.example.com');
      const id = givenId ?? (name === undefined ? null : siteIdFromName(name));
      if (id === null && name !== undefined && givenId === undefined) problems.push(`No site id can be made from "${name}": give one with --id.`);
      if (settings.openPages.length > 0) problems.push('"site add" takes --close-page (a new site has no closed page to open).');
      return done({ kind: 'site-add', id: id ?? '', name: name ?? '', origins: [...new Set(list)], ...settings });
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
      const nothing =
        name === undefined && replace === undefined && addOrigins.length === 0 && removeOrigins.length === 0 && !changesSettings(settings);
      if (nothing && problems.length === 0) {
        problems.push(
          '"site update" needs something to change: --name, --origin, --add-origin, --remove-origin, --reserved-names, --edit-window, --close-page or --open-page.',
        );
      }
      return done({
        kind: 'site-update',
        id: id ?? '',
        ...(name === undefined ? {} : { name }),
        ...(replace === undefined ? {} : { origins: replace }),
        addOrigins,
        removeOrigins,
        ...settings,
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
