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

/**
 * A compiled rule: returns its findings, empty when it has nothing to say. One shape for every
 * rule (most find one reason, `links` up to three) so the engine appends without asking which.
 * `earlier` is what the rules before it in the table found: only the learned rule reads it (it
 * speaks only when no rule held or rejected).
 */
export interface Rule {
  readonly id: RuleId;
  readonly check: (input: ModerationInput, analysis: Analysis, earlier: readonly Reason[]) => readonly Reason[];
}

/** What a rule returns when it finds nothing: one shared empty list, so a clean comment allocates none. */
export const noReasons: readonly Reason[] = [];
