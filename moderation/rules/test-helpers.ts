import { createModerator } from '../moderator.ts';
import { parsePolicy, type Policy, type PolicyInput } from '../policy.ts';
import { inputOf, type InputOverrides } from '../fixtures.ts';
import type { Action, Reason, RuleId } from '../types.ts';

/** Compiles a policy written as JSON, failing loudly on a typo in a test. */
export function policyOf(json: PolicyInput = {}): Policy {
  const r = parsePolicy(json);
  if (!r.ok) throw new Error(`bad test policy: ${JSON.stringify(r.errors)}`);
  return r.policy;
}

/** Runs the whole engine and returns what one rule said: its action (or 'publish') and the texts it highlighted. */
export function ruleOutcome(
  rule: RuleId,
  text: string,
  policy: PolicyInput = {},
  o: InputOverrides = {},
): { action: Action; found: string[]; reasons: Reason[] } {
  const verdict = createModerator(policyOf(policy))(inputOf(text, o));
  const reasons = verdict.reasons.filter((r) => r.rule === rule);
  let action: Action = 'publish';
  for (const r of reasons) if (r.action === 'reject' || action === 'publish') action = r.action;
  return { action, found: reasons.flatMap((r) => r.spans.map((s) => text.slice(s.start, s.end))), reasons };
}
