/**
 * The seam between the post pipeline and moderation. The pipeline only knows `Moderate`;
 * which engine sits behind it is the composition root's choice.
 */
import { Filter } from 'bad-words';
import type { ModerationRecord, ModerationReason } from '../store/types.ts';

export interface ModerationRequest {
  text: string;
  authorName: string;
}

export type Moderate = (request: ModerationRequest) => ModerationRecord;

const WORD = /[\p{L}\p{N}']+/gu;

/**
 * First moderation step: hold text that bad-words flags, naming the words that did it.
 * Replaced by the rule engine in moderation/ (issue 3).
 */
export function createProfanityModerator(): Moderate {
  const filter = new Filter();
  return ({ text, authorName }) => {
    const reasons: ModerationReason[] = [];
    const spans = profaneSpans(filter, text);
    if (spans.length > 0) {
      reasons.push({
        rule: 'profanity',
        action: 'hold',
        message: {
          en: 'The comment contains words that may be offensive; a moderator will review it.',
          id: 'Komentar mengandung kata yang mungkin menyinggung; moderator akan meninjaunya.',
        },
        spans,
      });
    }
    if (profaneSpans(filter, authorName).length > 0) {
      reasons.push({
        rule: 'profane-name',
        action: 'hold',
        message: {
          en: 'The display name contains words that may be offensive.',
          id: 'Nama tampilan mengandung kata yang mungkin menyinggung.',
        },
        spans: [],
      });
    }
    return { action: reasons.length > 0 ? 'hold' : 'publish', reasons };
  };
}

function profaneSpans(filter: Filter, text: string): { start: number; end: number }[] {
  if (!filter.isProfane(text)) return [];
  const spans: { start: number; end: number }[] = [];
  for (const match of text.matchAll(WORD)) {
    if (filter.isProfane(match[0])) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  // bad-words can flag a phrase no single word matches; still hold, with the whole text marked.
  return spans.length > 0 ? spans : [{ start: 0, end: text.length }];
}
