import { authorKinds, isAuthorKind, type AuthorKind } from './author-history.ts';

/** The command line, with every default written out. */
export const usage = [
  'usage: npm run moderation -- check [policy] [--diff other.json] [--author new|established] [--json] < comments.jsonl',
  '  policy, one of:',
  '    (none)                          the default policy',
  '    --policy p.json                 a policy document (moderation/README.md, "Policy keys")',
  '    --sites-file F --site ID        the `moderation` of site ID in a SITES_FILE, with its preModerated',
  '  --diff other.json                 print only the verdicts that change under this policy (a policy',
  '                                    document, or a sites file: then the same --site is taken from it)',
  '  --author new|established          whose comments these are (default: established)',
  '                                    new: nothing approved yet and no history, so newAuthor.holdFirst holds',
  '                                    established: 10 approved comments, no recent posts',
  '  --json                            one JSON verdict per line',
  '  input lines: a JSON string, or { "text", "authorName"?, "context"? }; a line\'s context',
  '  ({ now, author: {...}, thread: { preModerated, closed } }) overrides the simulated one field by field',
].join('\n');

/** Where the policy comes from. */
export type PolicySource =
  | { readonly kind: 'default' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'site'; readonly sitesFile: string; readonly site: string };

/** What `check` was asked to do. */
export interface CheckOptions {
  readonly policy: PolicySource;
  readonly diff: string | undefined;
  readonly author: AuthorKind;
  readonly json: boolean;
}

/** The flag values node:util parseArgs returns for {@link cliFlags}. */
export interface FlagValues {
  readonly policy?: string | undefined;
  readonly 'sites-file'?: string | undefined;
  readonly site?: string | undefined;
  readonly diff?: string | undefined;
  readonly author?: string | undefined;
  readonly json?: boolean | undefined;
  readonly help?: boolean | undefined;
}

/** The flags, in parseArgs' format; strict parsing rejects any other. */
export const cliFlags = {
  policy: { type: 'string' },
  'sites-file': { type: 'string' },
  site: { type: 'string' },
  diff: { type: 'string' },
  author: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The flag closest to a mistyped one (at most two edits away), to suggest it. */
export function closestFlag(typed: string): string | undefined {
  const name = typed.replace(/^-+/, '').split('=')[0] ?? '';
  let best: { flag: string; distance: number } | undefined;
  for (const flag of Object.keys(cliFlags)) {
    const distance = editDistance(name, flag);
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { flag, distance };
  }
  return best === undefined ? undefined : `--${best.flag}`;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * One line for a parseArgs error: its first sentence (the rest explains `--` for positionals),
 * with the flag the user probably meant when the flag is unknown.
 */
export function parseErrorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s/)[0] ?? message;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const typed = /'(-[^']*)'/.exec(first)?.[1];
  const suggestion = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && typed !== undefined ? closestFlag(typed) : undefined;
  return suggestion === undefined ? first : `${first} (did you mean ${suggestion}?)`;
}

/** The parsed command: run a check, print the usage (asked for), or a usage error. */
export type Command =
  { readonly kind: 'check'; readonly options: CheckOptions } | { readonly kind: 'help' } | { readonly kind: 'error'; readonly message: string };

/** Turns parsed flags and positionals into a command, rejecting combinations that mean nothing. */
export function commandOf(positionals: readonly string[], values: FlagValues): Command {
  if (values.help === true) return { kind: 'help' };
  const [command, ...extra] = positionals;
  if (command === undefined) return { kind: 'error', message: 'no command given (the only command is "check")' };
  if (command !== 'check') return { kind: 'error', message: `unknown command "${command}" (the only command is "check")` };
  if (extra.length > 0) return { kind: 'error', message: `unexpected argument "${extra.join(' ')}" (comments are read from stdin)` };
  const author = values.author ?? 'established';
  if (!isAuthorKind(author)) return { kind: 'error', message: `--author must be ${authorKinds.join(' or ')}, not "${author}"` };
  const sitesFile = values['sites-file'];
  if (values.policy !== undefined && (sitesFile !== undefined || values.site !== undefined)) {
    return { kind: 'error', message: '--policy cannot be combined with --sites-file/--site: give one policy' };
  }
  if ((sitesFile === undefined) !== (values.site === undefined)) {
    return { kind: 'error', message: sitesFile === undefined ? '--site needs --sites-file' : '--sites-file needs --site ID' };
  }
  const policy: PolicySource =
    sitesFile !== undefined && values.site !== undefined
      ? { kind: 'site', sitesFile, site: values.site }
      : values.policy !== undefined
        ? { kind: 'file', path: values.policy }
        : { kind: 'default' };
  return { kind: 'check', options: { policy, diff: values.diff, author, json: values.json === true } };
}
