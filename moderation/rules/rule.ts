import type { Mapped } from '../normalize/mapped.ts';
import type { ModerationInput, Reason, RuleId } from '../types.ts';
import type { Hit } from '../words/lexicon.ts';
import type { Tokens } from '../words/tokenize.ts';

/** The text as the word rules see it, computed once per comment and shared by every rule. */
export interface Analysis {
  readonly normalized: Mapped;
  readonly tokens: Tokens;
  readonly hits: readonly Hit[];
}

/** A compiled rule: returns its findings, or null when it has nothing to say. */
export interface Rule {
  readonly id: RuleId;
  readonly check: (input: ModerationInput, analysis: Analysis) => Reason | readonly Reason[] | null;
}
