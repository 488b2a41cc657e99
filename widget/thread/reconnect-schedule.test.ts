import { describe, expect, it } from 'vitest';
import { createReconnectSchedule, isPermanentRefusal, RECONNECT } from './reconnect-schedule.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('reconnect schedule', () => {
  it('doubles its wait from about a second up to a minute, and stays there', () => {
    const s = createReconnectSchedule(() => 1);
    const waits = Array.from({ length: 10 }, () => s.failed());
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it('spreads each wait between half and all of its ceiling with the random source', () => {
    const low = createReconnectSchedule(() => 0);
    const mid = createReconnectSchedule(() => 0.5);
    expect([low.failed(), low.failed(), low.failed()]).toEqual([500, 1_000, 2_000]);
    expect([mid.failed(), mid.failed(), mid.failed()]).toEqual([750, 1_500, 3_000]);
    const far = createReconnectSchedule(() => 0);
    for (let i = 0; i < 20; i++) far.failed();
    expect(far.failed()).toBe(RECONNECT.maxMs / 2);
  });

  it('never waits less than the server asked for', () => {
    const s = createReconnectSchedule(() => 0);
    expect(s.failed(30_000)).toBe(30_000);
    expect(s.failed(100)).toBe(1_000);
  });

  it('starts from the shortest wait again after a connection', () => {
    const s = createReconnectSchedule(() => 1);
    s.failed();
    s.failed();
    s.connected();
    expect(s.failed()).toBe(1_000);
  });

  it('says the server cannot be reached a fixed time into an outage, counted from its start', () => {
    const c = clock();
    const s = createReconnectSchedule(() => 1, c.now);
    s.lost();
    c.advance(2_000);
    s.lost(); // a second failure inside the same outage does not restart the count
    expect(s.untilUnreachable()).toBe(RECONNECT.unreachableAfterMs - 2_000);
    c.advance(RECONNECT.unreachableAfterMs);
    expect(s.untilUnreachable()).toBe(0);
    s.connected();
    s.lost();
    expect(s.untilUnreachable()).toBe(RECONNECT.unreachableAfterMs);
    expect(RECONNECT.unreachableAfterMs).toBeLessThan(10_000);
  });

  it('gives up only on refusals that another try cannot fix', () => {
    for (const code of ['UNKNOWN_SITE', 'ORIGIN_NOT_ALLOWED', 'AUTHOR_BANNED', 'INVALID_INPUT'] as const) expect(isPermanentRefusal(code)).toBe(true);
    for (const code of ['UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL'] as const) expect(isPermanentRefusal(code)).toBe(false);
  });
});
