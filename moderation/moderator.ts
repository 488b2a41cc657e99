import { analyze } from './analyze.ts';
import { defaultPolicy, type Policy } from './policy.ts';
import type { Rule } from './rules/rule.ts';
import { compileRules } from './rules/rule-table.ts';
import { actionSeverity, type Action, type Moderate, type ModerationInput, type Reason, type RuleId, type Verdict } from './types.ts';
import { lexiconSourceFor } from './words/builtin.ts';
import { compileLexicon } from './words/lexicon.ts';

/**
 * Compiles a policy into a moderation function. Everything costly (word lists, lookup tables,
 * regular expressions) is built here, once; the returned function is pure: same input, same verdict.
 * The rules and their order come from the rule table (rules/rule-table.ts).
 */
export function createModerator(policy: Policy = defaultPolicy): Moderate {
  // Compiling takes ~50–120 ms (thousands of word forms); the result is pure, so a policy seen
  // before (every site on the defaults, a server restarted in tests) reuses its compiled moderator.
  const key = JSON.stringify(policy);
  const known = compiled.get(key);
  if (known !== undefined) return known;
  const moderate = compile(policy);
  if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value ?? '');
  compiled.set(key, moderate);
  return moderate;
}

/** How many compiled policies are kept; the oldest goes first. */
const COMPILED_KEPT = 32;
const compiled = new Map<string, Moderate>();

function compile(policy: Policy): Moderate {
  const source = lexiconSourceFor(policy);
  const lexicon = compileLexicon(source);
  const rules = compileRules({ policy, source });

  const trustedSkip: ReadonlySet<RuleId> = new Set(policy.trusted.skip);
  const trustedRules = rules.filter((r) => !trustedSkip.has(r.id));

  return function moderate(input: ModerationInput): Verdict {
    const analysis = analyze(lexicon, input.text);
    const reasons: Reason[] = [];
    const active = input.context.author.trusted ? trustedRules : rules;
    // Index loops: most rules return the shared empty list, and iterating it with for…of cost an
    // iterator object per rule per comment at this megamorphic call site.
    for (let r = 0; r < active.length; r++) {
      const found = (active[r] as Rule).check(input, analysis, reasons);
      for (let k = 0; k < found.length; k++) reasons.push(found[k] as Reason);
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
