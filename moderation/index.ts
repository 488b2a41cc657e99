/**
 * Rembuk's moderation engine: a pure library. `createModerator(policy)` compiles a site's policy
 * into `moderate(input) → Verdict`; the clock and the author's history come in as data.
 */
export { createModerator, verdictOf } from './moderator.ts';
export { defaultPolicy, parsePolicy, policySchema } from './policy.ts';
export type { Policy, PolicyError, PolicyInput, PolicyResult } from './policy.ts';
export { Actions, actionSeverity } from './types.ts';
export { ruleIds } from './rules/rule-table.ts';
export type {
  Action,
  AuthorContext,
  Message,
  Moderate,
  ModerationContext,
  ModerationInput,
  Reason,
  RecentPost,
  RuleId,
  Span,
  ThreadContext,
  Verdict,
} from './types.ts';
export { normalize } from './normalize/normalize.ts';
export type { Mapped } from './normalize/mapped.ts';
