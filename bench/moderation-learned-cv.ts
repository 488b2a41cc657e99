/**
 * `npx tsx bench/moderation-learned-cv.ts`: does the learned rule (moderation/learned/) add recall
 * without holding clean lines? Five folds over the tuning corpus (stratified by category, seeded):
 * each fold's model is trained on the other four and scores only its own fold, so every line is
 * scored by a model that never saw it. The rules are run as they are (they were tuned on the whole
 * corpus, so "rules alone" is in-sample: the learned rule can only add what the rules still miss).
 * Prints a threshold sweep, the per-category table at the chosen threshold (`--threshold T`,
 * default the policy's), and the same for the round-4f batch with a model trained without it.
 * `--first-reading DIR` (DIR a checkout of c2ad7b5, the engine before round 4, with node_modules)
 * adds the out-of-sample reading: that engine's rules on the 3,500 round-4 tuning lines, alone and
 * with a model trained on the corpus without them (the 1,414 lines that engine was tuned on), so
 * neither part has seen the lines it judges. Never opens a held-out file.
 */
import { readFileSync } from 'node:fs';
import { createModerator, defaultPolicy, parsePolicy, type ModerationInput } from '../moderation/index.ts';
import type * as Engine from '../moderation/index.ts';
import { packModel } from '../moderation/learned/codec.ts';
import { modelOf, type Model } from '../moderation/learned/model.ts';
import { holdProbability } from '../moderation/learned/score.ts';
import { defaultTraining, seededRandom, trainModel, type TrainingOptions } from '../moderation/learned/train.ts';
import { normalize } from '../moderation/normalize/normalize.ts';
import { tokenize } from '../moderation/words/tokenize.ts';

interface Line {
  readonly text: string;
  readonly lang: string;
  readonly category: string;
  readonly label: 'flag' | 'clean';
}

const load = (name: string): Line[] =>
  readFileSync(new URL(name, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};

const FOLDS = 5;
const SEED = 20261201;
const options: TrainingOptions = {
  ...defaultTraining,
  ...(arg('--epochs') === undefined ? {} : { epochs: Number(arg('--epochs')) }),
  ...(arg('--rate') === undefined ? {} : { rate: Number(arg('--rate')) }),
  ...(arg('--l2') === undefined ? {} : { l2: Number(arg('--l2')) }),
  ...(arg('--floor') === undefined ? {} : { floor: Number(arg('--floor')) }),
  ...(arg('--clean-weight') === undefined ? {} : { cleanWeight: Number(arg('--clean-weight')) }),
};

const corpus = load('./moderation-corpus.jsonl');
const round4f = load('./moderation-corpus-round4f.jsonl');

// The rules alone: the default policy with the learned rule off.
const rulesOnly = parsePolicy({ ...defaultPolicy, learned: { ...defaultPolicy.learned, enabled: false } });
if (!rulesOnly.ok) throw new Error('policy');
const moderate = createModerator(rulesOnly.policy);
const context: ModerationInput['context'] = {
  now: 1_700_000_000_000,
  author: { id: 'bench', approvedCount: 10, rejectedCount: 0, recentPosts: [], trusted: false, bannedUntil: null },
  thread: { preModerated: false, closed: false },
};
const rulesHold = (text: string): boolean => moderate({ text, authorName: 'Pembaca', context }).action !== 'publish';

/** Trains on lines and returns the model as the rule would load it (packed, so quantized). */
function modelFrom(lines: readonly Line[]): Model {
  const t = trainModel(
    lines.map((l) => ({ text: l.text, flag: l.label === 'flag' })),
    options,
  );
  return modelOf(packModel(t.bias, t.buckets, t.weights));
}

const probability = (m: Model, text: string): number => {
  const n = normalize(text).text;
  return holdProbability(m, tokenize(n));
};

/** Fold of each line: within each category, a seeded shuffle dealt round-robin. */
function foldsOf(lines: readonly Line[]): number[] {
  const random = seededRandom(SEED);
  const fold = new Array<number>(lines.length).fill(0);
  const byCategory = new Map<string, number[]>();
  lines.forEach((l, i) => byCategory.set(l.category, [...(byCategory.get(l.category) ?? []), i]));
  for (const c of [...byCategory.keys()].sort()) {
    const idx = byCategory.get(c) ?? [];
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    idx.forEach((line, k) => (fold[line] = k % FOLDS));
  }
  return fold;
}

interface Scored {
  readonly line: Line;
  readonly rules: boolean;
  readonly p: number;
}

const started = Date.now();
const fold = foldsOf(corpus);
const cv: Scored[] = new Array<Scored>(corpus.length);
for (let f = 0; f < FOLDS; f++) {
  const model = modelFrom(corpus.filter((_l, i) => fold[i] !== f));
  corpus.forEach((line, i) => {
    if (fold[i] === f) cv[i] = { line, rules: rulesHold(line.text), p: probability(model, line.text) };
  });
}
const without4f = new Set(round4f.map((l) => l.text));
const model4f = modelFrom(corpus.filter((l) => !without4f.has(l.text)));
const r4f: Scored[] = round4f.map((line) => ({ line, rules: rulesHold(line.text), p: probability(model4f, line.text) }));
console.log(`trained ${FOLDS + 1} models in ${((Date.now() - started) / 1000).toFixed(1)} s; options ${JSON.stringify(options)}\n`);

interface Summary {
  recall: [number, number];
  ordinary: [number, number];
  traps: [number, number];
  animals: [number, number];
  spam: [number, number];
}

function summary(rows: readonly Scored[], held: (s: Scored) => boolean): Summary {
  const count = (pick: (l: Line) => boolean): [number, number] => {
    const r = rows.filter((s) => pick(s.line));
    return [r.filter(held).length, r.length];
  };
  return {
    recall: count((l) => l.label === 'flag'),
    ordinary: count((l) => l.category === 'ordinary'),
    traps: count((l) => l.category.startsWith('trap')),
    animals: count((l) => l.category === 'literal-animal' || l.category === 'literal-sense'),
    spam: count((l) => l.category === 'spam'),
  };
}

const pct = ([a, b]: [number, number]): string => (b === 0 ? '-' : `${a}/${b} ${((100 * a) / b).toFixed(1)}%`);
const rules = (s: Scored): boolean => s.rules;
const withLearned =
  (t: number) =>
  (s: Scored): boolean =>
    s.rules || s.p >= t;

function sweep(title: string, rows: readonly Scored[]): void {
  console.log(`### ${title}: threshold sweep (rules + learned)\n`);
  console.log('| threshold | recall | ordinary held | traps held | animals held | learned alone: recall / clean held |');
  console.log('|---|---|---|---|---|---|');
  const base = summary(rows, rules);
  console.log(`| rules alone | ${pct(base.recall)} | ${pct(base.ordinary)} | ${pct(base.traps)} | ${pct(base.animals)} | |`);
  for (const t of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99]) {
    const s = summary(rows, withLearned(t));
    const alone = summary(rows, (x) => x.p >= t);
    const cleanAlone = rows.filter((x) => x.line.label === 'clean');
    const cleanHeld = cleanAlone.filter((x) => x.p >= t).length;
    console.log(
      `| ${t} | ${pct(s.recall)} | ${pct(s.ordinary)} | ${pct(s.traps)} | ${pct(s.animals)} | ${pct(alone.recall)} / ${pct([cleanHeld, cleanAlone.length])} |`,
    );
  }
  console.log('');
}

function table(title: string, rows: readonly Scored[], t: number): void {
  console.log(`### ${title}: per category at threshold ${t}\n`);
  console.log('| category | label | rules alone | rules + learned | added by learned |');
  console.log('|---|---|---|---|---|');
  const categories = [...new Set(rows.map((s) => s.line.category))].sort((x, y) => {
    const lx = rows.find((s) => s.line.category === x)?.line.label;
    const ly = rows.find((s) => s.line.category === y)?.line.label;
    return lx === ly ? x.localeCompare(y) : lx === 'flag' ? -1 : 1;
  });
  for (const c of categories) {
    const r = rows.filter((s) => s.line.category === c);
    const a = r.filter(rules).length;
    const b = r.filter(withLearned(t)).length;
    console.log(`| ${c} | ${r[0]?.line.label ?? ''} | ${pct([a, r.length])} | ${pct([b, r.length])} | ${b - a === 0 ? '' : `+${b - a}`} |`);
  }
  const a = summary(rows, rules);
  const b = summary(rows, withLearned(t));
  for (const [name, key] of [
    ['recall, all flag classes', 'recall'],
    ['ordinary held', 'ordinary'],
    ['traps held', 'traps'],
    ['literal animals held', 'animals'],
    ['spam held', 'spam'],
  ] as const) {
    console.log(`| **${name}** | | ${pct(a[key])} | ${pct(b[key])} | ${b[key][0] - a[key][0] === 0 ? '' : `+${b[key][0] - a[key][0]}`} |`);
  }
  console.log('');
}

/**
 * The lowest threshold (in steps of 0.1 in log-odds, shown to three places) at which, in CV, the
 * learned rule holds no ordinary comment, at most 3 more traps (0.3 points) and at most 1 more
 * literal animal line.
 */
function pick(rows: readonly Scored[]): number {
  const base = summary(rows, rules);
  for (let k = 0; k <= 100; k++) {
    const t = Number((1 / (1 + Math.exp(-k / 10))).toFixed(4));
    const s = summary(rows, withLearned(t));
    if (s.ordinary[0] === 0 && s.traps[0] - base.traps[0] <= 3 && s.animals[0] - base.animals[0] <= 1) return t;
  }
  return 1;
}
const picked = pick(cv);
const base = summary(cv, rules);
const at = summary(cv, withLearned(picked));
console.log(
  `picked threshold ${picked}: recall ${pct(base.recall)} → ${pct(at.recall)} (+${at.recall[0] - base.recall[0]}), traps +${at.traps[0] - base.traps[0]}, animals +${at.animals[0] - base.animals[0]}\n`,
);
if (process.argv.includes('--pick')) process.exit(0);
const threshold = Number(arg('--threshold') ?? picked);
sweep('5-fold CV on the tuning corpus', cv);
sweep('round 4f, trained without it', r4f);
table('5-fold CV on the tuning corpus', cv, threshold);
table('round 4f, trained without it', r4f, threshold);

const firstDir = arg('--first-reading');
if (firstDir !== undefined) {
  const old = (await import(`${firstDir}/moderation/index.ts`)) as typeof Engine;
  const oldModerate = old.createModerator(old.defaultPolicy);
  const oldHold = (text: string): boolean => oldModerate({ text, authorName: 'Pembaca', context }).action !== 'publish';
  const batches = ['round4-id', 'round4-en', 'round4b-id', 'round4b-en', 'round4c', 'round4d', 'round4e', 'round4f'];
  const round4 = batches.flatMap((b) => load(`./moderation-corpus-${b}.jsonl`));
  const seen = new Set(round4.map((l) => l.text));
  const model = modelFrom(corpus.filter((l) => !seen.has(l.text)));
  const rows: Scored[] = round4.map((line) => ({ line, rules: oldHold(line.text), p: probability(model, line.text) }));
  sweep('round 4 as first read (c2ad7b5 rules; model trained without round 4)', rows);
  table('round 4 as first read (c2ad7b5 rules; model trained without round 4)', rows, threshold);
}

if (process.argv.includes('--lines')) {
  // Tuning lines only (the corpus and round 4f): what the learned rule added or would add, for reading.
  for (const s of [...cv, ...r4f]) {
    if (!s.rules && s.p >= threshold) console.log(`added\t${s.line.category}\t${s.p.toFixed(3)}\t${JSON.stringify(s.line.text)}`);
  }
  for (const s of cv)
    if (!s.rules && s.line.label === 'flag' && s.p < threshold)
      console.log(`missed\t${s.line.category}\t${s.p.toFixed(3)}\t${JSON.stringify(s.line.text)}`);
}
