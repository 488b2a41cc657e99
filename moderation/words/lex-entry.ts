/**
 * One listed term, in a file of its own: the lexicon compiles them and the masked-letter
 * matcher reads them, and neither should import the other for it.
 */

/** Which list a term came from; each list feeds its own rule. */
export const LexKinds = {
  profanity: 'profanity',
  banned: 'banned',
  suspect: 'suspect',
  gambling: 'gambling',
  attack: 'attack',
  bait: 'bait',
} as const;
/** Which list a term came from. */
export type LexKind = (typeof LexKinds)[keyof typeof LexKinds];

/** One listed term. `literal` holds the words that show a harmless literal sense, if any. */
export interface LexEntry {
  readonly kind: LexKind;
  readonly term: string;
  readonly literal: ReadonlySet<string> | null;
  /**
   * Only for `attack` terms: true when the term insults a person by itself ("otak udang", "kill
   * yourself"); otherwise it is an attack only when aimed at someone ("you are an idiot").
   */
  readonly standalone?: boolean;
}
