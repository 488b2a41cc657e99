/**
 * `npm run bench:moderation`: runs Rembuk's engine, bad-words and obscenity side by side on the
 * labelled corpus and prints recall and false positives per category and comments/s (median of
 * several runs on one core, comments of 50–300 characters). It prints figures; it is not a test.
 */
import { readFileSync } from 'node:fs';
import { Filter } from 'bad-words';
import { DataSet, englishDataset, englishRecommendedTransformers, parseRawPattern, RegExpMatcher } from 'obscenity';
import { createModerator, defaultPolicy, type ModerationInput } from '../moderation/index.ts';
import { affixedForms, indonesianAbbreviations, indonesianStems } from '../moderation/words/indonesian.ts';

interface Line {
  readonly text: string;
  readonly lang: 'en' | 'id';
  readonly category: string;
  readonly label: 'flag' | 'clean';
}

const corpus: Line[] = readFileSync(new URL('./moderation-corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Line);

// The same Indonesian words our engine knows, given to both libraries for a fair comparison.
const indonesianWords = [...new Set([...indonesianStems.flatMap(affixedForms), ...indonesianAbbreviations])];

const moderate = createModerator(defaultPolicy);
const context: ModerationInput['context'] = {
  now: 1_700_000_000_000,
  author: { id: 'bench', approvedCount: 10, rejectedCount: 0, recentPosts: [], trusted: false, bannedUntil: null },
  thread: { preModerated: false, closed: false },
};

const badWords = new Filter();
badWords.addWords(...indonesianWords);

const obscenityData = new DataSet<{ originalWord: string }>().addAll(englishDataset);
for (const w of [...indonesianStems, ...indonesianAbbreviations]) {
  // Like obscenity's own English entries: short words need word boundaries, longer ones match inside words.
  const p = w.length < 5 ? `|${w}|` : w;
  obscenityData.addPhrase((phrase) => phrase.setMetadata({ originalWord: w }).addPattern(parseRawPattern(p)));
}
const obscenity = new RegExpMatcher({ ...obscenityData.build(), ...englishRecommendedTransformers });

const engines: readonly { name: string; flags: (text: string) => boolean }[] = [
  { name: 'rembuk', flags: (text) => moderate({ text, authorName: 'Pembaca', context }).action !== 'publish' },
  { name: 'obscenity', flags: (text) => obscenity.hasMatch(text) },
  { name: 'bad-words', flags: (text) => badWords.isProfane(text) },
];

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

// Accuracy per category.
const categories = [...new Set(corpus.map((l) => l.category))];
const flagged = new Map<string, boolean[]>();
for (const e of engines)
  flagged.set(
    e.name,
    corpus.map((l) => e.flags(l.text)),
  );

console.log(`\nModeration benchmark — ${corpus.length} labelled comments (bench/moderation-corpus.jsonl)\n`);
console.log(`${'category'.padEnd(24)}${'n'.padStart(5)}  label  ${engines.map((e) => e.name.padStart(11)).join('')}`);
for (const c of categories) {
  const idx = corpus.flatMap((l, i) => (l.category === c ? [i] : []));
  const label = corpus[idx[0] ?? 0]?.label ?? 'clean';
  const cells = engines.map((e) => {
    const f = flagged.get(e.name) ?? [];
    return pct(idx.filter((i) => f[i] === true).length, idx.length).padStart(11);
  });
  console.log(`${c.padEnd(24)}${String(idx.length).padStart(5)}  ${label === 'flag' ? 'recall' : 'FP    '} ${cells.join('')}`);
}

const summary = (name: string): Record<string, number> => {
  const f = flagged.get(name) ?? [];
  const count = (pred: (l: Line) => boolean, want: boolean): [number, number] => {
    const idx = corpus.flatMap((l, i) => (pred(l) ? [i] : []));
    return [idx.filter((i) => f[i] === want).length, idx.length];
  };
  const [hit, pos] = count((l) => l.label === 'flag', true);
  const [fpOrd, ord] = count((l) => l.category === 'ordinary', true);
  const [fpTrap, trap] = count((l) => l.category === 'trap', true);
  const [litOk, lit] = count((l) => l.category === 'literal-sense', false);
  const [insOk, ins] = count((l) => l.category === 'insult-animal', true);
  const disguise = categories
    .filter((c) => c.startsWith('disguise-'))
    .map((c) => {
      const [h, n] = count((l) => l.category === c, true);
      return h / n;
    });
  return {
    recall: hit / pos,
    minDisguise: Math.min(...disguise),
    ordinaryFlagged: fpOrd,
    ordinary: ord,
    trapRate: fpTrap / trap,
    literalAccuracy: (litOk + insOk) / (lit + ins),
  };
};

console.log('');
for (const e of engines) {
  const s = summary(e.name);
  console.log(
    `${e.name.padEnd(10)} recall ${pct((s.recall ?? 0) * 100, 100)}  worst disguise ${pct((s.minDisguise ?? 0) * 100, 100)}  ` +
      `ordinary flagged ${s.ordinaryFlagged}/${s.ordinary}  traps flagged ${pct((s.trapRate ?? 0) * 100, 100)}  ` +
      `literal-sense accuracy ${pct((s.literalAccuracy ?? 0) * 100, 100)}`,
  );
}

// Throughput: comments of 50–300 characters, repeated until a run lasts long enough to time.
const sample = corpus.map((l) => l.text).filter((t) => t.length >= 50 && t.length <= 300);
const RUNS = 7;
const speeds = new Map<string, number>();
console.log(`\nThroughput on ${sample.length} comments of 50–300 characters, one core, median of ${RUNS} runs:`);
for (const e of engines) {
  for (const t of sample.slice(0, 50)) e.flags(t); // warm up
  const t0 = performance.now();
  for (const t of sample) e.flags(t);
  const once = Math.max(0.01, performance.now() - t0);
  const reps = Math.max(1, Math.ceil(250 / once));
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    let sink = 0;
    for (let k = 0; k < reps; k++) for (const t of sample) if (e.flags(t)) sink++;
    const ms = performance.now() - start;
    if (sink < 0) console.log(sink);
    rates.push((reps * sample.length * 1000) / ms);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] ?? 0;
  speeds.set(e.name, median);
  console.log(`  ${e.name.padEnd(10)} ${Math.round(median).toLocaleString('en-US').padStart(10)} comments/s`);
}

const ours = summary('rembuk');
const speed = speeds.get('rembuk') ?? 0;
const targets: readonly [string, boolean][] = [
  ['recall ≥ 95% overall', (ours.recall ?? 0) >= 0.95],
  ['recall ≥ 90% in every disguise category', (ours.minDisguise ?? 0) >= 0.9],
  ['no ordinary comment flagged', ours.ordinaryFlagged === 0],
  ['≤ 5% of trap sentences flagged', (ours.trapRate ?? 1) <= 0.05],
  ['≥ 100,000 comments/s', speed >= 100_000],
  ['≥ 3× obscenity', speed >= 3 * (speeds.get('obscenity') ?? Infinity)],
  ['≥ 30× bad-words', speed >= 30 * (speeds.get('bad-words') ?? Infinity)],
];
console.log('\nTargets:');
for (const [name, ok] of targets) console.log(`  ${ok ? 'met    ' : 'MISSED '} ${name}`);
console.log(
  `  (${(speed / (speeds.get('obscenity') ?? 1)).toFixed(1)}× obscenity, ${(speed / (speeds.get('bad-words') ?? 1)).toFixed(0)}× bad-words)`,
);
