import type { RuleId } from './rules/rule-ids.ts';

/** The three outcomes of moderation, ordered from least to most severe. */
export const Actions = { publish: 'publish', hold: 'hold', reject: 'reject' } as const;
/** What the engine asks the server to do with a comment. */
export type Action = (typeof Actions)[keyof typeof Actions];

/** Severity order used to pick the verdict: the most severe reason wins. */
export const actionSeverity: Readonly<Record<Action, number>> = { publish: 0, hold: 1, reject: 2 };

// The rule table is where rule ids come from: a new row is a new id, checked everywhere it is mapped.
export type { RuleId } from './rules/rule-ids.ts';

/** Half-open range of UTF-16 offsets into the original comment text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A human sentence in both languages the product speaks. */
export interface Message {
  readonly en: string;
  readonly id: string;
}

/** One finding: which rule, what it asks for, why (in words), and where in the text. */
export interface Reason {
  readonly rule: RuleId;
  readonly action: Action;
  readonly message: Message;
  /** Offsets into the original text; empty when the finding is about the context, not the text. */
  readonly spans: readonly Span[];
  /** Only for rate limits: how long until a retry would be accepted. */
  readonly retryAfterMs?: number;
}

/** The engine's answer: the most severe action and every reason found. */
export interface Verdict {
  readonly action: Action;
  readonly reasons: readonly Reason[];
  /** Present when a velocity limit rejected the comment. */
  readonly retryAfterMs?: number;
}

/** A comment the author posted recently, as the store remembers it. */
export interface RecentPost {
  readonly text: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** What the store knows about the author, passed in as data. */
export interface AuthorContext {
  readonly id: string;
  readonly approvedCount: number;
  readonly rejectedCount: number;
  readonly recentPosts: readonly RecentPost[];
  readonly trusted: boolean;
  /** Epoch milliseconds, or null when the author is not banned. */
  readonly bannedUntil: number | null;
}

/** Thread settings the rules need. */
export interface ThreadContext {
  readonly preModerated: boolean;
  readonly closed: boolean;
}

/** Everything outside the text itself; the clock comes in here, never from the engine. */
export interface ModerationContext {
  /** Epoch milliseconds. */
  readonly now: number;
  readonly author: AuthorContext;
  readonly thread: ThreadContext;
}

/** One comment to judge. */
export interface ModerationInput {
  readonly text: string;
  readonly authorName: string;
  readonly context: ModerationContext;
}

/** A compiled policy: call it once per comment. */
export type Moderate = (input: ModerationInput) => Verdict;
