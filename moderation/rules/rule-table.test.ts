import { describe, expect, it } from 'vitest';
import { inputOf } from '../fixtures.ts';
import { createModerator } from '../moderator.ts';
import { lexiconSourceFor } from '../words/builtin.ts';
import { RULE_IDS } from './rule-ids.ts';
import { compileRules, RuleGroups, ruleIds, ruleTable } from './rule-table.ts';
import { policyOf } from './test-helpers.ts';

const now = 1_700_000_000_000;
// Every rule on: new-author and learned are the rules the default policy leaves off.
const everyRuleOn = policyOf({ newAuthor: { holdFirst: 1 }, learned: { enabled: true } });
const setup = { policy: everyRuleOn, source: lexiconSourceFor(everyRuleOn) };

describe('rule table', () => {
  it('runs the groups in the order the table comments give, each group in one stretch', () => {
    const groups = ruleTable.map((r) => r.group).filter((g, i, all) => i === 0 || all[i - 1] !== g);
    expect(groups).toEqual(Object.values(RuleGroups));
  });

  it('runs the refusals first: banned author, closed thread, length, velocity', () => {
    expect(ruleIds.slice(0, 4)).toEqual(['banned-author', 'closed-thread', 'length', 'velocity']);
    expect(ruleTable.slice(0, 4).every((r) => r.group === 'refusal')).toBe(true);
  });

  it('runs the banned-word rule before the suspect-word and profanity rules that defer to it', () => {
    expect(ruleIds.indexOf('banned-word')).toBeLessThan(ruleIds.indexOf('suspect-word'));
    expect(ruleIds.indexOf('banned-word')).toBeLessThan(ruleIds.indexOf('profanity'));
  });

  it('lists every rule once', () => {
    expect(new Set(ruleIds).size).toBe(ruleTable.length);
  });

  it('builds each rule under the id of its row', () => {
    expect(compileRules(setup).map((r) => r.id)).toEqual(ruleIds);
  });

  it('leaves out the rules a policy turns off and keeps the order of the rest', () => {
    const policy = policyOf({ velocity: { enabled: false }, links: { enabled: false }, words: { checkAuthorName: false } });
    const ids = compileRules({ policy, source: lexiconSourceFor(policy) }).map((r) => r.id);
    expect(ids).toEqual(
      ruleIds.filter((id) => id !== 'velocity' && id !== 'links' && id !== 'author-name' && id !== 'new-author' && id !== 'learned'),
    );
  });

  it('lists a verdict’s reasons in table order, the refusal that decided it first', () => {
    const text = 'SLOT GACOR MAXWIN DI bit.ly/xyz HUBUNGI 081234567890!!!!!!!!!!!! GOBLOK';
    const recentPosts = [text, 'p2', 'p3', 'p4', 'p5'].map((t, i) => ({ text: t, at: now - 1 - i }));
    const v = createModerator(everyRuleOn)(
      inputOf(text, {
        now,
        authorName: 'Si Goblok',
        author: { approvedCount: 0, bannedUntil: now + 1000, recentPosts },
        thread: { preModerated: true, closed: true },
      }),
    );
    const order = v.reasons.map((r) => ruleIds.indexOf(r.rule));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(v.reasons[0]?.rule).toBe('banned-author');
    // Enough rules spoke for the order to mean something: one from every group but the learned
    // rule's, which speaks only when no other rule held.
    const groupOf = new Map<string, string>(ruleTable.map((r) => [r.id, r.group]));
    expect(new Set(v.reasons.map((r) => groupOf.get(r.rule)))).toEqual(new Set(Object.values(RuleGroups).filter((g) => g !== 'learned')));
  });

  it('runs the learned rule last, the one rule that reads what the others found', () => {
    expect(ruleIds.at(-1)).toBe('learned');
  });

  it('lists the rule ids in rule-ids.ts in the table’s order', () => {
    expect(ruleIds).toEqual(RULE_IDS);
  });
});
