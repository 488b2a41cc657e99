/**
 * Every rule's stable id, in the order of the rule table (rule-table.ts). A file of its own,
 * importing nothing: the verdict types name rules by these ids, and the table builds the rules,
 * which use those types; with the ids in the table, types and table would import each other.
 * rule-table.ts checks at compile time that it has a row for exactly these ids.
 */
export const RULE_IDS = [
  'banned-author',
  'closed-thread',
  'length',
  'velocity',
  'pre-moderated',
  'new-author',
  'duplicate',
  'banned-word',
  'suspect-word',
  'profanity',
  'personal-attack',
  'literal-sense',
  'author-name',
  'links',
  'contact',
  'gambling',
  'shouting',
  'repetition',
  'learned',
] as const;

/** Stable identifier of one rule, as the console and stored verdicts name it. */
export type RuleId = (typeof RULE_IDS)[number];
