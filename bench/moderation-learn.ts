/**
 * `npx tsx bench/moderation-learn.ts`: trains the learned rule's model on the tuning corpus
 * (bench/moderation-corpus.jsonl, every line, in the file's order; the training order is seeded)
 * and writes moderation/learned/model.generated.ts. Deterministic: the same corpus gives the same
 * file, byte for byte. `--check` writes nothing and exits 1 when the committed file differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { generatedModelSource } from '../moderation/learned/generate.ts';
import { defaultTraining, trainModel } from '../moderation/learned/train.ts';

interface Line {
  readonly text: string;
  readonly label: 'flag' | 'clean';
}

const corpus = readFileSync(new URL('./moderation-corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Line);

const started = Date.now();
const trained = trainModel(
  corpus.map((l) => ({ text: l.text, flag: l.label === 'flag' })),
  defaultTraining,
);
const source = generatedModelSource(trained, corpus.length);
const target = new URL('../moderation/learned/model.generated.ts', import.meta.url);

if (process.argv.includes('--check')) {
  const same = readFileSync(target, 'utf8') === source;
  console.log(same ? 'model.generated.ts matches the corpus' : 'model.generated.ts differs: run npx tsx bench/moderation-learn.ts');
  process.exit(same ? 0 : 1);
}
writeFileSync(target, source);
console.log(
  `trained on ${corpus.length} lines in ${((Date.now() - started) / 1000).toFixed(1)} s: ${trained.buckets.length} features kept, ${(source.length / 1024).toFixed(0)} KB`,
);
