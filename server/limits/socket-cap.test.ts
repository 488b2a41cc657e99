import { describe, expect, it } from 'vitest';
import { createSocketCap } from './socket-cap.ts';

describe('socket cap per address', () => {
  it('grants slots up to the cap and refuses the next', () => {
    const cap = createSocketCap(2);
    expect(cap.claim('203.0.113.7')).not.toBeNull();
    expect(cap.claim('203.0.113.7')).not.toBeNull();
    expect(cap.claim('203.0.113.7')).toBeNull();
    expect(cap.claim('203.0.113.8')).not.toBeNull();
  });

  it('frees a slot when a socket closes, once however often it is released', () => {
    const cap = createSocketCap(2);
    const first = cap.claim('k');
    cap.claim('k');
    first?.();
    first?.();
    expect(cap.count('k')).toBe(1);
    expect(cap.claim('k')).not.toBeNull();
    expect(cap.claim('k')).toBeNull();
  });
});
