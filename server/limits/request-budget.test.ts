import { describe, expect, it } from 'vitest';
import { createRequestBudget, type BudgetDecision } from './request-budget.ts';

const options = { perSecond: 10, burst: 20, disconnectAfter: 5, strikeWindowMs: 5_000 };

/** Takes `n` requests at `now` and keeps the decisions. */
function takeMany(budget: ReturnType<typeof createRequestBudget>, n: number, now: number): BudgetDecision[] {
  return Array.from({ length: n }, () => budget.take(now));
}

describe('per-socket request budget', () => {
  it('allows a burst at once, then refuses with the wait until the next request', () => {
    const budget = createRequestBudget(options);
    const decisions = takeMany(budget, 21, 0);
    expect(decisions.slice(0, 20).every((d) => d.ok)).toBe(true);
    expect(decisions[20]).toEqual({ ok: false, retryAfterMs: 100, disconnect: false });
  });

  it('refills at the sustained rate', () => {
    const budget = createRequestBudget(options);
    takeMany(budget, 20, 0);
    expect(budget.take(100).ok).toBe(true);
    expect(budget.take(100).ok).toBe(false);
    expect(takeMany(budget, 10, 1_100).filter((d) => d.ok)).toHaveLength(10);
  });

  it('never holds more than the burst, however long the socket was quiet', () => {
    const budget = createRequestBudget(options);
    budget.take(0);
    expect(takeMany(budget, 25, 3_600_000).filter((d) => d.ok)).toHaveLength(20);
  });

  it('a reader that waits as told is never disconnected, however hard it pushes', () => {
    const budget = createRequestBudget(options);
    let now = 0;
    for (let i = 0; i < 1_000; i += 1) {
      const decision = budget.take(now);
      if (!decision.ok) {
        expect(decision.disconnect).toBe(false);
        now += decision.retryAfterMs;
      }
    }
  });

  it('disconnects a socket that keeps going after being refused', () => {
    const budget = createRequestBudget(options);
    // 20 granted, the 21st refused (that starts the wait), 22nd–26th refused during it.
    const decisions = takeMany(budget, 26, 0);
    expect(decisions.at(-2)).toMatchObject({ ok: false, disconnect: false });
    expect(decisions.at(-1)).toMatchObject({ ok: false, disconnect: true });
  });

  it('forgets refusals older than the strike window', () => {
    const budget = createRequestBudget(options);
    takeMany(budget, 25, 0);
    expect(budget.take(6_000)).toEqual({ ok: true });
    takeMany(budget, 19, 6_000);
    expect(budget.take(6_000)).toMatchObject({ ok: false, disconnect: false });
    expect(budget.take(6_001)).toMatchObject({ ok: false, disconnect: false });
  });
});
