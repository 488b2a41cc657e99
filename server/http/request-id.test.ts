import { describe, expect, it } from 'vitest';
import { newRequestId, requestIdOf } from './request-id.ts';

describe('request ids', () => {
  it("keep the proxy's id when it looks like one", () => {
    expect(requestIdOf('7f0c2a9e4b1d4c55a3f1e2d3c4b5a697', () => 'new')).toBe('7f0c2a9e4b1d4c55a3f1e2d3c4b5a697');
    expect(requestIdOf('0192f1c2-7d3a-7b4e-9c1d-2e3f4a5b6c7d', () => 'new')).toBe('0192f1c2-7d3a-7b4e-9c1d-2e3f4a5b6c7d');
  });

  it('make a new one for a missing, repeated, overlong or unsafe header', () => {
    for (const header of [undefined, '', ['a', 'b'], 'x'.repeat(65), 'id with spaces', 'id\nforged: line', 'id"}', 'ünïcode']) {
      expect(requestIdOf(header, () => 'new')).toBe('new');
    }
  });

  it('are 16 hex digits when the server makes them, a different one each time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newRequestId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});
