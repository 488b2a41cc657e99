/**
 * `npm run bench:moderation`: runs Rembuk's engine, obscenity, allprofanity, glin-profanity and
 * bad-words side by side on the labelled tuning corpus, then times them on the same comments in one
 * process, and prints one table. It prints figures; it is not a test. With
 * `-- --holdout moderation-holdout-3.jsonl` it also measures and times a frozen held-out set, printing
 * aggregate figures only, never its lines; without it no held-out file is opened, so a tuning run
 * cannot see one.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fmtInt, log, table } from './bench-format.ts';
import { buildEngines, type Engine } from './moderation-engines.ts';

interface Line {
  readonly text: string;
  readonly lang: string;
  readonly category: string;
  readonly label: 'flag' | 'clean';
}

const load = (file: string): Line[] =>
  readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);

const tuning = load('./moderation-corpus.jsonl');
const holdoutArg = process.argv.indexOf('--holdout');
const holdout = holdoutArg === -1 ? [] : load(`./${process.argv[holdoutArg + 1] ?? ''}`);
const withHoldout = holdout.length > 0;
const engines = buildEngines();

/** Whether each engine flags each line of a set, computed once. */
const verdicts = (lines: readonly Line[]) => new Map(engines.map((e) => [e.name, lines.map((l) => e.flags(l.text))]));
const tuningFlags = verdicts(tuning);
const holdoutFlags = verdicts(holdout);

/** Share of the lines `pick` selects that engine `name` flagged (`want` true) or let through (false). */
function share(lines: readonly Line[], flags: Map<string, boolean[]>, name: string, pick: (l: Line) => boolean, want = true) {
  const f = flags.get(name) ?? [];
  const idx = lines.flatMap((l, i) => (pick(l) ? [i] : []));
  return { hit: idx.filter((i) => f[i] === want).length, n: idx.length };
}
const percent = ({ hit, n }: { hit: number; n: number }) => (n === 0 ? '—' : `${((100 * hit) / n).toFixed(1)}%`);
const count = ({ hit, n }: { hit: number; n: number }) => `${hit}/${n}`;

type Row = { readonly label: string; readonly n: string; readonly cell: (e: Engine) => string };

function categoryRows(lines: readonly Line[], flags: Map<string, boolean[]>): Row[] {
  const categories = [...new Set(lines.map((l) => l.category))];
  return categories.map((c) => {
    const label = lines.find((l) => l.category === c)?.label ?? 'clean';
    const pick = (l: Line) => l.category === c;
    return {
      label: `  ${c} (${label === 'flag' ? 'recall' : 'held'})`,
      n: String(lines.filter(pick).length),
      cell: (e) => percent(share(lines, flags, e.name, pick)),
    };
  });
}

const isDisguise = (l: Line) => l.category.startsWith('disguise-');
const worstDisguise = (name: string) => {
  const shares = [...new Set(tuning.filter(isDisguise).map((l) => l.category))].map((c) => share(tuning, tuningFlags, name, (l) => l.category === c));
  return shares.reduce((a, b) => (b.hit / b.n < a.hit / a.n ? b : a), shares[0] ?? { hit: 0, n: 0 });
};

// Held-out classes, by the names its writer gave them: spam and repetition are the spam rules'
// business, the rest of the flagged lines are words (profanity, slurs, personal attacks).
const isSpam = (l: Line) => l.category === 'spam' || l.category === 'repetition';
const isTrap = (l: Line) => l.category.startsWith('trap-');
const isLiteral = (l: Line) => l.category.startsWith('literal-');

const tuningSummary: Row[] = [
  {
    label: 'recall, all profane lines',
    n: String(tuning.filter((l) => l.label === 'flag').length),
    cell: (e) => percent(share(tuning, tuningFlags, e.name, (l) => l.label === 'flag')),
  },
  { label: 'worst disguise category', n: '', cell: (e) => percent(worstDisguise(e.name)) },
  { label: 'ordinary comments held', n: '', cell: (e) => count(share(tuning, tuningFlags, e.name, (l) => l.category === 'ordinary')) },
  { label: 'trap sentences held', n: '', cell: (e) => percent(share(tuning, tuningFlags, e.name, (l) => l.category === 'trap')) },
  {
    label: 'literal-sense accuracy',
    n: '',
    cell: (e) => {
      const lit = share(tuning, tuningFlags, e.name, (l) => l.category === 'literal-sense', false);
      const ins = share(tuning, tuningFlags, e.name, (l) => l.category === 'insult-animal');
      return percent({ hit: lit.hit + ins.hit, n: lit.n + ins.n });
    },
  },
];

const holdoutShare = (name: string, pick: (l: Line) => boolean) => share(holdout, holdoutFlags, name, pick);
const holdoutSummary: Row[] = [
  {
    label: 'recall, all flagged lines',
    n: String(holdout.filter((l) => l.label === 'flag').length),
    cell: (e) => percent(holdoutShare(e.name, (l) => l.label === 'flag')),
  },
  { label: 'recall, words (not spam)', n: '', cell: (e) => percent(holdoutShare(e.name, (l) => l.label === 'flag' && !isSpam(l))) },
  { label: 'recall, spam and repetition', n: '', cell: (e) => percent(holdoutShare(e.name, isSpam)) },
  { label: 'ordinary comments held', n: '', cell: (e) => count(holdoutShare(e.name, (l) => l.category === 'ordinary')) },
  { label: 'trap classes held', n: '', cell: (e) => percent(holdoutShare(e.name, isTrap)) },
  { label: 'literal animal use held', n: '', cell: (e) => percent(holdoutShare(e.name, isLiteral)) },
];

// Throughput: the same comments for every engine, warmed up, then ROUNDS rounds in which every
// engine runs once (the order rotating, so a burst of load on the shared machine does not fall on
// one engine), each run long enough to time; the median round counts, and ratios are taken round by round. Timed twice: on the tuning
// corpus's comments of 50–300 characters (the figure of decision 0100) and on every held-out comment
// (text our engine was not written against).
const ROUNDS = 11;
const RUN_MS = 200;
let sink = 0;

interface Speed {
  readonly median: number;
  readonly slowest: number;
  readonly fastest: number;
  /** Comments/s in each round, in round order, so two engines can be compared round by round. */
  readonly rounds: readonly number[];
  /**
   * Comments per second of the process's CPU time in each round: on the shared machine, time spent
   * waiting for a core is not counted, so these move far less with the other helpers' load.
   */
  readonly cpuRounds: readonly number[];
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

function throughput(sample: readonly string[]): Map<string, Speed> {
  const pass = (e: Engine, reps: number) => {
    for (let k = 0; k < reps; k++) for (const t of sample) if (e.flags(t)) sink++;
  };
  const plan = engines.map((e) => {
    for (let k = 0; k < 3; k++) pass(e, 1); // warm-up: let the JIT compile the hot paths
    const t0 = performance.now();
    pass(e, 1);
    return {
      engine: e,
      reps: Math.max(1, Math.ceil(RUN_MS / Math.max(0.01, performance.now() - t0))),
      rates: [] as number[],
      cpuRates: [] as number[],
    };
  });
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < plan.length; k++) {
      const p = plan[(r + k) % plan.length];
      if (p === undefined) continue;
      const start = performance.now();
      const cpu0 = process.cpuUsage();
      pass(p.engine, p.reps);
      p.rates.push((p.reps * sample.length * 1000) / (performance.now() - start));
      const cpu = process.cpuUsage(cpu0);
      p.cpuRates.push((p.reps * sample.length * 1e6) / Math.max(1, cpu.user + cpu.system));
    }
  }
  return new Map(
    plan.map((p) => {
      const speed: Speed = {
        median: median(p.rates),
        slowest: Math.min(...p.rates),
        fastest: Math.max(...p.rates),
        rounds: p.rates,
        cpuRounds: p.cpuRates,
      };
      return [p.engine.name, speed];
    }),
  );
}

const shortComments = tuning.map((l) => l.text).filter((t) => t.length >= 50 && t.length <= 300);
const heldOutComments = holdout.map((l) => l.text);
const speeds = { tuning: throughput(shortComments), holdout: withHoldout ? throughput(heldOutComments) : new Map<string, Speed>() };
if (sink < 0) log(String(sink));
const speedOf = (set: keyof typeof speeds, name: string) => speeds[set].get(name)?.median ?? Number.NaN;
/**
 * How many times faster `name` ran than `of`: the median of the round-by-round ratios. Both ran in
 * the same round, close in time, so load on the shared machine that comes and goes cancels out
 * better than in a ratio of the two medians.
 */
const speedRatio = (set: keyof typeof speeds, name: string, of: string, cpu = false) => {
  const a = (cpu ? speeds[set].get(name)?.cpuRounds : speeds[set].get(name)?.rounds) ?? [];
  const b = (cpu ? speeds[set].get(of)?.cpuRounds : speeds[set].get(of)?.rounds) ?? [];
  return median(a.map((rate, r) => rate / (b[r] ?? Number.NaN)));
};

function throughputRows(set: keyof typeof speeds, n: number): Row[] {
  const ratio = (name: string, of: string, cpu = false) => `${speedRatio(set, name, of, cpu).toFixed(2)}×`;
  const cpuMedian = (name: string) => median(speeds[set].get(name)?.cpuRounds ?? []);
  return [
    { label: `comments/s (median of ${ROUNDS})`, n: String(n), cell: (e) => fmtInt(speedOf(set, e.name)) },
    {
      label: 'slowest–fastest round',
      n: '',
      cell: (e) => {
        const s = speeds[set].get(e.name);
        return s === undefined ? '—' : `${fmtInt(s.slowest)}–${fmtInt(s.fastest)}`;
      },
    },
    { label: 'speed relative to obscenity (median of rounds)', n: '', cell: (e) => ratio(e.name, 'obscenity') },
    { label: 'speed relative to allprofanity (median of rounds)', n: '', cell: (e) => ratio(e.name, 'allprofanity') },
    { label: 'comments per CPU-second (median of rounds)', n: '', cell: (e) => fmtInt(cpuMedian(e.name)) },
    { label: 'CPU time: relative to obscenity', n: '', cell: (e) => ratio(e.name, 'obscenity', true) },
    { label: 'CPU time: relative to allprofanity', n: '', cell: (e) => ratio(e.name, 'allprofanity', true) },
  ];
}

const section = (title: string): Row => ({ label: title, n: '', cell: () => '' });
const rows: Row[] = [
  section(`tuning corpus, ${tuning.length} lines (in-sample)`),
  ...categoryRows(tuning, tuningFlags),
  ...tuningSummary,
  ...(withHoldout
    ? [section(`held-out set, ${holdout.length} lines (never tuned on)`), ...categoryRows(holdout, holdoutFlags), ...holdoutSummary]
    : []),
  section('throughput, tuning comments of 50–300 characters'),
  ...throughputRows('tuning', shortComments.length),
  ...(withHoldout ? [section('throughput, every held-out comment'), ...throughputRows('holdout', heldOutComments.length)] : []),
];

const cpu = cpus();
const load1 = loadavg()[0] ?? Number.NaN;
log(
  `\nModeration benchmark — ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, one process, load average ${load1.toFixed(1)} at the end\n`,
);
log(
  table([
    ['', 'n', ...engines.map((e) => (e.version === '' ? e.name : `${e.name} ${e.version}`))],
    ...rows.map((r) => [r.label, r.n, ...engines.map(r.cell)]),
  ]),
);

const ours = (pick: (l: Line) => boolean, flags = holdoutFlags, lines = holdout) => share(lines, flags, 'rembuk', pick);
const rate = ({ hit, n }: { hit: number; n: number }) => (n === 0 ? Number.NaN : hit / n);
const heldOutTargets: readonly [string, boolean][] = [
  ['held-out: recall ≥ 97%', rate(ours((l) => l.label === 'flag')) >= 0.97],
  ['held-out: no ordinary comment held', ours((l) => l.category === 'ordinary').hit === 0],
  ['held-out: ≤ 3% of the trap classes held', rate(ours(isTrap)) <= 0.03],
  ['held-out: literal animal use held ≤ 10%', rate(ours(isLiteral)) <= 0.1],
  ['held-out: spam and repetition still held (≥ 97%)', rate(ours(isSpam)) >= 0.97],
];
const targets: readonly [string, boolean][] = [
  ...(withHoldout ? heldOutTargets : []),
  [
    'tuning: recall ≥ 95%, every disguise ≥ 90%',
    rate(ours((l) => l.label === 'flag', tuningFlags, tuning)) >= 0.95 && rate(worstDisguise('rembuk')) >= 0.9,
  ],
  [
    'tuning: no ordinary comment held, ≤ 5% of traps',
    ours((l) => l.category === 'ordinary', tuningFlags, tuning).hit === 0 && rate(ours((l) => l.category === 'trap', tuningFlags, tuning)) <= 0.05,
  ],
  ...(withHoldout ? (['tuning', 'holdout'] as const) : (['tuning'] as const)).flatMap((set): [string, boolean][] => [
    [`throughput ≥ allprofanity (${set} comments)`, speedRatio(set, 'rembuk', 'allprofanity') >= 1],
    [`throughput ≥ 3× obscenity (${set} comments)`, speedRatio(set, 'rembuk', 'obscenity') >= 3],
  ]),
];
log('\nTargets (issue 10):');
for (const [name, ok] of targets) log(`  ${ok ? 'met   ' : 'MISSED'}  ${name}`);
