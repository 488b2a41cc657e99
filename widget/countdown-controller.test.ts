import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CountdownController } from './countdown-controller.ts';

function host() {
  let updates = 0;
  return {
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
    updates: () => updates,
  };
}

describe('countdown controller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts the real time left and re-renders its host every second until it is over', () => {
    const h = host();
    const countdown = new CountdownController(h);
    countdown.hostConnected();
    countdown.start(3_500);
    expect(countdown.remainingMs).toBe(3_500);
    vi.advanceTimersByTime(1_000);
    expect(countdown.remainingMs).toBe(2_500);
    expect(h.updates()).toBe(1);
    vi.advanceTimersByTime(3_000);
    expect(countdown.running).toBe(false);
    const done = h.updates();
    vi.advanceTimersByTime(5_000);
    expect(h.updates()).toBe(done);
  });

  it('stops ticking while its host is disconnected and resumes after', () => {
    const h = host();
    const countdown = new CountdownController(h);
    countdown.start(10_000);
    countdown.hostDisconnected();
    vi.advanceTimersByTime(3_000);
    expect(h.updates()).toBe(0);
    expect(countdown.remainingMs).toBe(7_000);
    countdown.hostConnected();
    vi.advanceTimersByTime(1_000);
    expect(h.updates()).toBe(1);
    countdown.stop();
    expect(countdown.running).toBe(false);
  });
});
