/**
 * `npx tsx bench/moderation-holdout.ts`: the engine's per-category figures on the tuning corpus
 * (in-sample, bench/moderation-corpus.jsonl); with `--holdout FILE` (a frozen held-out set in
 * bench/, e.g. moderation-holdout-3.jsonl) also on that set, side by side: the share held (or
 * rejected) per category, which is recall for `flag` categories and the false-positive rate for
 * `clean` ones, then the issue-10 targets. Without the flag no held-out file is opened at all, so
 * tuning runs cannot see one, not even in aggregate.
 *
 * `--policy JSON` judges with a site's policy (e.g. `{"learned":{"enabled":true}}`) instead of the defaults.
 *
 * The held-out set is only ever reported in aggregate: this script never prints one of its lines.
 * `--misses` lists the tuning corpus's wrong verdicts (with the reason), for tuning; it refuses to do
 * so for the held-out set on purpose.
 */
import { readFileSync } from 'node:fs';
import { createModerator, defaultPolicy, parsePolicy, type ModerationInput, type Verdict } from '../moderation/index.ts';

interface Line {
  readonly text: string;
  readonly lang: string;
  readonly category: string;
  readonly label: 'flag' | 'clean';
}

function load(name: string): Line[] {
  return readFileSync(new URL(name, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);
}

const context: ModerationInput['context'] = {
  now: 1_700_000_000_000,
  author: { id: 'bench', approvedCount: 10, rejectedCount: 0, recentPosts: [], trusted: false, bannedUntil: null },
  thread: { preModerated: false, closed: false },
};
// `--policy '{"learned":{"enabled":true}}'`: a site's policy instead of the defaults (the same JSON a
// sites file holds under `moderation`), so a setting that is off by default can be measured too.
const policyArg = process.argv.indexOf('--policy');
const parsed = policyArg === -1 ? null : parsePolicy(JSON.parse(process.argv[policyArg + 1] ?? '{}'));
if (parsed !== null && !parsed.ok) {
  console.error(`--policy: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  process.exit(2);
}
const moderate = createModerator(parsed?.ok === true ? parsed.policy : defaultPolicy);
const judge = (l: Line): Verdict => moderate({ text: l.text, authorName: 'Pembaca', context });
const held = (v: Verdict): boolean => v.action !== 'publish';

interface Tally {
  readonly label: 'flag' | 'clean';
  n: number;
  held: number;
}

function tally(lines: readonly Line[]): Map<string, Tally> {
  const t = new Map<string, Tally>();
  for (const l of lines) {
    const row = t.get(l.category) ?? { label: l.label, n: 0, held: 0 };
    row.n++;
    if (held(judge(l))) row.held++;
    t.set(l.category, row);
  }
  return t;
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
const cell = (r: Tally | undefined): string => (r === undefined ? '' : `${r.held}/${r.n} ${pct(r.held, r.n)}`);

const tuning = load('./moderation-corpus.jsonl');

if (process.argv.includes('--misses')) {
  for (const l of tuning) {
    const v = judge(l);
    if (held(v) === (l.label === 'flag')) continue;
    const why = v.reasons.map((r) => `${r.rule}: ${r.message.en}`).join(' | ');
    console.log(`${l.category}\t${l.label}\t${JSON.stringify(l.text)}${why === '' ? '' : `\t${why}`}`);
  }
  process.exit(0);
}

// `--holdout moderation-holdout-3.jsonl`: a frozen set, measured once by whoever runs the final
// figures, never tuned on. Loaded only here, after `--misses` has had its chance to exit.
const holdoutArg = process.argv.indexOf('--holdout');
const holdout = holdoutArg === -1 ? [] : load(`./${process.argv[holdoutArg + 1] ?? ''}`);
const a = tally(tuning);
const b = tally(holdout);
const categories = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => {
  const lx = (a.get(x) ?? b.get(x))?.label ?? 'clean';
  const ly = (a.get(y) ?? b.get(y))?.label ?? 'clean';
  return lx === ly ? x.localeCompare(y) : lx === 'flag' ? -1 : 1;
});

console.log('Held (or rejected) per category: recall for flag categories, false positives for clean ones.\n');
console.log(`| category | label | in-sample (tuning corpus) | held-out |`);
console.log(`|---|---|---|---|`);
for (const c of categories) {
  const label = (a.get(c) ?? b.get(c))?.label ?? 'clean';
  console.log(`| ${c} | ${label} | ${cell(a.get(c))} | ${cell(b.get(c))} |`);
}

const sum = (t: Map<string, Tally>, pred: (c: string, r: Tally) => boolean): Tally => {
  const out: Tally = { label: 'flag', n: 0, held: 0 };
  for (const [c, r] of t) {
    if (!pred(c, r)) continue;
    out.n += r.n;
    out.held += r.held;
  }
  return out;
};
const flags = (t: Map<string, Tally>): Tally => sum(t, (_c, r) => r.label === 'flag');
const ordinary = (t: Map<string, Tally>): Tally => sum(t, (c) => c === 'ordinary');
const traps = (t: Map<string, Tally>): Tally => sum(t, (c) => c.startsWith('trap'));
const literal = (t: Map<string, Tally>): Tally => sum(t, (c) => c === 'literal-animal' || c === 'literal-sense');
const spam = (t: Map<string, Tally>): Tally => sum(t, (c) => c === 'spam');

console.log(`\n| summary | in-sample | held-out | ${holdoutArg === -1 ? 'in-sample' : 'held-out'} target |`);
console.log('|---|---|---|---|');
const rows: readonly [string, (t: Map<string, Tally>) => Tally, string, (r: Tally) => boolean][] = [
  ['recall, all flag categories', flags, '≥ 97%', (r) => r.held >= 0.97 * r.n],
  ['ordinary held', ordinary, '0', (r) => r.held === 0],
  ['traps held', traps, '≤ 3%', (r) => r.held <= 0.03 * r.n],
  ['literal animals held', literal, '≤ 10%', (r) => r.held <= 0.1 * r.n],
  ['spam held', spam, 'all', (r) => r.held === r.n],
];
for (const [name, f, target, ok] of rows) {
  // Without a held-out set the targets are read on the tuning corpus, and say so in the header.
  const h = holdoutArg === -1 ? f(a) : f(b);
  console.log(`| ${name} | ${cell(f(a))} | ${cell(f(b))} | ${target} ${ok(h) ? 'met' : 'MISSED'} |`);
}
