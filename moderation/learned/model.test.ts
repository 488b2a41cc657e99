import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize/normalize.ts';
import { defaultPolicy } from '../policy.ts';
import { tokenize } from '../words/tokenize.ts';
import { generatedModelSource } from './generate.ts';
import { builtinModel } from './load.ts';
import { packedModel } from './model.generated.ts';
import { featureCount, forEachFeature } from './features.ts';
import { weightOf } from './model.ts';
import { holdProbability, sigmoid } from './score.ts';
import { trainModel } from './train.ts';

const corpus = readFileSync(new URL('../../bench/moderation-corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { text: string; label: string });

const scoreOf = (text: string): number => {
  const n = normalize(text).text;
  return holdProbability(builtinModel(), tokenize(n));
};

describe('learned model', () => {
  it('loads every feature the generated file lists', () => {
    expect(builtinModel().size).toBe(packedModel.count);
    expect(packedModel.count).toBeGreaterThan(10_000);
  });

  it('is what training on the tuning corpus gives, byte for byte (retrain with bench/moderation-learn.ts)', { timeout: 30_000 }, () => {
    const trained = trainModel(corpus.map((l) => ({ text: l.text, flag: l.label === 'flag' })));
    const committed = readFileSync(new URL('./model.generated.ts', import.meta.url), 'utf8');
    expect(generatedModelSource(trained, corpus.length) === committed).toBe(true);
  });

  it('scores as the sum over features.ts’s features says, with the word memo cold and warm', () => {
    const model = builtinModel();
    for (const pass of [1, 2]) {
      for (const { text } of corpus.slice(0, 400)) {
        const n = normalize(text).text;
        const tokens = tokenize(n);
        let sum = 0;
        forEachFeature(n, tokens, (bucket, _w, share) => (sum += share * weightOf(model, bucket)));
        const count = featureCount(tokens);
        const slow = sigmoid(model.bias + (count === 0 ? 0 : sum / Math.sqrt(count)));
        expect(holdProbability(model, tokens), `${text} (pass ${pass})`).toBeCloseTo(slow, 9);
      }
    }
  });

  it('scores insults above the default threshold and ordinary comments below it', () => {
    const threshold = defaultPolicy.learned.threshold;
    expect(scoreOf("Clueless city boy, you've never seen a blackout in Nias.")).toBeGreaterThan(threshold);
    expect(scoreOf('Keyboard warrior with zero knowledge. Sit down.')).toBeGreaterThan(threshold);
    expect(scoreOf('Electricity tariffs went up again this quarter and nobody at PLN explains where the subsidy money goes.')).toBeLessThan(0.5);
    expect(scoreOf('Tarif listrik naik lagi bulan ini, semoga subsidinya tepat sasaran.')).toBeLessThan(threshold);
  });
});
