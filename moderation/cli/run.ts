import { defaultPolicy, parsePolicy, type Policy } from '../policy.ts';
import { baseContext } from './author-history.ts';
import { checkLines, diffLines } from './check.ts';
import type { CheckOptions, PolicySource } from './options.ts';
import { looksLikeSitesFile, siteModerationOf, type SiteModeration } from './sites-file.ts';

/** Reads a file's text, or says why it cannot (main.ts gives the real file system). */
export type ReadText = (path: string) => { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** What a run prints and how it ends: 0 done, 1 some input line was bad, 2 the policy or a file was. */
export interface RunResult {
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
  readonly code: 0 | 1 | 2;
}

type Loaded = { readonly ok: true; readonly site: SiteModeration } | { readonly ok: false; readonly errors: readonly string[] };

function readJson(path: string, readText: ReadText): { ok: true; json: unknown } | { ok: false; errors: string[] } {
  const file = readText(path);
  if (!file.ok) return { ok: false, errors: [`${path}: cannot read: ${file.message}`] };
  try {
    return { ok: true, json: JSON.parse(file.text) };
  } catch (e) {
    return { ok: false, errors: [`${path}: not JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

/** A policy file, or a sites file when `site` names the site to take (a sites file without it is an error). */
function loadFile(path: string, site: string | undefined, readText: ReadText): Loaded {
  const read = readJson(path, readText);
  if (!read.ok) return read;
  if (looksLikeSitesFile(read.json)) {
    if (site === undefined) return { ok: false, errors: [`${path}: is a sites file; name the site with --sites-file ${path} --site ID`] };
    const r = siteModerationOf(read.json, site);
    return r.ok ? r : { ok: false, errors: r.errors.map((e) => `${path}: ${e}`) };
  }
  const policy = parsePolicy(read.json);
  if (!policy.ok) return { ok: false, errors: policy.errors.map((e) => `${path}: ${e.path}: ${e.message}`) };
  return { ok: true, site: { policy: policy.policy, preModerated: false } };
}

function loadSource(source: PolicySource, readText: ReadText): Loaded {
  if (source.kind === 'default') return { ok: true, site: { policy: defaultPolicy, preModerated: false } };
  if (source.kind === 'file') return loadFile(source.path, undefined, readText);
  return loadFile(source.sitesFile, source.site, readText);
}

/**
 * Runs `check` on the input lines: loads the policy (and the one to diff against), then prints a
 * verdict per line, or only the changed verdicts. Each line is checked as the simulated author
 * (`--author`) on a thread pre-moderated when the site is.
 */
export function runCheck(options: CheckOptions, lines: readonly string[], readText: ReadText): RunResult {
  const site = options.policy.kind === 'site' ? options.policy.site : undefined;
  const main = loadSource(options.policy, readText);
  const other: Loaded | undefined = options.diff === undefined ? undefined : loadFile(options.diff, site, readText);
  const errors = [...(main.ok ? [] : main.errors), ...(other === undefined || other.ok ? [] : other.errors)];
  if (!main.ok || (other !== undefined && !other.ok)) return { stdout: [], stderr: errors, code: 2 };
  const base = baseContext(options.author, { preModerated: main.site.preModerated, closed: false });
  if (other !== undefined) {
    const after: Policy = other.site.policy;
    return { stdout: diffLines(lines, main.site.policy, after, base), stderr: [], code: 0 };
  }
  const { out, failed } = checkLines(lines, main.site.policy, options.json, base);
  return { stdout: out, stderr: [], code: failed ? 1 : 0 };
}
