import { normalize } from './normalize/normalize.ts';
import { defaultPolicy, type Policy } from './policy.ts';
import { createAuthorNameRule } from './rules/author-name.ts';
import { createBannedAuthorRule } from './rules/banned-author.ts';
import { createClosedThreadRule } from './rules/closed-thread.ts';
import { createContactRule } from './rules/contact.ts';
import { createDuplicateRule } from './rules/duplicate.ts';
import { createGamblingRule } from './rules/gambling.ts';
import { createLengthRule } from './rules/length.ts';
import { createLinksRule, findLinks } from './rules/links.ts';
import { createNewAuthorRule } from './rules/new-author.ts';
import { createPreModeratedRule } from './rules/pre-moderated.ts';
import { createRepetitionRule } from './rules/repetition.ts';
import type { Analysis, Rule } from './rules/rule.ts';
import { createShoutingRule } from './rules/shouting.ts';
import { createVelocityRule } from './rules/velocity.ts';
import { createWordRules } from './rules/words.ts';
import { actionSeverity, type Action, type Moderate, type ModerationInput, type Reason, type RuleId, type Verdict } from './types.ts';
import { lexiconSourceFor } from './words/builtin.ts';
import { displayNameSource, displayNameWords } from './words/display-name.ts';
import { compileLexicon, scanLexicon, type Lexicon } from './words/lexicon.ts';
import { tokenize } from './words/tokenize.ts';

/** Normalizes, tokenizes and scans a text against a compiled lexicon. */
export function analyze(lexicon: Lexicon, text: string): Analysis {
  const normalized = normalize(text);
  const tokens = tokenize(normalized.text);
  return { normalized, tokens, hits: scanLexicon(lexicon, normalized.text, tokens, normalized) };
}

/**
 * Compiles a policy into a moderation function. Everything costly (word lists, lookup tables,
 * regular expressions) is built here, once; the returned function is pure: same input, same verdict.
 */
export function createModerator(policy: Policy = defaultPolicy): Moderate {
  const source = lexiconSourceFor(policy);
  const lexicon = compileLexicon(source);
  const rules: Rule[] = [createBannedAuthorRule(), createClosedThreadRule(), createLengthRule(policy.length)];
  if (policy.velocity.enabled) rules.push(createVelocityRule(policy.velocity));
  rules.push(createPreModeratedRule());
  if (policy.newAuthor.holdFirst > 0) rules.push(createNewAuthorRule(policy.newAuthor));
  if (policy.duplicate.enabled) rules.push(createDuplicateRule(policy.duplicate));
  rules.push(...createWordRules(policy.words));
  if (policy.words.checkAuthorName) {
    // Names match whole words (and affixed forms), not stems inside words: "Shitara" is a surname.
    const nameLexicon = compileLexicon(displayNameSource(source));
    rules.push(
      createAuthorNameRule((name) => {
        if (name.length === 0) return false;
        const hits = analyze(nameLexicon, displayNameWords(name)).hits;
        return hits.some((h) => h.entry.kind !== 'suspect') || findLinks(name).length > 0;
      }),
    );
  }
  if (policy.links.enabled) rules.push(createLinksRule(policy.links));
  if (policy.contact.enabled) rules.push(createContactRule(policy.contact));
  if (policy.gambling.enabled) rules.push(createGamblingRule(policy.gambling));
  if (policy.shouting.enabled) rules.push(createShoutingRule(policy.shouting));
  if (policy.repetition.enabled) rules.push(createRepetitionRule(policy.repetition));

  const trustedSkip: ReadonlySet<RuleId> = new Set(policy.trusted.skip);
  const trustedRules = rules.filter((r) => !trustedSkip.has(r.id));

  return function moderate(input: ModerationInput): Verdict {
    const analysis = analyze(lexicon, input.text);
    const reasons: Reason[] = [];
    for (const rule of input.context.author.trusted ? trustedRules : rules) {
      const found = rule.check(input, analysis);
      if (found === null) continue;
      if (Array.isArray(found)) reasons.push(...(found as readonly Reason[]));
      else reasons.push(found as Reason);
    }
    return verdictOf(reasons);
  };
}

/** The most severe action among the reasons (publish when there are none), and the longest retry-after. */
export function verdictOf(reasons: readonly Reason[]): Verdict {
  let action: Action = 'publish';
  let retryAfterMs: number | undefined;
  for (const r of reasons) {
    if (actionSeverity[r.action] > actionSeverity[action]) action = r.action;
    if (r.retryAfterMs !== undefined) retryAfterMs = Math.max(retryAfterMs ?? 0, r.retryAfterMs);
  }
  return retryAfterMs === undefined ? { action, reasons } : { action, reasons, retryAfterMs };
}
