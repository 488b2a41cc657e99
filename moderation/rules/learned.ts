import { quoteTerms } from '../messages.ts';
import { builtinModel } from '../learned/load.ts';
import type { Model } from '../learned/model.ts';
import { holdProbability, wordWeights } from '../learned/score.ts';
import { originSpan } from '../normalize/mapped.ts';
import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import { noReasons, type Rule } from './rule.ts';

/** How many of the words that weighed most toward the hold the reason names. */
const WORDS_SHOWN = 3;

/**
 * Holds a comment that no rule held or rejected when the learned model (moderation/learned/), a
 * logistic regression over words, word pairs and character n-grams of the normalized text, trained
 * on the moderators' labels of the tuning corpus, scores it at or above `threshold`. It catches what
 * the lists do not have yet — a new insult word, a new way to say "you are stupid" — and only ever
 * holds: a model's guess is a reason to look, never to refuse. The reason names the words that
 * weighed most toward the hold, so a moderator sees what it reacted to.
 */
export function createLearnedRule(p: Policy['learned'], model: Model = builtinModel()): Rule {
  return {
    id: 'learned',
    check({ text }, analysis, earlier): readonly Reason[] {
      // A second opinion only: when a rule has already held or rejected, the moderator has a
      // reason to look, and the model's work is skipped.
      for (let i = 0; i < earlier.length; i++) if ((earlier[i] as Reason).action !== 'publish') return noReasons;
      const { normalized, tokens } = analysis;
      // Without a word the score is the bias alone (~0.73: most training lines are held), which
      // says nothing about this comment; emoji and numbers are the spam rules' business.
      if (tokens.words.length === 0) return noReasons;
      const score = holdProbability(model, tokens);
      if (score < p.threshold) return noReasons;
      const weights = wordWeights(model, normalized.text, tokens);
      const top = [...weights.keys()]
        .filter((i) => (weights[i] as number) > 0)
        .sort((a, b) => (weights[b] as number) - (weights[a] as number) || a - b)
        .slice(0, WORDS_SHOWN);
      const spans: Span[] = top.map((i) => originSpan(normalized, tokens.starts[i] ?? 0, tokens.ends[i] ?? 0)).sort((a, b) => a.start - b.start);
      const words = top.map((i) => {
        const s = originSpan(normalized, tokens.starts[i] ?? 0, tokens.ends[i] ?? 0);
        return text.slice(s.start, s.end);
      });
      const shown = score.toFixed(2);
      const because = words.length === 0 ? null : quoteTerms(words);
      return [
        {
          rule: 'learned',
          action: 'hold',
          message: {
            en:
              `A statistical model trained on moderators' labels found this comment similar to comments they held (score ${shown})` +
              (because === null ? '.' : `; the words that weighed most: ${because}.`),
            id:
              `Model statistik yang dilatih dari keputusan moderator menilai komentar ini mirip komentar yang mereka tahan (skor ${shown.replace('.', ',')})` +
              (because === null ? '.' : `; kata yang paling berpengaruh: ${because}.`),
          },
          spans,
        },
      ];
    },
  };
}
