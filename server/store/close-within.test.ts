import { describe, expect, it } from 'vitest';
import { closeWithin } from './close-within.ts';

describe('closing a connection within a bound', () => {
  it('drops a connection whose close never settles, once the bound has passed', async () => {
    let destroyed = 0;
    const started = Date.now();
    await closeWithin({ close: () => new Promise(() => undefined), destroy: () => (destroyed += 1) }, 50);
    expect(destroyed).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('leaves a connection that closes in time alone, and takes a failed close as closed', async () => {
    let destroyed = 0;
    await closeWithin({ close: () => Promise.resolve(), destroy: () => (destroyed += 1) }, 1_000);
    await closeWithin({ close: () => Promise.reject(new Error('socket closed')), destroy: () => (destroyed += 1) }, 1_000);
    expect(destroyed).toBe(0);
  });
});
