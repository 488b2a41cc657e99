/**
 * Every rule the engine has, in the one order they run. All rules run on every comment and the
 * most severe action wins whatever the order, so the order decides one thing only: the order of
 * `Verdict.reasons`, which is the order the author reads their "Reason: …" line in and the order
 * a moderator reads the queue's explanation in. Each group says why it sits where it does.
 *
 * The ids are listed in rule-ids.ts (the verdict types need them without importing the rules);
 * this table is checked at compile time to have a row for exactly those ids. Adding a rule means
 * an id there and a row here, and every `Record<RuleId, …>` elsewhere (the server's refusal map)
 * stops compiling until the new rule is handled there.
 */
import type { Policy } from '../policy.ts';
import type { LexiconSource } from '../words/lexicon.ts';
import { createAuthorNameRule, listedTermInName } from './author-name.ts';
import { createBannedAuthorRule } from './banned-author.ts';
import { createClosedThreadRule } from './closed-thread.ts';
import { createContactRule } from './contact.ts';
import { createDuplicateRule } from './duplicate.ts';
import { createGamblingRule } from './gambling.ts';
import { createLearnedRule } from './learned.ts';
import { createLengthRule } from './length.ts';
import { createLinksRule } from './links.ts';
import { createLiteralSenseRule } from './literal-sense.ts';
import { createNewAuthorRule } from './new-author.ts';
import { createPersonalAttackRule } from './personal-attack.ts';
import { createPreModeratedRule } from './pre-moderated.ts';
import { createRepetitionRule } from './repetition.ts';
import type { Rule } from './rule.ts';
import type { RuleId } from './rule-ids.ts';
import { createShoutingRule } from './shouting.ts';
import { createVelocityRule } from './velocity.ts';
import { createBannedWordRule, createProfanityRule, createSuspectWordRule } from './words.ts';

/** The groups of the table, in the order they run. */
export const RuleGroups = {
  refusal: 'refusal',
  review: 'review',
  history: 'history',
  words: 'words',
  spam: 'spam',
  learned: 'learned',
} as const;
/** One group of rules that sit together in the table for the same reason. */
export type RuleGroup = (typeof RuleGroups)[keyof typeof RuleGroups];

/** What a rule's factory may read: the site's policy and the word lists it selects. */
export interface RuleSetup {
  readonly policy: Policy;
  /** The lists before compilation: the author-name rule compiles its own whole-word lexicon from them. */
  readonly source: LexiconSource;
}

/** One row: the rule's id, its group, whether a policy turns it on, and its factory. */
export interface RuleRow {
  readonly id: string;
  readonly group: RuleGroup;
  readonly enabled: (policy: Policy) => boolean;
  readonly create: (setup: RuleSetup) => Rule;
}

// A helper rather than object literals: it gives each function its parameter's type and keeps the
// id's literal type. `enabled` is a column of its own because a factory returning `Rule | null`
// would make the table's type depend on `Rule`, whose id is the table's type: a cycle.
function row<const Id extends string>(
  id: Id,
  group: RuleGroup,
  enabled: RuleRow['enabled'],
  create: RuleRow['create'],
): RuleRow & { readonly id: Id } {
  return { id, group, enabled, create };
}

const always = (): boolean => true;

/** The ordered rule table. */
export const ruleTable = [
  // refusal — rejections decided before any word is read: a banned author, a closed thread, a
  // text outside the length limits, an author over the velocity limit. The server answers three of
  // them with an error code and stores nothing (AUTHOR_BANNED, THREAD_CLOSED, RATE_LIMITED). First,
  // so the reasons begin with the one that decided the verdict.
  row('banned-author', 'refusal', always, () => createBannedAuthorRule()),
  row('closed-thread', 'refusal', always, () => createClosedThreadRule()),
  row('length', 'refusal', always, ({ policy }) => createLengthRule(policy.length)),
  row(
    'velocity',
    'refusal',
    (p) => p.velocity.enabled,
    ({ policy }) => createVelocityRule(policy.velocity),
  ),

  // review — holds about the thread or the author, not about what was written: a pre-moderated
  // thread, a new author. Before any finding in the text, so the author reads first that this
  // comment waits for a moderator whatever it says.
  row('pre-moderated', 'review', always, () => createPreModeratedRule()),
  row(
    'new-author',
    'review',
    (p) => p.newAuthor.holdFirst > 0,
    ({ policy }) => createNewAuthorRule(policy.newAuthor),
  ),

  // history — the same text as one of the author's recent posts: about the comment as a whole,
  // so before the findings that point at words in it.
  row(
    'duplicate',
    'history',
    (p) => p.duplicate.enabled,
    ({ policy }) => createDuplicateRule(policy.duplicate),
  ),

  // words — the word lists matched on the normalized text, then personal attacks and the words let
  // through as literal, then the display name. The site's
  // banned list comes first: it rejects, and the suspect and profanity rules leave out what a
  // banned word covers, so one word is reported once, as banned. The name comes after the text
  // because the spans highlight the text.
  row('banned-word', 'words', always, () => createBannedWordRule()),
  row('suspect-word', 'words', always, () => createSuspectWordRule()),
  row('profanity', 'words', always, ({ policy }) => createProfanityRule(policy.words)),
  // An insult aimed at a person is its own finding, after the word lists it may overlap ("you
  // fucking idiot": profanity and an attack), so a site can turn it off alone.
  row(
    'personal-attack',
    'words',
    (p) => p.personalAttack.enabled,
    ({ policy }) => createPersonalAttackRule(policy.personalAttack),
  ),
  // Never holds: says which listed words were let through as literal, names or places, right
  // after the findings they were spared from.
  row(
    'literal-sense',
    'words',
    (p) => p.words.literalSense,
    () => createLiteralSenseRule(),
  ),
  row(
    'author-name',
    'words',
    (p) => p.words.checkAuthorName,
    ({ source }) => createAuthorNameRule(listedTermInName(source)),
  ),

  // spam — shapes of promotion and flooding (links, contact details, gambling terms, capitals,
  // repetition): by default they hold for review (only a denied link domain rejects), the weakest
  // signals, so they explain last.
  row(
    'links',
    'spam',
    (p) => p.links.enabled,
    ({ policy }) => createLinksRule(policy.links),
  ),
  row(
    'contact',
    'spam',
    (p) => p.contact.enabled,
    ({ policy }) => createContactRule(policy.contact),
  ),
  row(
    'gambling',
    'spam',
    (p) => p.gambling.enabled,
    ({ policy }) => createGamblingRule(policy.gambling),
  ),
  row(
    'shouting',
    'spam',
    (p) => p.shouting.enabled,
    ({ policy }) => createShoutingRule(policy.shouting),
  ),
  row(
    'repetition',
    'spam',
    (p) => p.repetition.enabled,
    ({ policy }) => createRepetitionRule(policy.repetition),
  ),

  // learned — a statistical model's second opinion: it speaks only when every rule above let the
  // comment through (it reads their reasons), so it must come last; it only holds.
  row(
    'learned',
    'learned',
    (p) => p.learned.enabled,
    ({ policy }) => createLearnedRule(policy.learned),
  ),
] as const;

type TableId = (typeof ruleTable)[number]['id'];
type IsNever<T> = [T] extends [never] ? true : false;
/** Compiles only when the table has a row for every id in rule-ids.ts and for no other. */
export type TableCoversRuleIds = [Assert<IsNever<Exclude<RuleId, TableId>>>, Assert<IsNever<Exclude<TableId, RuleId>>>];
type Assert<T extends true> = T;

export type { RuleId } from './rule-ids.ts';

/** Every rule id, in table order. */
export const ruleIds: readonly RuleId[] = ruleTable.map((r) => r.id);

/** The rules a policy turns on, in table order. */
export function compileRules(setup: RuleSetup): Rule[] {
  const rules: Rule[] = [];
  for (const r of ruleTable) {
    if (r.enabled(setup.policy)) rules.push(r.create(setup));
  }
  return rules;
}
