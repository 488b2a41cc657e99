import { quoteTerms } from '../messages.ts';
import { originSpan } from '../normalize/mapped.ts';
import type { Policy } from '../policy.ts';
import type { Reason, Span } from '../types.ts';
import { aimOf, calledRightBefore } from '../words/aim.ts';
import { englishNouns, exclamations, indonesianAimed, indonesianNouns, personOnly, thingNouns, vocativeOnly } from '../words/attacks.ts';
import { noReasons, type Analysis, type Rule } from './rule.ts';
import { outermost } from './words.ts';

const indonesianInsults: ReadonlySet<string> = new Set(indonesianAimed);
const placeWords: ReadonlySet<string> = new Set(['di', 'ke', 'dari']);

function insultWords(analysis: Analysis): Uint8Array {
  const at = new Uint8Array(analysis.tokens.words.length);
  for (const x of analysis.hits) if (x.literal === undefined) for (let j = x.from; j < x.to; j++) at[j] = 1;
  return at;
}

/**
 * Holds insults aimed at a person (words/attacks.ts): an insult word with someone it is aimed at
 * ("you are an idiot", "dasar bodoh", "bodoh lu", "the author is a moron"), or a compound that
 * insults by itself ("otak udang", "kill yourself"). The spans cover the words that aim it, so a
 * moderator sees "you are an idiot", not only "idiot". A site turns it off with `personalAttack.enabled`.
 */
export function createPersonalAttackRule(p: Policy['personalAttack']): Rule {
  return {
    id: 'personal-attack',
    check({ text }, analysis): readonly Reason[] {
      if (analysis.hits.length === 0) return noReasons;
      // Which words are insults, for the aim (other insults may stand between "you" and this one);
      // built once per comment, and only when an attack word was found.
      let insultAt: Uint8Array | null = null;
      for (const h of analysis.hits) {
        if (h.entry.kind !== 'attack') continue;
        insultAt ??= insultWords(analysis);
        break;
      }
      if (insultAt === null) return noReasons;
      const insults: Uint8Array = insultAt;
      const isInsult = (k: number): boolean => insults[k] === 1;
      const { normalized, tokens } = analysis;
      const sense = { original: text, normalized, tokens };
      const spans: Span[] = [];
      const found: string[] = [];
      for (const h of analysis.hits) {
        // Quoted as what someone else said ("called the minister a 'lying hack'"): the literal-sense reason says so.
        if (h.entry.kind !== 'attack' || h.literal !== undefined) continue;
        const term = h.entry.term;
        // Garbage where it lies ("sampah di TPA"), not a person called garbage.
        if (thingNouns.has(term) && placeWords.has(tokens.words[h.to] ?? '') && !calledRightBefore(tokens.words[h.from - 1] ?? '')) continue;
        const aim = aimOf(sense, h.from, h.to, isInsult, {
          noun: indonesianNouns.has(term),
          englishNoun: englishNouns.has(term),
          exclamation: exclamations.has(term),
          personOnly: personOnly.has(term),
          vocativeOnly: vocativeOnly.has(term),
          indonesian: indonesianInsults.has(term),
        });
        const range = aim ?? (h.entry.standalone === true ? ([h.from, h.to] as const) : null);
        if (range === null) continue;
        const span = originSpan(normalized, tokens.starts[range[0]] ?? 0, tokens.ends[range[1] - 1] ?? 0);
        if (spans.some((s) => s.start <= span.start && s.end >= span.end)) continue;
        spans.push(span);
        found.push(text.slice(span.start, span.end));
      }
      if (spans.length === 0) return noReasons;
      const shown = outermost(spans, found);
      return [
        {
          rule: 'personal-attack',
          action: p.action,
          message: {
            en: `The comment insults a person: ${quoteTerms(shown.found)}.`,
            id: `Komentar menghina seseorang: ${quoteTerms(shown.found)}.`,
          },
          spans: shown.spans,
        },
      ];
    },
  };
}
