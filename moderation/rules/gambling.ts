import { quoteTerms } from '../messages.ts';
import type { Policy } from '../policy.ts';
import type { Reason } from '../types.ts';
import { hasKind, hitSpans } from './words.ts';
import { noReasons, type Rule } from './rule.ts';

/** Holds comments that use online-gambling ("judol") promotion vocabulary: slot gacor, maxwin, togel... */
export function createGamblingRule(p: Policy['gambling']): Rule {
  return {
    id: 'gambling',
    check({ text }, analysis): readonly Reason[] {
      if (!hasKind(analysis, 'gambling')) return noReasons;
      const { spans, found } = hitSpans(text, analysis, 'gambling');
      if (spans.length === 0) return noReasons;
      return [
        {
          rule: 'gambling',
          action: p.action,
          message: {
            en: `The comment looks like online-gambling promotion: ${quoteTerms(found)}.`,
            id: `Komentar tampak seperti promosi judi online: ${quoteTerms(found)}.`,
          },
          spans,
        },
      ];
    },
  };
}
