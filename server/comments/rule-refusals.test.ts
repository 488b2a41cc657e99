import { describe, expect, it } from 'vitest';
import { ruleIds, type Action, type RuleId } from '../../moderation/index.ts';
import type { ModerationReason } from '../store/types.ts';
import type { ModerationOutcome } from './moderate.ts';
import { REFUSAL_FOR_RULE, refusalOf, velocityRefusal } from './rule-refusals.ts';

const reason = (rule: RuleId, action: Action = 'reject'): ModerationReason => ({
  rule,
  action,
  message: { en: `${rule} said no.`, id: `${rule} menolak.` },
  spans: [],
});
const verdict = (...reasons: ModerationReason[]): ModerationOutcome => ({
  action: reasons.some((r) => r.action === 'reject') ? 'reject' : reasons.length > 0 ? 'hold' : 'publish',
  reasons,
});

describe('rule refusals', () => {
  it('answers only the banned-author, closed-thread and velocity rules with an error code', () => {
    const refusing = ruleIds.filter((id) => REFUSAL_FOR_RULE[id] !== null);
    expect(Object.fromEntries(refusing.map((id) => [id, REFUSAL_FOR_RULE[id]]))).toEqual({
      'banned-author': 'AUTHOR_BANNED',
      'closed-thread': 'THREAD_CLOSED',
      velocity: 'RATE_LIMITED',
    });
  });

  it('has an entry for every rule the engine has', () => {
    expect(Object.keys(REFUSAL_FOR_RULE).sort()).toEqual([...ruleIds].sort());
  });

  it('refuses a banned author with AUTHOR_BANNED and the engine’s sentence, even on a closed thread', () => {
    const answer = refusalOf(verdict(reason('closed-thread'), reason('banned-author')));
    expect(answer).toEqual({ ok: false, error: { code: 'AUTHOR_BANNED', message: 'banned-author said no.' } });
  });

  it('refuses a post on a closed thread with THREAD_CLOSED', () => {
    expect(refusalOf(verdict(reason('closed-thread'), reason('profanity', 'hold')))).toEqual({
      ok: false,
      error: { code: 'THREAD_CLOSED', message: 'closed-thread said no.' },
    });
  });

  it('refuses nothing when a text rule rejects: that comment is stored as rejected', () => {
    const v = verdict(reason('banned-word'), reason('length'), reason('links'));
    expect(refusalOf(v)).toBeNull();
    expect(velocityRefusal(v)).toBeNull();
  });

  it('leaves the velocity rule to the rate refusal, with the verdict’s wait and the rule’s sentence', () => {
    const v = { ...verdict(reason('velocity')), retryAfterMs: 12_000 };
    expect(refusalOf(v)).toBeNull();
    expect(velocityRefusal(v)).toEqual({ retryAfterMs: 12_000, message: 'velocity said no.' });
  });

  it('refuses nothing for a held comment', () => {
    const v = verdict(reason('pre-moderated', 'hold'), reason('new-author', 'hold'));
    expect(refusalOf(v)).toBeNull();
    expect(velocityRefusal(v)).toBeNull();
  });
});
