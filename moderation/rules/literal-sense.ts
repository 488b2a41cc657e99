import { quoteTerms } from '../messages.ts';
import type { Message, Reason, Span } from '../types.ts';
import type { LiteralKind } from '../words/sense.ts';
import { hitSpan } from './words.ts';
import { noReasons, type Rule } from './rule.ts';

const because: Readonly<Record<LiteralKind, (cue: string) => Message>> = {
  context: (cue) => ({ en: `meant literally, next to "${cue}"`, id: `bermakna harfiah, dekat kata "${cue}"` }),
  possessive: (cue) => ({ en: `someone's animal ("${cue}")`, id: `hewan milik seseorang ("${cue}")` }),
  count: (cue) => ({ en: `animals counted ("${cue}")`, id: `hewan yang dihitung ("${cue}")` }),
  name: (cue) => ({ en: `part of a name ("${cue}")`, id: `bagian dari nama ("${cue}")` }),
  place: (cue) => ({ en: `part of a place name ("${cue}")`, id: `bagian dari nama tempat ("${cue}")` }),
  abbreviation: (cue) => ({ en: `an abbreviation ("${cue}")`, id: `singkatan ("${cue}")` }),
  same: (cue) => ({
    en: `the same word is meant literally elsewhere in the comment ("${cue}")`,
    id: `kata yang sama bermakna harfiah di bagian lain komentar ("${cue}")`,
  }),
  quoted: (cue) => ({ en: `quoted as what someone else said (${cue})`, id: `dikutip sebagai ucapan orang lain (${cue})` }),
};

/**
 * Says which listed words were let through and why: read literally ("anjing pelacak"), as
 * someone's animal ("anjing saya"), counted ("dua babi"), or as part of a name or place ("Dick
 * Advocaat", "Pulau Babi"). Its reason's action is always `publish`: it never holds, it lets a
 * moderator (and the CLI) see every literal-sense decision beside the findings.
 */
export function createLiteralSenseRule(): Rule {
  return {
    id: 'literal-sense',
    check({ text }, analysis): readonly Reason[] {
      // Most hits are not read literally: nothing is allocated for a comment without such a hit.
      if (!analysis.hits.some((h) => h.literal !== undefined)) return noReasons;
      const spans: Span[] = [];
      const en: string[] = [];
      const id: string[] = [];
      for (const h of analysis.hits) {
        if (h.literal === undefined) continue;
        const span = hitSpan(analysis, h, analysis.normalized, analysis.tokens);
        if (spans.some((s) => s.start === span.start && s.end === span.end)) continue;
        spans.push(span);
        const word = quoteTerms([text.slice(span.start, span.end)]);
        const why = because[h.literal.kind](h.literal.cue);
        en.push(`${word}: ${why.en}`);
        id.push(`${word}: ${why.id}`);
      }
      if (spans.length === 0) return noReasons;
      return [
        {
          rule: 'literal-sense',
          action: 'publish',
          message: {
            en: `Not counted as profanity — ${en.join('; ')}.`,
            id: `Tidak dihitung sebagai kata kasar — ${id.join('; ')}.`,
          },
          spans,
        },
      ];
    },
  };
}
